/** One reading of a series: epoch milliseconds and the stored value (already scaled by the meter constants). */
export interface Sample {
  time: number;
  value: number;
}

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The data-quality rules; each finding and each alarm names one. README.md says what each compares. */
export const RULES = [
  'completeness', 'gap', 'spike', 'counter_reset', 'counter_rollover', 'clock_drift', 'day_total', 'month_total',
  'below_range', 'above_range', 'negative_value', 'login_refused',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * What a rule found. `factor` and `kind` name the series (e10001, min-Cou); completeness and gaps name the
 * upload period instead of a kind (min), since one missing upload is missing for every suffix; findings about
 * the device (clock, login) have factor ''. `period` is the CST day (YYYY-MM-DD) or month (YYYY-MM) the
 * finding belongs to: with rule, factor and kind it is the key of an alarm. `deviation` is
 * (value − expected) / |expected| where both exist and expected ≠ 0, else null.
 */
export interface Finding {
  rule: Rule;
  factor: string;
  kind: string;
  /** epoch milliseconds: the span the finding covers (a single reading: from = to) */
  from: number;
  to: number;
  period: string;
  severity: Severity;
  value: number | null;
  expected: number | null;
  deviation: number | null;
  /** unit of value and expected: the factor's unit, 's' for durations, 'uploads' for counts */
  unit: string;
  /** how many times it happened (events grouped per day count each; default 1) */
  occurrences?: number;
  zh: string;
  en: string;
}

/** A series as the rules name it. */
export interface SeriesRef {
  factor: string;
  kind: string;
  /** the factor's registered unit ('' when unknown) */
  unit?: string;
}

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export const relativeDeviation = (value: number, expected: number): number | null => (expected === 0 ? null : (value - expected) / Math.abs(expected));
