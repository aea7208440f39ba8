import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { MeteredOut } from '../../contracts/metered.ts';
import type { EnterpriseResult } from '../../core/accounting/index.ts';
import { can } from '../../core/access/policy.ts';
import { COMPLETENESS_THRESHOLD, cstDay } from '../../core/monitoring-quality/index.ts';
import { TOTAL_KINDS, computeMeteredEnergy, meteringChannel, type DayRow, type PointSpec } from '../../core/metering/index.ts';
import { orgTarget } from '../access/guard.ts';
import { notFound } from '../http/errors.ts';
import { getOrganisationRow } from '../organisations/repo.ts';
import { loadDefaultSet, loadFactorSet, setRef } from '../accounting/factor-sets.ts';

/** The last whole calendar day (China Standard Time) before an instant: today is still in progress, not yet due. */
const lastWholeDay = (d: Date) => cstDay(d.getTime() - 86_400_000);

/**
 * GET /api/organisations/:id/metered-energy?year=: the enterprise's metered energy by month and item with tce
 * and CO2, and the comparison with its report of that year. With a report, its factor set and method are used
 * (like for like); without, the newest seed set with the method of its latest earlier report, or the core's
 * default method. What may not be read is "not found".
 */
export async function meteredEnergy(ctx: AppContext, p: Principal, orgId: number, year: number): Promise<MeteredOut> {
  const q = ctx.db;
  const org = await getOrganisationRow(q, orgId);
  if (!org || org.kind !== 'enterprise' || !can(p.grants, 'monitoring.read', orgTarget(org), await ctx.regions.get())) throw notFound('企业', 'Enterprise', 'id');

  const rows = (await q.query<{ id: number; mn: string; name: string; feeds: string | null; interval_seconds: number }>(
    'select id, mn, name, feeds, interval_seconds from monitoring_points where organisation_id = $1 order by mn', [org.id],
  )).rows;
  const factors = (await q.query<{ point_id: number; code: string; unit: string }>(
    'select point_id, code, unit from monitoring_point_factors where point_id = any($1::int[]) order by point_id, code', [rows.map((r) => r.id)],
  )).rows;
  const points: PointSpec[] = rows.map((r) => ({
    mn: r.mn, name: r.name, feeds: r.feeds, intervalSeconds: r.interval_seconds, factors: factors.filter((f) => f.point_id === r.id).map((f) => ({ code: f.code, unit: f.unit })),
  }));

  // Only each point's totals factor, only interval totals: at most 366 days × 3 kinds per point.
  const wanted = new Map<number, { mn: string; factor: string }>();
  rows.forEach((r, i) => {
    const ch = meteringChannel(points[i]);
    if (!('error' in ch)) wanted.set(r.id, { mn: r.mn, factor: ch.factor });
  });
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

  const report = (await q.query<{ id: number; status: 'draft' | 'submitted'; factor_set_id: number; input: unknown; result: EnterpriseResult }>(
    'select id, status, factor_set_id, input, result from enterprise_reports where organisation_id = $1 and year = $2', [org.id, year],
  )).rows[0];
  const earlier = report ? undefined : (await q.query<{ id: number; year: number; input: unknown }>(
    'select id, year, input from enterprise_reports where organisation_id = $1 and year < $2 order by year desc limit 1', [org.id, year],
  )).rows[0];
  const loaded = report ? await loadFactorSet(q, report.factor_set_id) : await loadDefaultSet(q);
  const result = computeMeteredEnergy({
    year, asOf: lastWholeDay(ctx.now()), completenessThreshold: COMPLETENESS_THRESHOLD, points, days,
    report: report ? { id: report.id, input: report.input, result: report.result } : undefined,
    earlierReport: earlier,
  }, loaded.set);
  return {
    ...result,
    organisation: { id: org.id, name: org.name, creditCode: org.credit_code, regionCode: org.region_code },
    completenessThreshold: COMPLETENESS_THRESHOLD,
    factorSet: setRef(loaded.row),
    comparison: result.comparison && report ? { ...result.comparison, reportStatus: report.status } : null,
  };
}
