import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { MeteredOut } from '../../contracts/metered.ts';
import type { EnterpriseResult } from '../../core/accounting/index.ts';
import { can } from '../../core/access/policy.ts';
import { COMPLETENESS_THRESHOLD, cstDay } from '../../core/monitoring-quality/index.ts';
import { TOTAL_KINDS, computeMeteredEnergy, meteringChannel, type DayRow, type MeteredResult, type PointSpec } from '../../core/metering/index.ts';
import { orgTarget } from '../access/guard.ts';
import { notFound } from '../http/errors.ts';
import { getOrganisationRow } from '../organisations/repo.ts';
import { loadDefaultSet, loadFactorSet, setRef, type LoadedSet } from '../accounting/factor-sets.ts';

/** The last whole calendar day (China Standard Time) before an instant: today is still in progress, not yet due. */
export const lastWholeDay = (d: Date) => cstDay(d.getTime() - 86_400_000);

export interface MeteredOrg { id: number; name: string; credit_code: string | null; region_code: string }

/** What computeMeteredEnergy needs of one enterprise, as stored. */
export interface MeteringData {
  org: MeteredOrg;
  points: PointSpec[];
  days: Record<string, DayRow[]>;
  report?: { id: number; status: 'draft' | 'submitted'; factor_set_id: number; input: unknown; result: EnterpriseResult };
  earlier?: { id: number; year: number; input: unknown };
}

/**
 * The stored inputs of the metered energy of several enterprises for a year: one query per table whatever their
 * number — points, their factors, the daily totals of each point's totals factor (only interval totals: at most
 * 366 days × 3 kinds per point), the year's reports and the latest earlier ones.
 */
export async function loadMeteringData(q: Queryable, orgs: readonly MeteredOrg[], year: number): Promise<MeteringData[]> {
  const ids = orgs.map((o) => o.id);
  const rows = (await q.query<{ id: number; organisation_id: number; mn: string; name: string; feeds: string | null; interval_seconds: number }>(
    'select id, organisation_id, mn, name, feeds, interval_seconds from monitoring_points where organisation_id = any($1::int[]) order by mn', [ids],
  )).rows;
  const factors = (await q.query<{ point_id: number; code: string; unit: string }>(
    'select point_id, code, unit from monitoring_point_factors where point_id = any($1::int[]) order by point_id, code', [rows.map((r) => r.id)],
  )).rows;
  const factorsOf = new Map<number, { code: string; unit: string }[]>();
  for (const f of factors) {
    if (!factorsOf.has(f.point_id)) factorsOf.set(f.point_id, []);
    factorsOf.get(f.point_id)!.push({ code: f.code, unit: f.unit });
  }
  const specs = rows.map((r) => ({
    pointId: r.id, orgId: r.organisation_id,
    spec: { mn: r.mn, name: r.name, feeds: r.feeds, intervalSeconds: r.interval_seconds, factors: factorsOf.get(r.id) ?? [] } satisfies PointSpec,
  }));

  const wanted = new Map<number, { mn: string; factor: string }>();
  for (const { pointId, spec } of specs) {
    const ch = meteringChannel(spec);
    if (!('error' in ch)) wanted.set(pointId, { mn: spec.mn, factor: ch.factor });
  }
  const days: Record<string, DayRow[]> = {};
  if (wanted.size) {
    const daily = (await q.query<{ point_id: number; day: string; factor: string; kind: string; n: number; sum: number }>(
      `select point_id, to_char(day, 'YYYY-MM-DD') as day, factor, kind, n, sum from readings_daily
        where point_id = any($1::int[]) and day >= $2::date and day <= $3::date and kind = any($4::text[]) order by point_id, day`,
      [[...wanted.keys()], `${year}-01-01`, `${year}-12-31`, [...TOTAL_KINDS]],
    )).rows;
    for (const d of daily) {
      const w = wanted.get(d.point_id);
      if (w && d.factor === w.factor) (days[w.mn] ??= []).push({ day: d.day, kind: d.kind, n: d.n, sum: d.sum });
    }
  }

  const reports = new Map((await q.query<NonNullable<MeteringData['report']> & { organisation_id: number }>(
    'select id, organisation_id, status, factor_set_id, input, result from enterprise_reports where organisation_id = any($1::int[]) and year = $2', [ids, year],
  )).rows.map((r) => [r.organisation_id, r]));
  const without = ids.filter((id) => !reports.has(id));
  const earlier = new Map(without.length ? (await q.query<NonNullable<MeteringData['earlier']> & { organisation_id: number }>(
    `select distinct on (organisation_id) organisation_id, id, year, input from enterprise_reports
      where organisation_id = any($1::int[]) and year < $2 order by organisation_id, year desc`, [without, year],
  )).rows.map((r) => [r.organisation_id, r]) : []);

  const pointsOf = new Map<number, PointSpec[]>();
  for (const p of specs) {
    if (!pointsOf.has(p.orgId)) pointsOf.set(p.orgId, []);
    pointsOf.get(p.orgId)!.push(p.spec);
  }
  return orgs.map((org) => {
    const points = pointsOf.get(org.id) ?? [];
    const own = Object.fromEntries(points.filter((p) => days[p.mn]).map((p) => [p.mn, days[p.mn]]));
    return { org, points, days: own, report: reports.get(org.id), earlier: earlier.get(org.id) };
  });
}

