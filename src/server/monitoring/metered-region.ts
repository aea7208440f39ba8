import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { RegionMeteredOut } from '../../contracts/metered.ts';
import type { FactorSetRef } from '../../contracts/accounting.ts';
import { DomainError } from '../../core/errors.ts';
import { COMPLETENESS_THRESHOLD } from '../../core/monitoring-quality/index.ts';
import { sumRegionMetered, type MeteredResult } from '../../core/metering/index.ts';
import { assertCan } from '../access/guard.ts';
import { notFound } from '../http/errors.ts';
import { findRegion } from '../regions/repo.ts';
import { setRef } from '../accounting/factor-sets.ts';
import { computeMetered, factorSetCache, lastWholeDay, loadMeteringData, type MeteredOrg, type MeteringData } from './metered.ts';

const BASIS = {
  zh: '地区合计 = 本地区及下级地区有监测点的各企业计量结果之和；每家企业的结果与其企业页面相同（有当年报告时采用报告的因子集和核算方法），不另行计算；数据不完整的企业照样计入并标出',
  en: "the region's figures are the sums of the metered results of its enterprises with monitoring points (and those of the regions below it); each enterprise's result is the one its own page shows (with the factor set and method of its report for the year, when there is one), not recomputed; enterprises with incomplete data are counted and flagged",
};

/**
 * GET /api/regions/:code/metered-energy?year=: the metered energy of every enterprise of the region and the
 * regions below it that has monitoring points — each by the enterprise's own calculation (computeMetered) —
 * summed per month and item, with coverage, incomplete data and each enterprise's deviation from its report.
 * The office and district of the region (monitoring.read with a region scope); anyone else is refused.
 */
export async function regionMeteredEnergy(ctx: AppContext, p: Principal, code: string, year: number): Promise<RegionMeteredOut> {
  const q = ctx.db;
  const region = await findRegion(q, code);
  if (!region) throw notFound(`地区 ${code} `, `Region ${code}`, 'code');
  await assertCan(ctx, q, p, 'monitoring.read', { regionId: region.id }, region.name);
  const tree = await ctx.regions.get(q);
  const orgs = (await q.query<MeteredOrg & { region_id: number }>(
    `select o.id, o.name, o.credit_code, r.code as region_code, o.region_id from organisations o join regions r on r.id = o.region_id
      where o.kind = 'enterprise' and exists (select 1 from monitoring_points p where p.organisation_id = o.id) order by r.code, o.name, o.id`,
  )).rows.filter((o) => tree.within(o.region_id, region.id));

  const asOf = lastWholeDay(ctx.now());
  const sets = factorSetCache(q);
  const done: { data: MeteringData; result: MeteredResult; set: FactorSetRef }[] = [];
  const excluded: RegionMeteredOut['excluded'] = [];
  for (const data of await loadMeteringData(q, orgs, year)) {
    try {
      const { result, loaded } = await computeMetered(data, year, asOf, sets);
      done.push({ data, result, set: setRef(loaded.row) });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      excluded.push({ organisationId: data.org.id, name: data.org.name, zh: e.zh, en: e.en });
    }
  }

  const sum = sumRegionMetered(done.map((d) => ({ organisationId: d.data.org.id, points: d.data.points.length, result: d.result })), COMPLETENESS_THRESHOLD);
  return {
    region: { code: region.code, name: region.name }, year, asOf, completenessThreshold: COMPLETENESS_THRESHOLD, basis: BASIS,
    coverage: sum.coverage, totals: sum.totals, items: sum.items,
    enterprises: sum.enterprises.map((e, i) => {
      const { data, result, set } = done[i];
      return {
        organisation: { id: data.org.id, name: data.org.name, creditCode: data.org.credit_code, regionCode: data.org.region_code },
        factorSet: set, method: { source: result.method.source, reportId: result.method.reportId, reportYear: result.method.reportYear },
        points: e.points, pointsUsed: e.pointsUsed, year: e.year, months: e.months, completeness: e.completeness, incomplete: e.incomplete,
        incompleteItems: e.incompleteItems, partial: e.partial, problems: result.problems, deviations: e.deviations,
        comparison: e.comparison && data.report ? { ...e.comparison, reportStatus: data.report.status } : null,
      };
    }),
    excluded,
  };
}
