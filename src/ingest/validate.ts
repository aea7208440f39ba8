import { parseHj212Time, type Packet } from '../core/hj212/index.ts';
import type { IngestEvent, ReadingRow } from './store.ts';

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

/**
 * A parsed upload → readings of one registered point, tolerant on content: every oddity becomes an event
 * (stored with the batch) and the value is kept where it can be; only what cannot be placed in time or has
 * no number is left out. Values are scaled by the point's meter constants (raw × multiplier + offset).
 */
export function readingsOf(p: Packet, point: PointInfo, now: Date, remote: string | null): Validated {
  const events: IngestEvent[] = [];
  const note = (code: string, detail: string | null) => events.push({ at: now, pointId: point.id, mn: point.mn, remote, code, detail });
  for (const w of p.warnings) note(`hj212_${w.code}`, w.en.slice(0, 200));
  const period = PERIODS[p.cn];
  if (!period) return { rows: [], events };
  const time = p.dataTime ? parseHj212Time(p.dataTime) : undefined;
  if (!time) {
    note('missing_data_time', `CN=${p.cn} QN=${p.qn ?? ''}: no valid DataTime; readings not stored`);
    return { rows: [], events };
  }
  const ms = time.getTime();
  if (ms < EARLIEST || ms > now.getTime() + MAX_AHEAD_MS) {
    note('time_out_of_range', `DataTime=${p.dataTime} (device clock?); readings not stored`);
    return { rows: [], events };
  }
  const rows: ReadingRow[] = [];
  for (const f of p.factors) {
    const cfg = point.factors.get(f.code);
    if (!cfg) note('unregistered_factor', `${f.code} is not registered for this point; stored as received`);
    for (const [suffix, raw] of Object.entries(f.values)) {
      if (raw === undefined || !Number.isFinite(raw)) continue;
      const value = cfg ? raw * cfg.multiplier + cfg.offset : raw;
      if (!Number.isFinite(value)) {
        note('value_overflow', `${f.code}-${suffix}=${raw}`);
        continue;
      }
      if (cfg?.min != null && value < cfg.min) note('below_range', `${f.code}-${suffix}=${value} < ${cfg.min}`);
      else if (cfg?.max != null && value > cfg.max) note('above_range', `${f.code}-${suffix}=${value} > ${cfg.max}`);
      else if (value < 0 && cfg?.min == null) note('negative_value', `${f.code}-${suffix}=${value}`);
      rows.push({ pointId: point.id, time: ms, factor: f.code, kind: `${period}-${suffix}`, value, flag: f.flag ?? null });
    }
    // Suffixes that should be numbers but did not parse (raw kept by the codec).
    for (const [suffix, text] of Object.entries(f.raw)) {
      if (!(suffix in f.values) && /^(Rtd|Avg|Min|Max|Cou|ZsRtd|ZsAvg|ZsMin|ZsMax)$/.test(suffix)) note('not_a_number', `${f.code}-${suffix}=${text.slice(0, 40)}`);
    }
  }
  if (!p.factors.length) note('no_factors', `CN=${p.cn} QN=${p.qn ?? ''}: no factor values`);
  return { rows, events };
}
