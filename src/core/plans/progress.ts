/**
 * Progress against a target path and the three-level warning (红/黄/绿) in the spirit of the 能耗双控晴雨表
 * (发改办环资〔2021〕629号): 一级预警 (red) when the indicator moved the wrong way (能耗强度不降反升),
 * 二级预警 (yellow) when it did not keep pace with the path (降低率未达到进度要求), 三级预警 (green) otherwise.
 *
 * Paths from the base year b (value B) to the target year T:
 * - reduction of r % (an intensity): constant annual rate, expected(t) = B·(1−r)^((t−b)/(T−b));
 *   e.g. −14.5 % over 2020→2025 ⇒ 1−0.855^(1/5) = 3.08 %/yr;
 * - increase of r % : expected(t) = B·(1+r)^((t−b)/(T−b)); with `annual`, B·(1+r)^(t−b);
 *   an increase in absolute units (新增35万千瓦) adds linearly: B + Δ·(t−b)/(T−b);
 * - level and share: linear, B + (V−B)·(t−b)/(T−b);
 * - cap: the constant limit V;
 * - cumulative: the amount accumulated since b, V·(t−b)/(T−b).
 *
 * Warning rules (documented thresholds; `capMargin` is a platform convention, not a 629号 number):
 * - reduction/increase/level/share: red if the latest value moved away from the target compared with the
 *   previous observation (or the base value when there is none); yellow if it is behind the expected value
 *   by more than `tolerance` (relative, default 0 = strictly on the path); green otherwise.
 * - cap: red if above the cap; yellow if within `capMargin` (default 5 %) below it; green otherwise.
 * - cumulative: red if nothing was added since the previous observation; yellow if behind the path; green.
 */
import { invalid } from '../errors.ts';
import type { TargetKind } from './types.ts';

export interface PathTarget {
  kind: TargetKind;
  /** Target year T. */
  year: number;
  /** Target value as stated: % reduction/increase, level, share, cap, cumulative total. */
  value: number;
  /** `%` makes a reduction/increase relative; any other unit makes an increase absolute. */
  unit: string | null;
  baselineYear: number;
  /** Indicator value in the base year; needed by every kind except cap and cumulative. */
  baselineValue: number | null;
  annual?: boolean;
}

export interface Observation {
  year: number;
  value: number;
}

export type WarningLevel = 'red' | 'yellow' | 'green';

export interface ProgressAssessment {
  year: number;
  expected: number;
  observed: number;
  /** observed − expected. */
  gap: number;
  /** gap / |expected| (0 when expected is 0). */
  gapRatio: number;
  /** True when the observation is on or ahead of the path. */
  onTrack: boolean;
  level: WarningLevel;
  /** 一级预警 / 二级预警 / 三级预警 */
  levelZh: string;
  reasonZh: string;
  reasonEn: string;
}

export interface AssessOptions {
  /** Relative shortfall tolerated before yellow (0.02 = 2 % behind the path still green). Default 0. */
  tolerance?: number;
  /** Caps: yellow when the value is within this fraction below the cap. Default 0.05. */
  capMargin?: number;
}

const LEVEL_ZH: Record<WarningLevel, string> = { red: '一级预警', yellow: '二级预警', green: '三级预警' };

function check(t: PathTarget, year: number): void {
  if (!Number.isFinite(t.value)) throw invalid('target.value', '须为数值', 'must be a number');
  if (!(t.year > t.baselineYear)) throw invalid('target.year', '须晚于基准年', 'must be after the base year');
  if (!Number.isInteger(year) || year < t.baselineYear) throw invalid('year', '不得早于基准年', 'must not be before the base year');
  const needsBase = t.kind !== 'cap' && t.kind !== 'cumulative';
  if (needsBase && (t.baselineValue === null || !Number.isFinite(t.baselineValue))) {
    throw invalid('target.baselineValue', '此类目标须有基准年数值', 'is required for this kind of target');
  }
}

/** Share of the path elapsed at `year` (0 at the base year, 1 at the target year, >1 after). */
function elapsed(t: PathTarget, year: number): number {
  return (year - t.baselineYear) / (t.year - t.baselineYear);
}

