import { completenessOf, expectedPerDay } from '../monitoring-quality/index.ts';

/**
 * From a point's daily rollup to the day's metered amount and its completeness.
 *
 * Which kind: a day's amount is the sum of interval totals (`Cou`) of ONE upload period — hourly (2061),
 * minute (2051) or daily (2031) — never a difference of raw register readings (a register that is reset or
 * replaced would make a difference meaningless; interval totals are unaffected), and never two periods added
 * together (they describe the same energy). The period chosen for a day is the most complete one; on a tie the
 * finer one (hour, then minute, then day), so a day-Cou that disagrees with complete hourly data is a finding
 * of the data checks, not the figure used. Nothing is filled in or extrapolated: a missing hour stays missing and
 * shows in the completeness.
 */

/** Upload kinds whose values are interval totals, in the order preferred on a tie. */
export const TOTAL_KINDS = ['hour-Cou', 'min-Cou', 'day-Cou'] as const;

/** One row of the daily rollup (China Standard Time day) of a point's totals factor. */
export interface DayRow {
  /** YYYY-MM-DD */
  readonly day: string;
  readonly kind: string;
  readonly n: number;
  readonly sum: number;
}

export interface DayTotal {
  readonly day: string;
  readonly kind: string;
  /** in the point's totals unit */
  readonly total: number;
  readonly received: number;
  readonly expected: number;
  readonly completeness: number;
}

/** The day's amount of one point: one entry per day that has any interval totals. */
export function dayTotals(rows: readonly DayRow[], intervalSeconds: number): DayTotal[] {
  const byDay = new Map<string, DayTotal>();
  const rank = (k: string) => TOTAL_KINDS.indexOf(k as (typeof TOTAL_KINDS)[number]);
  for (const r of rows) {
    if (rank(r.kind) < 0) continue;
    const expected = expectedPerDay(r.kind, intervalSeconds);
    const t: DayTotal = { day: r.day, kind: r.kind, total: r.sum, received: r.n, expected, completeness: completenessOf(r.n, expected) };
    const cur = byDay.get(r.day);
    if (!cur || t.completeness > cur.completeness || (t.completeness === cur.completeness && rank(t.kind) < rank(cur.kind))) byDay.set(r.day, t);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Days of a month that are due (not after `asOf`), that have data, and that are complete. */
export interface DaysCount {
  readonly due: number;
  readonly withData: number;
  readonly complete: number;
}

/** Every calendar day (YYYY-MM-DD) of a month, `month` = YYYY-MM. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export const monthsOfYear = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
