import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { QualityOut, ReadingsOut } from '../../contracts/monitoring.ts';
import { HttpError } from '../http/errors.ts';
import { loadPoint } from './points.ts';
import { COMPLETENESS_THRESHOLD, completenessOf, expectedPerDay } from '../../core/monitoring-quality/index.ts';

/** The 90 % rule lives in the quality rules (one place); re-exported for the modules that read it from here. */
export { COMPLETENESS_THRESHOLD };

const RAW_LIMIT = 50_000;

const ROLLUPS = {
  hour: { table: 'readings_hourly', col: 'bucket', lo: (s: string) => new Date(Math.floor(Date.parse(s) / 3600_000) * 3600_000).toISOString() },
  day: { table: 'readings_daily', col: 'day', lo: (s: string) => cstDay(s) },
  month: { table: 'readings_monthly', col: 'month', lo: (s: string) => cstDay(s).slice(0, 8) + '01' },
} as const;

/** The calendar day (China Standard Time) of an instant. */
function cstDay(s: string): string {
  return new Date(Date.parse(s) + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface ReadingsQuery {
  from: string;
  to: string;
  interval: 'raw' | 'hour' | 'day' | 'month';
  factor?: string;
  kind?: string;
}

/**
 * A point's series: raw readings in [from, to), or the rollup buckets that overlap [from, to) (day and
 * month buckets are CST calendar days/months). Dashboards read rollups; raw series are capped.
 */
export async function pointReadings(ctx: AppContext, p: Principal, mn: string, q: ReadingsQuery): Promise<ReadingsOut> {
  const point = await loadPoint(ctx, ctx.db, p, mn, 'monitoring.read');
  const args: unknown[] = [point.id];
  const filters: string[] = [];
  if (q.factor) { args.push(q.factor); filters.push(`factor = $${args.length}`); }
  if (q.kind) { args.push(q.kind); filters.push(`kind = $${args.length}`); }
  const extra = filters.map((f) => ` and ${f}`).join('');
  if (q.interval === 'raw') {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (span > 93 * 86_400_000) {
      throw new HttpError(400, 'range_too_long', { field: 'to', zh: 'to：原始数据一次最多查询 93 天，更长请用 interval=hour/day/month', en: 'to: raw readings at most 93 days at a time; use interval=hour/day/month for longer' });
    }
    args.push(new Date(q.from).toISOString(), new Date(q.to).toISOString(), RAW_LIMIT + 1);
    const n = args.length;
    const rows = (await ctx.db.query<{ time: Date; factor: string; kind: string; value: number; flag: string | null }>(
      `select time, factor, kind, value, flag from readings where point_id = $1${extra} and time >= $${n - 2} and time < $${n - 1}
        order by time, factor, kind limit $${n}`, args,
    )).rows;
    const truncated = rows.length > RAW_LIMIT;
    return {
      mn, interval: 'raw', limit: RAW_LIMIT, truncated, rollups: [],
      raw: rows.slice(0, RAW_LIMIT).map((r) => ({ time: r.time.toISOString(), factor: r.factor, kind: r.kind, value: r.value, flag: r.flag })),
    };
  }
  const R = ROLLUPS[q.interval];
  // A bucket belongs when it overlaps [from, to): from the bucket holding `from` to the last one starting before `to`.
  args.push(R.lo(q.from), R.lo(q.to));
  const n = args.length;
  const startOfTo = q.interval === 'hour' ? Date.parse(R.lo(q.to)) : Date.parse(R.lo(q.to) + 'T00:00:00+08:00');
  const cmpHi = Date.parse(q.to) === startOfTo ? '<' : '<=';
  const rows = (await ctx.db.query<{ b: Date | string; factor: string; kind: string; n: number; sum: number; min: number; max: number }>(
    `select ${R.col} as b, factor, kind, n, sum, min, max from ${R.table}
      where point_id = $1${extra} and ${R.col} >= $${n - 1} and ${R.col} ${cmpHi} $${n} order by ${R.col}, factor, kind`, args,
  )).rows;
  return {
    mn, interval: q.interval, limit: RAW_LIMIT, truncated: false, raw: [],
    rollups: rows.map((r) => ({
      bucket: r.b instanceof Date ? r.b.toISOString() : r.b, factor: r.factor, kind: r.kind, n: r.n, sum: r.sum, min: r.min, max: r.max, avg: r.sum / r.n,
    })),
  };
}

/** Completeness per CST day, factor and kind, read from the daily rollup; days with nothing at all are listed with 0. */
export async function pointQuality(ctx: AppContext, p: Principal, mn: string, from: string, to: string): Promise<QualityOut> {
  const point = await loadPoint(ctx, ctx.db, p, mn, 'monitoring.read');
  const rows = (await ctx.db.query<{ day: string; factor: string; kind: string; n: number }>(
    'select day, factor, kind, n from readings_daily where point_id = $1 and day >= $2 and day <= $3 order by day, factor, kind',
    [point.id, from, to],
  )).rows;
  const series = [...new Set(rows.map((r) => `${r.factor}|${r.kind}`))];
  const registered = (await ctx.db.query<{ code: string }>('select code from monitoring_point_factors where point_id = $1 order by code', [point.id])).rows;
  // A registered factor that sent nothing in the range still owes its uploads (kind unknown: counted as real-time).
  for (const f of registered) if (!series.some((s) => s.startsWith(`${f.code}|`))) series.push(`${f.code}|rt-Rtd`);
  const got = new Map(rows.map((r) => [`${r.day}|${r.factor}|${r.kind}`, r.n]));
  const days: QualityOut['days'] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    for (const s of series) {
      const [factor, kind] = s.split('|');
      const received = got.get(`${day}|${s}`) ?? 0;
      const expected = expectedPerDay(kind, point.interval_seconds);
      const completeness = completenessOf(received, expected);
      days.push({ day, factor, kind, received, expected, completeness, ok: completeness >= COMPLETENESS_THRESHOLD });
    }
  }
  return { mn, intervalSeconds: point.interval_seconds, threshold: COMPLETENESS_THRESHOLD, days };
}

export async function pointEvents(ctx: AppContext, p: Principal, mn: string, limit = 200) {
  const point = await loadPoint(ctx, ctx.db, p, mn, 'monitoring.read');
  return (await ctx.db.query<{ at: Date; code: string; remote: string | null; detail: string | null }>(
    'select at, code, remote, detail from monitoring_events where point_id = $1 or (point_id is null and mn = $2) order by id desc limit $3',
    [point.id, mn, limit],
  )).rows.map((r) => ({ at: r.at.toISOString(), code: r.code, remote: r.remote, detail: r.detail }));
}
