import type { Finding } from './types.ts';
import { dayStart, pct, DAY_MS } from './time.ts';

/** The national rule for online monitoring data: a day counts when ≥ 90 % of the expected uploads arrived. */
export const COMPLETENESS_THRESHOLD = 0.9;

/** The upload period of a kind: rt, min, hour or day (the prefix of rt-Rtd, min-Cou …). */
export const periodOf = (kind: string): string => kind.split('-')[0];

/** Seconds between two uploads of a kind: hourly and daily data by their period, real-time and minute data at the point's interval. */
export function intervalOf(kind: string, pointIntervalSeconds: number): number {
  const period = periodOf(kind);
  if (period === 'hour') return 3600;
  if (period === 'day') return 86_400;
  return pointIntervalSeconds;
}

/** Uploads a day should bring for a kind: real-time and minute data every interval, hourly 24, daily 1. */
export function expectedPerDay(kind: string, pointIntervalSeconds: number): number {
  return Math.max(1, Math.floor(86_400 / intervalOf(kind, pointIntervalSeconds)));
}

/** received / expected, capped at 1 (a device that sends twice does not make up for another day). */
export const completenessOf = (received: number, expected: number): number => Math.min(1, received / expected);

export interface CompletenessInput {
  factor: string;
  /** a kind (min-Cou) or an upload period (min) */
  kind: string;
  pointIntervalSeconds: number;
  /** CST days to judge, each with the uploads that arrived (0 for a day with none) */
  days: ReadonlyArray<{ day: string; received: number }>;
  threshold?: number;
}

/** Days below the threshold. A day without any upload is critical, otherwise a warning. */
export function completenessFindings(s: CompletenessInput): Finding[] {
  const threshold = s.threshold ?? COMPLETENESS_THRESHOLD;
  const expected = expectedPerDay(s.kind, s.pointIntervalSeconds);
  const out: Finding[] = [];
  for (const { day, received } of s.days) {
    const c = completenessOf(received, expected);
    if (c >= threshold) continue;
    out.push({
      rule: 'completeness', factor: s.factor, kind: s.kind, from: dayStart(day), to: dayStart(day) + DAY_MS, period: day,
      severity: received === 0 ? 'critical' : 'warning', value: received, expected, deviation: c - 1, unit: 'uploads',
      zh: `${day} ${s.factor}（${s.kind}）数据完整率 ${pct(c)}%（${received}/${expected}），低于 ${pct(threshold)}%`,
      en: `${day} ${s.factor} (${s.kind}): ${pct(c)} % of the expected uploads (${received}/${expected}), below ${pct(threshold)} %`,
    });
  }
  return out;
}
