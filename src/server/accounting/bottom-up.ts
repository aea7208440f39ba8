import { aggregateEnterprises, compareBottomUp, computeEnterpriseReport, type BottomUp, type Coverage, type EnterpriseResult, type RegionalInventory } from '../../core/accounting/index.ts';
import { PROCESS_CATEGORY_LABELS } from '../../core/accounting/schema-process.ts';
import { DomainError } from '../../core/errors.ts';
import type { BottomUpOut } from '../../contracts/accounting.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { assertCan } from '../access/guard.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { findRegion } from '../regions/repo.ts';
import { loadDefaultSet, loadFactorSet, setRef, type LoadedSet } from './factor-sets.ts';

interface ReportRow {
  id: number; organisation_id: number; name: string; credit_code: string; region_code: string; status: 'draft' | 'submitted';
  factor_set_fingerprint: string; input: unknown; result: EnterpriseResult;
}

/** Rows of the bottom-up table: what the enterprises report against the same item of the inventory. */
function rows(bu: BottomUp, inv: RegionalInventory | null): BottomUpOut['rows'] {
  const industry = (xs: { sector: string; figure: { value: number } }[] | undefined) => xs?.find((s) => s.sector === 'industry')?.figure.value ?? null;
  const row = (item: string, zh: string, en: string, unit: string, bottomUp: number, inventory: number | null) =>
    ({ item, zh, en, unit, bottomUp, inventory, share: inventory ? bottomUp / inventory : null });
  return [
    row('combustion', '工业化石燃料燃烧CO2', 'industrial fuel-combustion CO2', 'tCO2', bu.combustion.total.value, inv ? industry(inv.co2.combustion.bySector) : null),
    ...bu.process.byCategory.map((c) => row(`process.${c.category}`, `${PROCESS_CATEGORY_LABELS[c.category].zh}CO2`, `${PROCESS_CATEGORY_LABELS[c.category].en} CO2`, 'tCO2',
      c.co2.value, inv?.co2.process.byCategory.find((x) => x.category === c.category)?.co2e.value ?? null)),
    row('energy', '工业综合能源消费量', 'industrial energy consumption', 'tce', bu.energy.value, inv ? industry(inv.energy.bySector) : null),
    row('indirect', '净购入电力和热力排放', 'net purchased electricity and heat', 'tCO2', bu.indirect.total.value, null),
  ];
}

/**
 * 自下而上: the stored enterprise reports of a region (and the regions below it) for a year, summed and set
 * against the region's inventory. Reports computed with another factor set are recomputed from their stored
 * input with the inventory's set, so that the two sides always use the same factors.
 */
export async function bottomUp(ctx: AppContext, p: Principal, code: string, q: { year: number; inventory?: number; includeDrafts?: 'true' | 'false' }): Promise<BottomUpOut> {
  const db = ctx.db;
  const region = await findRegion(db, code);
  if (!region) throw notFound(`地区 ${code} `, `Region ${code}`, 'code');
  await assertCan(ctx, db, p, 'enterprise_report.read', { regionId: region.id }, region.name);
  const tree = await ctx.regions.get();
  const inv = (await db.query<{ id: number; region_id: number; year: number; factor_set_id: number; result: RegionalInventory }>(
    q.inventory !== undefined
      ? 'select id, region_id, year, factor_set_id, result from inventories where id = $1'
      : 'select id, region_id, year, factor_set_id, result from inventories where region_id = $1 and year = $2 order by id desc limit 1',
    q.inventory !== undefined ? [q.inventory] : [region.id, q.year],
  )).rows[0];
  if (q.inventory !== undefined && (!inv || inv.region_id !== region.id || inv.year !== q.year)) {
    throw new HttpError(400, 'invalid_input', { field: 'inventory', zh: `inventory：清单 #${q.inventory} 不是${region.name}${q.year}年的清单`, en: `inventory: #${q.inventory} is not the ${q.year} inventory of ${region.code}` });
  }
  const loaded: LoadedSet = inv ? await loadFactorSet(db, inv.factor_set_id, 'field', 'inventory') : await loadDefaultSet(db);
  const all = (await db.query<ReportRow & { region_id: number }>(
    `select e.id, e.organisation_id, o.name, o.credit_code, r.code as region_code, e.region_id, e.status, e.factor_set_fingerprint, e.input, e.result
       from enterprise_reports e join organisations o on o.id = e.organisation_id join regions r on r.id = e.region_id
      where e.year = $1 order by o.name, e.id`, [q.year],
  )).rows.filter((r) => tree.within(r.region_id, region.id));
  const enterprises: BottomUpOut['enterprises'] = [];
  const excluded: BottomUpOut['excluded'] = [];
  const results: EnterpriseResult[] = [];
  for (const r of all) {
    if (r.status === 'draft' && q.includeDrafts !== 'true') {
      excluded.push({ reportId: r.id, name: r.name, zh: '草稿，未报送', en: 'a draft, not submitted' });
      continue;
    }
    const recomputed = r.factor_set_fingerprint !== loaded.set.fingerprint;
    try {
      results.push(recomputed ? computeEnterpriseReport(r.input, loaded.set) : r.result);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      excluded.push({ reportId: r.id, name: r.name, zh: `用清单的因子集重算失败：${e.zh}`, en: `cannot be recomputed with the inventory's factor set: ${e.en}` });
      continue;
    }
    enterprises.push({ reportId: r.id, organisationId: r.organisation_id, name: r.name, creditCode: r.credit_code, regionCode: r.region_code, status: r.status, recomputed });
  }
  const base = { regionCode: region.code, regionName: region.name, year: q.year, inventoryId: inv?.id ?? null, factorSet: setRef(loaded.row), enterprises, excluded };
  if (!results.length) return { ...base, rows: [], bottomUp: null, coverage: null };
  const codes = (await db.query<{ id: number; code: string }>('select id, code from regions')).rows.filter((x) => tree.within(x.id, region.id)).map((x) => x.code);
  let bu: BottomUp;
  let coverage: Coverage | null = null;
  try {
    bu = aggregateEnterprises(results, { regionCode: region.code, year: q.year, regionCodes: codes });
    if (inv) coverage = compareBottomUp(bu, inv.result);
  } catch (e) {
    if (e instanceof DomainError) throw new HttpError(409, e.code, { field: e.field, zh: e.zh, en: e.en });
    throw e;
  }
  return { ...base, rows: rows(bu, inv?.result ?? null), bottomUp: bu, coverage };
}
