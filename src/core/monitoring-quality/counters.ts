import { dimensionOf, isKnownUnit } from '../units/index.ts';
import { relativeDeviation, type Finding, type Sample, type SeriesRef } from './types.ts';
import { cstDay, cstText, num } from './time.ts';

/** Dimensions of amounts that a meter accumulates (its register only counts up). */
const AMOUNTS = ['mass', 'volume', 'energy', 'coal_equivalent', 'co2', 'co2e', 'carbon'] as const;

/**
 * Is this series the reading of a cumulative meter register? HJ 212 has no flag for it: a real-time value
 * (Rtd) of a factor registered with an amount unit (kWh, m³, t, GJ …) is a register reading, while Cou is the
 * amount of one period and Avg/Rtd of a rate (kW, m³/h, %) go up and down.
 */
export function isCumulativeSeries(kind: string, unit: string): boolean {
  if (kind.split('-')[1] !== 'Rtd' || !isKnownUnit(unit)) return false;
  const d = dimensionOf(unit) as Record<string, number | undefined>;
  const bases = Object.keys(d);
  return bases.length === 1 && d[bases[0]] === 1 && (AMOUNTS as readonly string[]).includes(bases[0]);
}

/**
 * A fall of a register is a rollover when the amount across the wrap — (capacity − previous) + new, on the
 * raw register — is at most this fraction of the capacity: the previous reading was within the last 10 % of
 * a power of ten and the new one within its first 10 % (99 990 → 5 on a 5-digit register: 15 units
 * consumed). Any other fall is a reset or a replaced meter.
 */
export const ROLLOVER_MAX_FRACTION = 0.1;

export interface CounterOptions extends SeriesRef {
  /** meter constants: stored = raw × multiplier + offset; the register wraps on the raw value */
  multiplier?: number;
  offset?: number;
  /** the register's capacity (raw), when known; otherwise the next power of ten above the previous reading */
  capacity?: number;
}

/** The capacity a register reading implies: the smallest power of ten above it (99 990 → 100 000, 1000 → 10 000). */
export const impliedCapacity = (raw: number): number => 10 ** (Math.floor(Math.log10(raw)) + 1);

/**
 * Falls of a cumulative reading (series in time order; pass the last reading before the window first, to
 * see a fall at its start). A rollover's value is the amount consumed across the wrap (stored units); a
 * reset's value is the new reading and expected the previous one (the register should not fall below it).
 */
export function counterFindings(series: readonly Sample[], o: CounterOptions): Finding[] {
  const mult = o.multiplier ?? 1;
  const off = o.offset ?? 0;
  const unit = o.unit ?? '';
  const raw = (v: number) => (v - off) / mult;
  const out: Finding[] = [];
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1];
    const cur = series[i];
    if (!(cur.value < prev.value)) continue;
    const a = raw(prev.value);
    const b = raw(cur.value);
    const capacity = o.capacity ?? (a > 0 ? impliedCapacity(a) : NaN);
    const across = capacity - a + b;
    const base = { factor: o.factor, kind: o.kind, from: prev.time, to: cur.time, period: cstDay(cur.time), unit };
    if (a > 0 && b >= 0 && a < capacity && across <= ROLLOVER_MAX_FRACTION * capacity) {
      const used = across * mult;
      out.push({
        ...base, rule: 'counter_rollover', severity: 'info', value: used, expected: null, deviation: null,
        zh: `${o.factor}（${o.kind}）${cstText(cur.time)} 表码翻转：${num(prev.value)} → ${num(cur.value)}（满量程 ${num(capacity)}），其间用量按 ${num(used)} ${unit} 计`,
        en: `${o.factor} (${o.kind}) register rolled over at ${cstText(cur.time)} CST: ${num(prev.value)} → ${num(cur.value)} (capacity ${num(capacity)}); ${num(used)} ${unit} consumed across the wrap`,
      });
    } else {
      out.push({
        ...base, rule: 'counter_reset', severity: 'warning', value: cur.value, expected: prev.value, deviation: relativeDeviation(cur.value, prev.value),
        zh: `${o.factor}（${o.kind}）${cstText(cur.time)} 累计读数回退：${num(prev.value)} → ${num(cur.value)} ${unit}（表计清零或更换？其间用量未知）`,
        en: `${o.factor} (${o.kind}) cumulative reading fell at ${cstText(cur.time)} CST: ${num(prev.value)} → ${num(cur.value)} ${unit} (meter reset or replaced? consumption across it unknown)`,
      });
    }
  }
  return out;
}
