import { cstDay } from '../core/monitoring-quality/index.ts';

/**
 * The synthetic signals of the demo points: deterministic functions of the point and the time (a hash of the
 * hour or minute index, no Math.random), so the backfilled history (monitoring.ts) and the live feed
 * (live-feed.ts) agree, and a reload gives the same numbers. All made up; nothing here is a factor.
 */
export const HOUR_MS = 3600_000;
export const MINUTE_MS = 60_000;

/**
 * Mass of a cubic metre of CO2 at standard conditions (0 °C, 101.325 kPa, ideal gas): M / Vm = 44.01 / 22.414
 * kg/m³. Physics, used only to make the fictional CEMS's flow agree with its concentration and mass.
 */
const CO2_KG_PER_M3 = 44.01 / 22.414;

export type DemoPointKind = 'electricity' | 'amount' | 'steam' | 'cems';

export interface DemoSignal {
  kind: DemoPointKind;
  /** the totals factor (Cou): e10001 kWh, e20001 m³, e30001 t of steam, e40001 t of coal, a05001 kg of CO2 */
  total: string;
  /** mean amount per hour of the totals factor, stored units (before any scaling to a report) */
  perHour: number;
  /** daily cycle: relative amplitude and the CST hour of its peak */
  diurnal?: readonly [number, number];
  /** yearly cycle: relative amplitude and the day of the year of its peak */
  seasonal?: readonly [number, number];
  /** ± uniform noise of each hour, relative */
  noise: number;
  /** CST periods (MM-DD to MM-DD, inclusive) at a reduced level, e.g. the cement kilns' winter stop (错峰生产) */
  stops?: readonly { from: string; to: string; level: number }[];
  /** steam: GJ per t of this fictional plant's steam (its heat meter's second channel) */
  heatPerTonne?: number;
  /** CEMS: CO2 by volume while the kiln runs, % */
  co2Percent?: number;
  seed: number;
}

/** Uniform [0, 1) from a seed and an index (a 32-bit integer hash). */
export function unitHash(seed: number, n: number): number {
  let x = (seed ^ Math.imul(n | 0, 0x9e3779b1) ^ Math.imul(Math.floor(n / 4294967296), 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

const dayOfYear = (day: string) => (Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - Date.UTC(+day.slice(0, 4), 0, 1)) / 86_400_000;

/** The level of a stop that covers this CST day (MM-DD), or 1. */
function stopLevel(s: DemoSignal, day: string): number {
  const md = day.slice(5);
  return s.stops?.find((p) => md >= p.from && md <= p.to)?.level ?? 1;
}

/** The amount of the totals factor in the hour starting at `t` (stored units), before scaling. */
export function hourAmount(s: DemoSignal, t: number): number {
  const day = cstDay(t);
  const hour = new Date(t + 8 * HOUR_MS).getUTCHours();
  const d = s.diurnal ? 1 + s.diurnal[0] * Math.cos((2 * Math.PI * (hour - s.diurnal[1])) / 24) : 1;
  const y = s.seasonal ? 1 + s.seasonal[0] * Math.cos((2 * Math.PI * (dayOfYear(day) - s.seasonal[1])) / 365) : 1;
  const n = 1 + s.noise * (2 * unitHash(s.seed, Math.floor(t / HOUR_MS)) - 1);
  return s.perHour * d * y * n * stopLevel(s, day);
}

/** Shares of an hour's amount by minute: 60 weights near 1 that sum to 60, so the minutes add up to the hour. */
export function minuteWeights(s: DemoSignal, hourStart: number): number[] {
  const u = Array.from({ length: 60 }, (_, i) => unitHash(s.seed ^ 0x5bd1e995, hourStart / MINUTE_MS + i));
  const mean = u.reduce((a, b) => a + b, 0) / 60;
  return u.map((x) => 1 + 0.04 * (x - mean));
}

export interface DemoValue {
  factor: string;
  /** HJ 212 suffix: Cou (the period's amount), Avg (the period's mean rate or level) */
  suffix: 'Cou' | 'Avg';
  value: number;
}

/**
 * The values a point uploads for a period with `amount` of its totals factor over `hours` (1 for 2061, 1/60 for
 * 2051, 24 for 2031 — daily uploads carry totals only): electricity kWh and mean kW; steam t and GJ; CEMS kg of
 * CO2, mean CO2 % and mean flue-gas flow m³/s (flow = mass ÷ (share × ρ(CO2)) — consistent by construction).
 */
export function periodValues(s: DemoSignal, amount: number, hours: number, at: number): DemoValue[] {
  const out: DemoValue[] = [{ factor: s.total, suffix: 'Cou', value: amount }];
  if (hours >= 24) return out;
  if (s.kind === 'electricity') out.push({ factor: 'e10002', suffix: 'Avg', value: amount / hours });
  if (s.kind === 'steam') out.push({ factor: 'e30002', suffix: 'Cou', value: amount * (s.heatPerTonne ?? 0) });
  if (s.kind === 'cems') {
    const running = amount > 0;
    const pct = running ? (s.co2Percent ?? 20) * (1 + 0.02 * (2 * unitHash(s.seed ^ 0x27d4eb2f, Math.floor(at / MINUTE_MS)) - 1)) : 0.04;
    out.push({ factor: s.total, suffix: 'Avg', value: pct });
    out.push({ factor: 'a00000', suffix: 'Avg', value: running ? amount / hours / 3600 / ((pct / 100) * CO2_KG_PER_M3) : 0 });
  }
  return out;
}

/** The scale that makes a signal's hourly amounts over [from, to) add up to `target`. */
export function scaleTo(s: DemoSignal, from: number, to: number, target: number): number {
  let sum = 0;
  for (let t = from; t < to; t += HOUR_MS) sum += hourAmount(s, t);
  return sum > 0 ? target / sum : 0;
}
