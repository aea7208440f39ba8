import { parseHj212Time, type Packet } from '../core/hj212/index.ts';
import type { IngestEvent, ReadingRow } from './store.ts';
import { clockAhead, clockDriftDetail, rangeCheck } from '../core/monitoring-quality/index.ts';

export interface FactorConfig {
  multiplier: number;
  offset: number;
  min: number | null;
  max: number | null;
}

/** What the listener knows of a registered point. */
export interface PointInfo {
  id: number;
  mn: string;
  pw: string;
  active: boolean;
  intervalSeconds: number;
  factors: Map<string, FactorConfig>;
}

/** The period an upload CN carries: it prefixes the kind of each stored value (rt-Rtd, min-Avg, hour-Cou …). */
const PERIODS: Record<string, string> = { '2011': 'rt', '2051': 'min', '2061': 'hour', '2031': 'day' };

/** Upload CNs whose factor values are stored as readings. Others (heartbeats, run times, logs) are not. */
export const isReadingUpload = (cn: string): boolean => cn in PERIODS;

/** Readings from before this or later than this much after the server's clock are refused as clock faults. */
const EARLIEST = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 3600_000;

export interface Validated {
  rows: ReadingRow[];
  events: IngestEvent[];
}

/** One value as a device (or a batch upload) delivered it, before the point's meter constants. */
export interface ValueIn {
  /** epoch milliseconds */
  time: number;
  factor: string;
  /** period-suffix: rt-Rtd, min-Avg, min-Cou, hour-Cou, day-Cou … */
  kind: string;
  raw: number;
  flag: string | null;
}

type Note = (code: string, detail: string | null) => void;

/** A function that records an event of this point with this clock and remote. */
export function noter(events: IngestEvent[], point: Pick<PointInfo, 'id' | 'mn'>, now: Date, remote: string | null): Note {
  return (code, detail) => events.push({ at: now, pointId: point.id, mn: point.mn, remote, code, detail });
}

/**
 * The one validation every ingestion path shares (HJ 212, HTTP batch, MQTT): values → stored readings of a
 * registered point. Tolerant on content: an oddity becomes an event and the value is kept where it can be;
 * only what cannot be placed in time is left out. Stored value = raw × multiplier + offset.
 */
/** `e10001-Cou` for an event's detail (built only when there is an event). */
function label(v: ValueIn): string {
  return `${v.factor}-${v.kind.split('-')[1] ?? v.kind}`;
}

export function checkValues(point: PointInfo, values: readonly ValueIn[], now: Date, note: Note): ReadingRow[] {
  const rows: ReadingRow[] = [];
  const nowMs = now.getTime();
  // Checked once per distinct time and factor: a packet's values share one DataTime and each factor comes
  // with several suffixes. The sets are only made when something is noted.
  let lastTime = NaN;
  let timeOk = false;
  let badTimes: Set<number> | undefined;
  let drifted: Set<number> | undefined;
  let unregistered: Set<string> | undefined;
  for (const v of values) {
    if (v.time !== lastTime) {
      lastTime = v.time;
      timeOk = Number.isFinite(v.time) && v.time >= EARLIEST && v.time <= nowMs + MAX_AHEAD_MS;
      if (!timeOk) {
        badTimes ??= new Set();
        if (!badTimes.has(v.time)) note('time_out_of_range', `DataTime=${Number.isFinite(v.time) ? new Date(v.time).toISOString() : 'invalid'} (device clock?); readings not stored`);
        badTimes.add(v.time);
      } else {
        const ahead = clockAhead(v.time, nowMs);
        if (ahead !== null && !(drifted ??= new Set()).has(v.time)) {
          drifted.add(v.time);
          note('clock_drift', clockDriftDetail(ahead, v.time, nowMs));
        }
      }
    }
    if (!timeOk) continue;
    const cfg = point.factors.get(v.factor);
    if (!cfg && !(unregistered ??= new Set()).has(v.factor)) {
      unregistered.add(v.factor);
      note('unregistered_factor', `${v.factor} is not registered for this point; stored as received`);
    }
    if (!Number.isFinite(v.raw)) continue;
    const value = cfg ? v.raw * cfg.multiplier + cfg.offset : v.raw;
    if (!Number.isFinite(value)) {
      note('value_overflow', `${label(v)}=${v.raw}`);
      continue;
    }
    const bad = rangeCheck(value, cfg);
    if (bad) note(bad.code, bad.code === 'negative_value' ? `${label(v)}=${value}` : `${label(v)}=${value} ${bad.code === 'below_range' ? '<' : '>'} ${bad.bound}`);
    rows.push({ pointId: point.id, time: v.time, factor: v.factor, kind: v.kind, value, flag: v.flag });
  }
  return rows;
}

/** Value suffixes that are stored as readings, and their kind per period (`min-Cou` …), made once. */
const VALUE_SUFFIXES = ['Rtd', 'Avg', 'Min', 'Max', 'Cou', 'ZsRtd', 'ZsAvg', 'ZsMin', 'ZsMax'];
const KINDS = new Map(Object.values(PERIODS).map((period) => [period, new Map(VALUE_SUFFIXES.map((x) => [x, `${period}-${x}`]))]));
const isValueSuffix = (suffix: string): boolean => VALUE_SUFFIXES.includes(suffix);

/** A parsed HJ 212 upload → readings of one registered point (see checkValues), plus the codec's warnings. */
export function readingsOf(p: Packet, point: PointInfo, now: Date, remote: string | null): Validated {
  const events: IngestEvent[] = [];
  const note = noter(events, point, now, remote);
  for (const w of p.warnings) note(`hj212_${w.code}`, w.en.slice(0, 200));
  const period = PERIODS[p.cn];
  if (!period) return { rows: [], events };
  const time = p.dataTime ? parseHj212Time(p.dataTime)?.getTime() : undefined;
  if (time === undefined) {
    note('missing_data_time', `CN=${p.cn} QN=${p.qn ?? ''}: no valid DataTime; readings not stored`);
    return { rows: [], events };
  }
  const kinds = KINDS.get(period)!;
  const values: ValueIn[] = [];
  for (const f of p.factors) {
    const flag = f.flag ?? null;
    for (const suffix in f.values) {
      const raw = f.values[suffix as keyof typeof f.values];
      if (raw !== undefined && Number.isFinite(raw)) values.push({ time, factor: f.code, kind: kinds.get(suffix) ?? `${period}-${suffix}`, raw, flag });
    }
    // Suffixes that should be numbers but did not parse (raw kept by the codec).
    for (const suffix in f.raw) {
      if (!(suffix in f.values) && isValueSuffix(suffix)) note('not_a_number', `${f.code}-${suffix}=${f.raw[suffix].slice(0, 40)}`);
    }
  }
  const rows = checkValues(point, values, now, note);
  if (!p.factors.length) note('no_factors', `CN=${p.cn} QN=${p.qn ?? ''}: no factor values`);
  return { rows, events };
}
