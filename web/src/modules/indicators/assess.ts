import type { IndicatorSeries, ObservationOut } from '../../../../src/contracts/plans.ts';
import { assessProgress, type PathTarget, type ProgressAssessment } from '../../../../src/core/plans/progress.ts';
import { getIndicator } from '../../../../src/core/plans/indicators.ts';

/**
 * Progress of one year against the target that governs it, with the core's own rules
 * (src/core/plans/progress.ts, the same the server uses for the latest assessment). The path's first point
 * is the base year and base value, so the PathTarget is rebuilt exactly from what the API returned.
 */
export type SeriesTarget = IndicatorSeries['targets'][number];

/** Values that count for progress: submitted or approved (as on the server). */
export const counts = (o: ObservationOut) => o.status === 'submitted' || o.status === 'approved';

/** The indicator whose values follow a target: a reduction rate is followed through the level it measures. */
export const trackedCode = (code: string) => getIndicator(code)?.rateOf ?? code;

function pathTarget(s: SeriesTarget): PathTarget | null {
  const t = s.target;
  if (!s.path.length || t.year == null || t.value == null) return null;
  return { kind: t.kind, year: t.year, value: t.value, unit: t.unit, baselineYear: s.path[0].year, baselineValue: s.path[0].expected, annual: t.annual };
}

/** The target a year is measured against: the first one due in or after that year, else the last. */
export function governing(targets: SeriesTarget[], year: number): SeriesTarget | undefined {
  const usable = targets.filter((s) => s.path.length && s.target.year != null).sort((a, b) => a.target.year! - b.target.year!);
  return usable.find((s) => s.target.year! >= year && s.path[0].year < year) ?? usable[usable.length - 1];
}

export function assessYear(series: Pick<IndicatorSeries, 'observations' | 'targets'>, year: number): { target: SeriesTarget; result: ProgressAssessment } | null {
  const s = governing(series.targets, year);
  const path = s && pathTarget(s);
  if (!s || !path || year <= path.baselineYear) return null;
  const obs = series.observations.filter(counts).sort((a, b) => a.year - b.year);
  const latest = obs.find((o) => o.year === year);
  if (!latest) return null;
  const previous = [...obs].reverse().find((o) => o.year < year && o.year > path.baselineYear);
  try {
    return { target: s, result: assessProgress(path, latest, previous) };
  } catch {
    return null;
  }
}
