/** The database reads of the data-quality evaluation (quality-evaluate.ts): registrations, rollup counts, raw readings. */
import type { Queryable } from '../../db/index.ts';
import {
  CONTEXT_READINGS, LOOKBACK_MS, seriesKey, type FactorRules, type RollupCounts, type Sample,
} from '../../core/monitoring-quality/index.ts';

/** Raw readings of one point read per evaluation at most; beyond it the raw-data rules see the first part only. */
export const RAW_CAP = 400_000;

export interface PointRow { id: number; mn: string; organisation_id: number; interval_seconds: number; active: boolean }
export interface PointFactors { rules: Map<string, FactorRules>; fingerprint: string }

export const iso = (ms: number) => new Date(ms).toISOString();

/** The meter constants and ranges of the points' factors, and a fingerprint of each point's registration. */
export async function factorRules(q: Queryable, points: readonly PointRow[]): Promise<Map<number, PointFactors>> {
  const rows = (await q.query<{ point_id: number; code: string; unit: string; multiplier: number; offset: number; min_value: number | null; max_value: number | null }>(
    'select point_id, code, unit, multiplier, "offset", min_value, max_value from monitoring_point_factors where point_id = any($1::int[]) order by point_id, code',
    [points.map((p) => p.id)],
  )).rows;
  const out = new Map(points.map((p) => [p.id, { rules: new Map<string, FactorRules>(), fingerprint: String(p.interval_seconds) }]));
  for (const r of rows) {
    const f = out.get(r.point_id)!;
    f.rules.set(r.code, { unit: r.unit, multiplier: r.multiplier, offset: r.offset, min: r.min_value, max: r.max_value });
    f.fingerprint += `|${r.code}:${r.unit}:${r.multiplier}:${r.offset}:${r.min_value}:${r.max_value}`;
  }
  return out;
}

/**
 * Per point and series, the monthly rollup's counts from `fromMonth` on and the hourly rollup's from the point's
 * boundary on, in one statement: rollup rows only (a few per series), never raw readings.
 */
export async function rollupCounts(q: Queryable, points: readonly [number, number][], fromMonth: string): Promise<Map<number, Map<string, RollupCounts>>> {
  const out = new Map<number, Map<string, { months: Map<string, number>; hours: Map<number, number> }>>();
  if (!points.length) return out;
  const rows = (await q.query<{ point_id: number; factor: string; kind: string; month: string | null; bucket: Date | null; n: number }>(
    `with w as (select * from unnest($1::int[], $2::timestamptz[]) as w(point_id, h))
     select r.point_id, r.factor, r.kind, to_char(r.month, 'YYYY-MM') as month, null::timestamptz as bucket, r.n::float8 as n
       from readings_monthly r join w on w.point_id = r.point_id where r.month >= $3::date
     union all
     select r.point_id, r.factor, r.kind, null, r.bucket, r.n::float8 from readings_hourly r join w on w.point_id = r.point_id and r.bucket >= w.h`,
    [points.map(([id]) => id), points.map(([, h]) => iso(h)), `${fromMonth}-01`],
  )).rows;
  for (const r of rows) {
    if (!out.has(r.point_id)) out.set(r.point_id, new Map());
    const per = out.get(r.point_id)!;
    const k = seriesKey(r.factor, r.kind);
    if (!per.has(k)) per.set(k, { months: new Map(), hours: new Map() });
    if (r.month !== null) per.get(k)!.months.set(r.month, r.n);
    else if (r.bucket) per.get(k)!.hours.set(r.bucket.getTime(), r.n);
  }
  return out;
}

type RawRow = { point_id?: number; factor: string; kind: string; time: Date; value: number };
function bySeries(rows: readonly RawRow[]): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>();
  for (const r of rows) {
    const k = seriesKey(r.factor, r.kind);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push({ time: r.time.getTime(), value: r.value });
  }
  return out;
}

