/**
 * What a scenario takes from the rest of the platform: a stored regional inventory as its base year, the
 * region's observations (capacities in that year, intensities of a plan's base year) and the region's plans
 * (targets, peak commitment). The mapping itself is the core's (src/core/scenarios/from-inventory.ts).
 */
import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { RegionalInventory } from '../../core/accounting/index.ts';
import {
  parseScenarioFile, scenarioFromInventory, targetsFromPlans, type PlanTargetIn, type ReferenceValue, type References, type RegionPlans,
} from '../../core/scenarios/index.ts';
import { loadInventory } from '../accounting/inventories.ts';
import { planTargets } from '../plans/repo.ts';
import { requireRegion } from '../regions/repo.ts';
import { HttpError, notFound } from '../http/errors.ts';

/** Capacity indicators of the catalogue and the technology each gives the capacity of. */
const CAPACITY_INDICATORS: Record<string, string> = { solar_capacity: 'pv', wind_capacity: 'wind', biomass_power_capacity: 'biomass' };
/** Level indicators a reduction target is measured against. */
const INTENSITY_INDICATORS = ['energy_intensity', 'carbon_intensity'];

interface Obs { id: number; indicator_code: string; year: number; value: number; unit: string; status: string; source: string }

async function observations(q: Queryable, regionId: number, codes: string[]): Promise<Obs[]> {
  // values that count for the platform: submitted or approved (as plans/progress.ts)
  return (await q.query<Obs>(
    `select id, indicator_code, year, value, unit, status, source from observations
      where region_id = $1 and indicator_code = any($2::text[]) and status in ('submitted', 'approved') order by year`, [regionId, codes],
  )).rows;
}

const obsText = (o: Obs) => ({
  ref: `observation #${o.id}`,
  zh: `${o.year}年观测值 #${o.id}（${o.indicator_code}，${o.status === 'approved' ? '已审核' : '已报送'}，${o.source === 'computed' ? '由清单计算' : '填报'}）`,
  en: `observation #${o.id} of ${o.year} (${o.indicator_code}, ${o.status}, ${o.source})`,
});

async function referencesOf(q: Queryable, regionId: number): Promise<References> {
  const rows = await observations(q, regionId, INTENSITY_INDICATORS);
  return (code, year): ReferenceValue | undefined => {
    const o = rows.find((r) => r.indicator_code === code && r.year === year);
    return o && { value: o.value, unit: o.unit, ...obsText(o) };
  };
}

/** The region's stored plans and their targets, or undefined when it has none. */
async function plansOf(q: Queryable, regionId: number): Promise<RegionPlans | undefined> {
  const plans = (await q.query<{ id: number; title: string; source_text: string; period_start: number }>(
    'select id, title, source_text, period_start from plans where region_id = $1 order by id', [regionId],
  )).rows;
  if (!plans.length) return undefined;
  const targets: PlanTargetIn[] = [];
  for (const p of plans) {
    for (const t of await planTargets(q, p.id)) {
      targets.push({
        planId: p.id, planTitle: p.title, ref: t.ref, indicatorCode: t.indicator_code, indicatorName: t.indicator_name, year: t.year, value: t.value,
        unit: t.unit, qualifier: t.qualifier, kind: t.kind, annual: t.annual, baselineYear: t.baseline_year, baselineValue: t.baseline_value,
        deferred: t.deferred, reviewStatus: t.review_status, quote: t.quote, defaultBaselineYear: p.period_start - 1,
      });
    }
  }
  return { targets, texts: plans.map((p) => ({ id: p.id, title: p.title, text: p.source_text })) };
}

export async function scenarioFromStoredInventory(ctx: AppContext, body: { inventoryId: number; template?: Record<string, unknown>; valueAddedShare?: Record<string, number>; endYear?: number }) {
  const q = ctx.db;
  const { row, input, result } = await loadInventory(q, body.inventoryId).catch((e: unknown) => {
    throw e instanceof HttpError && e.status === 404 ? notFound('清单', 'Inventory', 'inventoryId') : e;
  });
  const region = await requireRegion(q, row.region_code, 'inventoryId');
  const capacity: Record<string, { value: number; source: 'observation'; ref: string; zh: string; en: string }> = {};
  for (const o of await observations(q, row.region_id, Object.keys(CAPACITY_INDICATORS))) {
    if (o.year === row.year) capacity[CAPACITY_INDICATORS[o.indicator_code]] = { value: o.value, source: 'observation', ...obsText(o) };
  }
  const r = scenarioFromInventory({
    inventory: result as RegionalInventory, balance: input,
    label: { zh: `清单 #${row.id}（${row.year}年，因子集 ${row.set_name} v${row.set_version}）`, en: `inventory #${row.id} (${row.year}, factor set ${row.set_name} v${row.set_version})` },
    region: { name: region.name, nameEn: region.nameEn ?? undefined },
    template: body.template, valueAddedShare: body.valueAddedShare, endYear: body.endYear, capacity,
    plans: await plansOf(q, row.region_id), references: await referencesOf(q, row.region_id),
  });
  const { mapped, skipped, peak, fromPlans } = r.planTargets;
  return {
    input: r.input, inventory: { id: row.id, regionCode: row.region_code, year: row.year },
    lineage: r.lineage, checks: r.checks, planTargets: { mapped, skipped, peak, fromPlans }, warnings: r.warnings,
  };
}

/** The region's plan targets for a scenario file (to merge into its targets), and those the model cannot compute. */
export async function planTargetsFor(ctx: AppContext, regionCode: string, input: unknown) {
  const q = ctx.db;
  const region = await requireRegion(q, regionCode);
  const file = parseScenarioFile(input);
  const plans = await plansOf(q, region.id);
  if (!plans) return { targets: [], mapped: [], skipped: [], peak: null, fromPlans: false };
  const facts = { baseYear: file.baseYear, endYear: file.endYear, fuels: file.fuels.map((f) => f.id), techs: file.base.generation.map((g) => g.id) };
  const r = targetsFromPlans(plans, facts, await referencesOf(q, region.id));
  return { targets: r.targets, mapped: r.mapped.map(({ fromValue: _f, ...m }) => m), skipped: r.skipped, peak: r.peak, fromPlans: true };
}

