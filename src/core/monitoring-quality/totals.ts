import type { Finding } from './types.ts';
import { dayStart, monthEnd, monthStart, num, pct, DAY_MS } from './time.ts';
import { relativeDeviation } from './types.ts';

/**
 * Totals of a factor's amount (Cou) must agree across periods within 5 %:
 * - day: the day's total as the device uploaded it (day-Cou, CN 2031, DataTime = the day's start) against the
 *   sum of the same day's minute (min-Cou, CN 2051) or hourly (hour-Cou, CN 2061) totals;
 * - month: the sum of the month's device day totals (day-Cou) against the sum of the month's minute or hourly
 *   totals — this also catches days whose day total never came.
 * deviation = (finer − device) / |device|; a device total of 0 against a finer sum that is not 0 is flagged
 * with deviation null. Exactly 5 % passes.
 */
export const TOTALS_TOLERANCE = 0.05;

export interface TotalsInput {
  factor: string;
  /** the finer kind summed: min-Cou or hour-Cou */
  finerKind: string;
  unit?: string;
  tolerance?: number;
}

export interface DayTotal {
  day: string;
  /** the device's day-Cou */
  device: number;
  /** Σ finer totals of the day */
  finer: number;
}

export interface MonthTotal {
  /** YYYY-MM */
  month: string;
  /** Σ day-Cou of the month */
  device: number;
  /** Σ finer totals of the month */
  finer: number;
}

function exceeds(finer: number, device: number, tolerance: number): boolean {
  const d = relativeDeviation(finer, device);
  return d === null ? finer !== 0 : Math.abs(d) > tolerance;
}

/** One total compared: the device's figure against the finer sum, with the rule, period and wording. */
function totalFindings<R extends { device: number; finer: number }>(
  rows: readonly R[], o: TotalsInput, rule: 'day_total' | 'month_total',
  at: (r: R) => { period: string; from: number; to: number }, what: { zh: string; en: string },
): Finding[] {
  const tol = o.tolerance ?? TOTALS_TOLERANCE;
  const unit = o.unit ?? '';
  return rows.filter((r) => exceeds(r.finer, r.device, tol)).map((r) => {
    const d = relativeDeviation(r.finer, r.device);
    const dz = d === null ? '' : `，相差 ${pct(d)}%`;
    const de = d === null ? '' : `, ${pct(d)} % apart`;
    const { period, from, to } = at(r);
    return {
      rule, factor: o.factor, kind: o.finerKind, from, to, period, severity: 'warning' as const, value: r.finer, expected: r.device, deviation: d, unit,
      zh: `${period} ${o.factor} ${what.zh} ${num(r.device)} ${unit} 与${rule === 'month_total' ? '当月 ' : ' '}${o.finerKind} 之和 ${num(r.finer)} ${unit} 不符${dz}（允许 ${pct(tol)}%）`,
      en: `${period} ${o.factor}: ${what.en} ${num(r.device)} ${unit} against the ${rule === 'month_total' ? "month's " : ''}sum of ${o.finerKind} ${num(r.finer)} ${unit}${de} (${pct(tol)} % allowed)`,
    };
  });
}

export function dayTotalFindings(rows: readonly DayTotal[], o: TotalsInput): Finding[] {
  return totalFindings(rows, o, 'day_total', (r) => ({ period: r.day, from: dayStart(r.day), to: dayStart(r.day) + DAY_MS }), { zh: '日累计值', en: 'day total' });
}

export function monthTotalFindings(rows: readonly MonthTotal[], o: TotalsInput): Finding[] {
  return totalFindings(rows, o, 'month_total', (r) => ({ period: r.month, from: monthStart(r.month), to: monthEnd(r.month) }), { zh: '各日累计值之和', en: 'sum of day totals' });
}