/** Restricts a query on readings (alias r) to some factors and upload periods (`e10001|min`); null: all. */
function groupFilter(groups: readonly string[] | null, first: number): { sql: string; args: unknown[] } {
  if (!groups) return { sql: '', args: [] };
  return {
    sql: ` and (r.factor, split_part(r.kind, '-', 1)) in (select * from unnest($${first}::text[], $${first + 1}::text[]))`,
    args: [groups.map((g) => g.split('|')[0]), groups.map((g) => g.split('|')[1])],
  };
}

/** A point's readings in the window, per series (at most RAW_CAP; `partial` beyond it), of some groups or all. */
export async function readWindow(q: Queryable, pointId: number, from: number, to: number, groups: readonly string[] | null): Promise<{ series: Map<string, Sample[]>; rows: number; partial: boolean }> {
  const g = groupFilter(groups, 5);
  const rows = (await q.query<RawRow>(
    `select r.factor, r.kind, r.time, r.value from readings r where r.point_id = $1 and r.time >= $2 and r.time < $3${g.sql} order by r.factor, r.kind, r.time limit $4`,
    [pointId, iso(from), iso(to), RAW_CAP + 1, ...g.args],
  )).rows;
  return { series: bySeries(rows.slice(0, RAW_CAP)), rows: Math.min(rows.length, RAW_CAP), partial: rows.length > RAW_CAP };
}

/**
 * Each series' last CONTEXT_READINGS readings before `t` within the look-back (of some groups or all): the
 * hourly rollup says which hours hold them, then only those hours of those series are read.
 */
export async function readContext(q: Queryable, pointId: number, t: number, groups: readonly string[] | null): Promise<{ series: Map<string, Sample[]>; rows: number }> {
  const g = groupFilter(groups, 5);
  const hours = (await q.query<{ factor: string; kind: string; bucket: Date }>(
    `select factor, kind, bucket from (
       select r.factor, r.kind, r.bucket, sum(r.n) over (partition by r.factor, r.kind order by r.bucket desc) - r.n as later
         from readings_hourly r where r.point_id = $1 and r.bucket < $2 and r.bucket >= $3${g.sql}) x
      where later < $4`,
    [pointId, iso(t), iso(t - LOOKBACK_MS), CONTEXT_READINGS, ...g.args],
  )).rows;
  if (!hours.length) return { series: new Map(), rows: 0 };
  const rows = (await q.query<RawRow>(
    `select factor, kind, time, value from (
       select r.factor, r.kind, r.time, r.value, row_number() over (partition by r.factor, r.kind order by r.time desc) as i
         from unnest($2::timestamptz[], $3::text[], $4::text[]) as w(b, f, k)
         join readings r on r.point_id = $1 and r.time >= w.b and r.time < w.b + interval '1 hour' and r.factor = w.f and r.kind = w.k
        where r.time < $5) x
      where i <= $6 order by factor, kind, time`,
    [pointId, hours.map((h) => h.bucket.toISOString()), hours.map((h) => h.factor), hours.map((h) => h.kind), iso(t), CONTEXT_READINGS],
  )).rows;
  return { series: bySeries(rows), rows: rows.length };
}

/** The readings of several points from each one's boundary to `to`: one statement per distinct boundary (normally one). */
export async function readTails(q: Queryable, points: readonly [number, number][], to: number): Promise<{ byPoint: Map<number, Map<string, Sample[]>>; rows: number }> {
  const byHour = new Map<number, number[]>();
  for (const [id, h] of points) byHour.set(h, [...(byHour.get(h) ?? []), id]);
  const byPoint = new Map<number, Map<string, Sample[]>>();
  let n = 0;
  for (const [h, ids] of byHour) {
    const rows = (await q.query<RawRow & { point_id: number }>(
      'select point_id, factor, kind, time, value from readings where point_id = any($1::int[]) and time >= $2 and time < $3 order by point_id, factor, kind, time',
      [ids, iso(h), iso(to)],
    )).rows;
    n += rows.length;
    const per = new Map<number, RawRow[]>();
    for (const r of rows) {
      if (!per.has(r.point_id)) per.set(r.point_id, []);
      per.get(r.point_id)!.push(r);
    }
    for (const id of ids) byPoint.set(id, bySeries(per.get(id) ?? []));
  }
  return { byPoint, rows: n };
}

