import type { Queryable } from '../../db/index.ts';
import { assessProgress, getIndicator, pathOf, type PathTarget } from '../../core/plans/index.ts';
import type { ProgressOut } from '../../contracts/plans.ts';
import type { TargetRow } from './rows.ts';

/**
 * Which indicator is observed to follow a target: a reduction-rate indicator (单位GDP能耗降低率) is followed
 * through the level it measures (单位GDP能耗), whose values form the path.
 */
export function observedIndicator(code: string): string {
  return getIndicator(code)?.rateOf ?? code;
}

export interface Obs { indicator_code: string; year: number; value: number }

/** Observations that count: submitted or approved (drafts and rejected values do not). */
export async function observationsOf(q: Queryable, regionId: number, codes: string[]): Promise<Map<string, Obs[]>> {
  const rows = (await q.query<Obs>(
    `select indicator_code, year, value from observations
      where region_id = $1 and indicator_code = any($2::text[]) and status in ('submitted', 'approved') order by year`,
    [regionId, codes],
  )).rows;
  const out = new Map<string, Obs[]>();
  for (const r of rows) out.set(r.indicator_code, [...(out.get(r.indicator_code) ?? []), r]);
  return out;
}

/**
 * The target's path, or null when it cannot be computed: the base year is the target's own or the plan's
 * (the year before its period starts, 2020 for 十四五); the base value the target's own or the observation
 * of the base year.
 */
export function pathFor(t: TargetRow, series: Obs[], defaultBaseYear: number): PathTarget | null {
  if (t.year === null || t.value === null || t.review_status === 'rejected') return null;
  const by = t.baseline_year ?? defaultBaseYear;
  if (by >= t.year) return null;
  const needsBase = t.kind !== 'cap' && t.kind !== 'cumulative';
  const base = t.baseline_value ?? series.find((o) => o.year === by)?.value ?? null;
  if (needsBase && base === null) return null;
  return pathOf({ kind: t.kind, year: t.year, value: t.value, unit: t.unit, baselineYear: by, annual: t.annual }, base);
}

/** Latest assessment per target of one region: needs a path and an observation after the base year. */
export async function progressOf(q: Queryable, regionId: number, targets: TargetRow[], defaultBaseYear: number): Promise<Map<number, ProgressOut>> {
  const codes = [...new Set(targets.filter((t) => t.indicator_code).map((t) => observedIndicator(t.indicator_code!)))];
  const obs = await observationsOf(q, regionId, codes);
  const out = new Map<number, ProgressOut>();
  for (const t of targets) {
    if (!t.indicator_code) continue;
    const series = obs.get(observedIndicator(t.indicator_code)) ?? [];
    const path = pathFor(t, series, defaultBaseYear);
    if (!path) continue;
    const after = series.filter((o) => o.year > path.baselineYear && o.year <= t.year!);
    const latest = after[after.length - 1];
    if (!latest) continue;
    const previous = after.length > 1 ? after[after.length - 2] : undefined;
    out.set(t.id, assessProgress(path, latest, previous));
  }
  return out;
}