/** Expected indicator value at `year` on the path from the base to the target (see the file comment). */
export function expectedAt(t: PathTarget, year: number): number {
  check(t, year);
  const f = elapsed(t, year);
  const base = t.baselineValue ?? 0;
  const relative = t.unit === '%';
  switch (t.kind) {
    case 'reduction':
      return relative ? base * (1 - t.value / 100) ** f : base - t.value * f;
    case 'increase':
      if (!relative) return base + t.value * f;
      return t.annual ? base * (1 + t.value / 100) ** (year - t.baselineYear) : base * (1 + t.value / 100) ** f;
    case 'cap':
      return t.value;
    case 'cumulative':
      return t.value * f;
    default:
      return base + (t.value - base) * f;
  }
}

/** Constant annual rate of a reduction of `percent` % over `years` years: 13.5 % over 5 years → 2.86 %. */
export function annualReductionRate(percent: number, years = 5): number {
  if (!(percent < 100) || !(years > 0)) throw invalid('percent', '须小于100且年数为正', 'must be below 100 with a positive number of years');
  return (1 - (1 - percent / 100) ** (1 / years)) * 100;
}

/** +1 when higher values are progress, −1 when lower values are. */
function goodSign(t: PathTarget): number {
  if (t.kind === 'reduction' || t.kind === 'cap') return -1;
  if (t.kind === 'increase' || t.kind === 'cumulative') return 1;
  return t.value >= (t.baselineValue ?? t.value) ? 1 : -1;
}

function result(level: WarningLevel, o: Observation, expected: number, onTrack: boolean, zh: string, en: string): ProgressAssessment {
  const gap = o.value - expected;
  return { year: o.year, expected, observed: o.value, gap, gapRatio: expected === 0 ? 0 : gap / Math.abs(expected), onTrack, level,
    levelZh: LEVEL_ZH[level], reasonZh: zh, reasonEn: en };
}

/**
 * Assesses the latest observation against the path. `previous` is the observation before it (for the
 * "moved the wrong way" rule); without it, the base value is used.
 */
export function assessProgress(t: PathTarget, latest: Observation, previous?: Observation, options: AssessOptions = {}): ProgressAssessment {
  const expected = expectedAt(t, latest.year);
  if (previous && previous.year >= latest.year) throw invalid('previous.year', '须早于最新观测年份', 'must be before the latest observation');
  const sign = goodSign(t);
  const tolerance = options.tolerance ?? 0;
  if (t.kind === 'cap') {
    const margin = options.capMargin ?? 0.05;
    if (latest.value > t.value) return result('red', latest, expected, false, '超过上限', 'Above the cap');
    if (latest.value > t.value * (1 - margin)) return result('yellow', latest, expected, true, '接近上限', 'Close to the cap');
    return result('green', latest, expected, true, '低于上限', 'Below the cap');
  }
  const before = previous?.value ?? (t.kind === 'cumulative' ? 0 : (t.baselineValue as number));
  const onTrack = sign * (latest.value - expected) >= -tolerance * Math.abs(expected);
  if (t.kind === 'cumulative' ? latest.value <= before : sign * (latest.value - before) < 0) {
    return result('red', latest, expected, onTrack, '指标不降反升（或不增反降），方向与目标相反', 'The indicator moved away from the target');
  }
  if (!onTrack) return result('yellow', latest, expected, false, '未达到进度要求', 'Behind the expected progress');
  return result('green', latest, expected, true, '达到进度要求', 'On or ahead of the expected progress');
}

/** The path of a parsed target; the base value comes from the observed data of the base year. */
export function pathOf(target: {
  kind: TargetKind; year: number | null; value: number | null; unit: string | null; baselineYear: number | null; annual: boolean;
}, baselineValue: number | null): PathTarget {
  if (target.year === null) throw invalid('target.year', '目标年份缺失', 'is missing');
  if (target.value === null) throw invalid('target.value', '目标值缺失（待上级下达）', 'is missing (deferred to the higher level)');
  if (target.baselineYear === null) throw invalid('target.baselineYear', '基准年缺失', 'is missing');
  return { kind: target.kind, year: target.year, value: target.value, unit: target.unit, baselineYear: target.baselineYear, baselineValue,
    annual: target.annual };
}