/** Factor sets by id, each loaded (and its fingerprint checked) once per request; `default` = the newest seed set. */
export function factorSetCache(q: Queryable): (id: number | 'default') => Promise<LoadedSet> {
  const sets = new Map<number | 'default', Promise<LoadedSet>>();
  return (id) => {
    if (!sets.has(id)) sets.set(id, id === 'default' ? loadDefaultSet(q) : loadFactorSet(q, id));
    return sets.get(id)!;
  };
}

/**
 * One enterprise's metered energy: with a report for the year, its factor set and method (like for like);
 * without, the newest seed set with the method of its latest earlier report, or the core's default method.
 * The one calculation behind the enterprise's page and the region's sums.
 */
export async function computeMetered(d: MeteringData, year: number, asOf: string, sets: ReturnType<typeof factorSetCache>): Promise<{ result: MeteredResult; loaded: LoadedSet }> {
  const loaded = await sets(d.report ? d.report.factor_set_id : 'default');
  const result = computeMeteredEnergy({
    year, asOf, completenessThreshold: COMPLETENESS_THRESHOLD, points: d.points, days: d.days,
    report: d.report ? { id: d.report.id, input: d.report.input, result: d.report.result } : undefined,
    earlierReport: d.earlier,
  }, loaded.set);
  return { result, loaded };
}

/**
 * GET /api/organisations/:id/metered-energy?year=: the enterprise's metered energy by month and item with tce
 * and CO2, and the comparison with its report of that year. What may not be read is "not found".
 */
export async function meteredEnergy(ctx: AppContext, p: Principal, orgId: number, year: number): Promise<MeteredOut> {
  const q = ctx.db;
  const org = await getOrganisationRow(q, orgId);
  if (!org || org.kind !== 'enterprise' || !can(p.grants, 'monitoring.read', orgTarget(org), await ctx.regions.get())) throw notFound('企业', 'Enterprise', 'id');
  const [data] = await loadMeteringData(q, [org], year);
  const { result, loaded } = await computeMetered(data, year, lastWholeDay(ctx.now()), factorSetCache(q));
  return {
    ...result,
    organisation: { id: org.id, name: org.name, creditCode: org.credit_code, regionCode: org.region_code },
    completenessThreshold: COMPLETENESS_THRESHOLD,
    factorSet: setRef(loaded.row),
    comparison: result.comparison && data.report ? { ...result.comparison, reportStatus: data.report.status } : null,
  };
}
