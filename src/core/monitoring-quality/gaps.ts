import type { Finding } from './types.ts';
import { cstDay, cstText, num } from './time.ts';

/**
 * A gap is a silence longer than GAP_FACTOR upload intervals, i.e. at least three uploads in a row missing.
 * One or two missing uploads (a lost packet, a reconnect) are left to the daily completeness rule; three in
 * a row at a 1-minute interval is a device or line that stopped, which someone should look at.
 */
export const GAP_FACTOR = 3;

export interface GapInput {
  factor: string;
  /** an upload period (min) or a kind */
  kind: string;
  intervalSeconds: number;
  /** the series' last reading before the window, if known: a gap may begin before the window */
  since?: number | null;
  /** the end of the window (never after the clock): a silence up to it is an ongoing gap */
  until?: number | null;
  factorN?: number;
}

/**
 * Silences between consecutive upload times (any order, duplicates allowed: the times of all suffixes of a
 * factor's period may be passed together). Each gap runs from the last upload before it to the first after
 * it (or to `until`, still ongoing); it belongs to the CST day it began.
 */
export function gapFindings(times: readonly number[], g: GapInput): Finding[] {
  const n = g.factorN ?? GAP_FACTOR;
  const limit = n * g.intervalSeconds * 1000;
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (g.since != null && (!sorted.length || g.since < sorted[0])) sorted.unshift(g.since);
  const out: Finding[] = [];
  const gap = (from: number, to: number, ongoing: boolean) => {
    const seconds = (to - from) / 1000;
    const missing = Math.max(0, Math.ceil(seconds / g.intervalSeconds) - 1);
    out.push({
      rule: 'gap', factor: g.factor, kind: g.kind, from, to, period: cstDay(from), severity: 'warning',
      value: seconds, expected: n * g.intervalSeconds, deviation: null, unit: 's',
      zh: `${g.factor}（${g.kind}）${cstText(from)} 至 ${cstText(to)} 无数据（${num(seconds / 60)} 分钟，约缺 ${missing} 次上传，超过上传间隔的 ${n} 倍）${ongoing ? '，评估时仍未恢复' : ''}`,
      en: `${g.factor} (${g.kind}): no data from ${cstText(from)} to ${cstText(to)} CST (${num(seconds / 60)} min, about ${missing} uploads missing, more than ${n} intervals)${ongoing ? ', still silent when evaluated' : ''}`,
    });
  };
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > limit) gap(sorted[i - 1], sorted[i], false);
  const last = sorted[sorted.length - 1];
  if (last !== undefined && g.until != null && g.until - last > limit) gap(last, g.until, true);
  return out;
}
