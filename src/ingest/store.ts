import type { Db, Queryable } from '../db/index.ts';

/** One reading as stored: value already scaled by the point's meter constants. */
export interface ReadingRow {
  pointId: number;
  /** epoch milliseconds */
  time: number;
  factor: string;
  kind: string;
  value: number;
  flag: string | null;
}

/** Something ingestion noticed (a refusal, a content warning). */
export interface IngestEvent {
  at: Date;
  pointId: number | null;
  mn: string | null;
  remote: string | null;
  code: string;
  detail: string | null;
}

/** The UTC month (YYYY-MM-01) a time falls in: the readings partition it needs. */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7) + '-01';

/**
 * Inserts readings idempotently and adds exactly the rows that were new to the hourly, daily and monthly
 * rollups, in one statement (data-modifying CTEs): a resent packet inserts nothing and so changes no rollup.
 * Day and month are China Standard Time (UTC+8). Parameterised: six arrays, whatever the batch size.
 */
const INSERT = `
with src as (
  select * from unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::float8[], $6::text[])
    as s(point_id, time, factor, kind, value, flag)
), ins as (
  insert into readings (point_id, time, factor, kind, value, flag) select * from src
  on conflict do nothing
  returning point_id, time, factor, kind, value, (time at time zone 'UTC') + interval '8 hours' as local
), h as (
  insert into readings_hourly as r (point_id, bucket, factor, kind, n, sum, min, max)
  select point_id, date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00'), factor, kind, count(*), sum(value), min(value), max(value)
    from ins group by 1, 2, 3, 4
  on conflict (point_id, bucket, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  returning 1
), d as (
  insert into readings_daily as r (point_id, day, factor, kind, n, sum, min, max)
  select point_id, date_trunc('day', local)::date, factor, kind, count(*), sum(value), min(value), max(value)
    from ins group by 1, 2, 3, 4
  on conflict (point_id, day, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  returning 1
), m as (
  insert into readings_monthly as r (point_id, month, factor, kind, n, sum, min, max)
  select point_id, date_trunc('month', local)::date, factor, kind, count(*), sum(value), min(value), max(value)
    from ins group by 1, 2, 3, 4
  on conflict (point_id, month, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  returning 1
)
select (select count(*) from ins)::int as inserted, (select count(*) from h)::int as hours, (select count(*) from d)::int as days,
  (select count(*) from m)::int as months`;

/** Months whose partition is known to exist (per database handle). */
const knownMonths = new WeakMap<object, Set<string>>();

/** Creates the monthly partitions these rows need (in their own transaction: DDL takes a strong lock). */
export async function ensurePartitions(db: Db, rows: readonly Pick<ReadingRow, 'time'>[]): Promise<void> {
  let known = knownMonths.get(db);
  if (!known) knownMonths.set(db, (known = new Set()));
  const need = [...new Set(rows.map((r) => monthOf(r.time)))].filter((m) => !known.has(m));
  if (!need.length) return;
  await db.tx(async (q) => {
    for (const m of need) await q.query('select readings_ensure_month($1::date)', [m]);
  });
  for (const m of need) known.add(m);
}

/** Writes one batch inside the caller's transaction. Returns how many readings were new. */
export async function insertReadings(q: Queryable, rows: readonly ReadingRow[]): Promise<number> {
  if (!rows.length) return 0;
  const n = rows.length;
  const cols = { p: new Array<number>(n), t: new Array<string>(n), f: new Array<string>(n), k: new Array<string>(n), v: new Array<number>(n), g: new Array<string | null>(n) };
  const seen = new Set<string>();
  let j = 0;
  for (const r of rows) {
    // A duplicate inside one batch would be inserted once anyway; skipping it keeps the statement simple.
    const key = `${r.pointId}|${r.time}|${r.factor}|${r.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cols.p[j] = r.pointId; cols.t[j] = new Date(r.time).toISOString(); cols.f[j] = r.factor; cols.k[j] = r.kind; cols.v[j] = r.value; cols.g[j] = r.flag;
    j++;
  }
  for (const a of Object.values(cols)) a.length = j;
  const res = await q.query<{ inserted: number }>(INSERT, [cols.p, cols.t, cols.f, cols.k, cols.v, cols.g]);
  return res.rows[0].inserted;
}

export async function insertEvents(q: Queryable, events: readonly IngestEvent[]): Promise<void> {
  if (!events.length) return;
  await q.query(
    `insert into monitoring_events (at, point_id, mn, remote, code, detail)
     select * from unnest($1::timestamptz[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [events.map((e) => e.at.toISOString()), events.map((e) => e.pointId), events.map((e) => e.mn), events.map((e) => e.remote),
      events.map((e) => e.code), events.map((e) => (e.detail ? e.detail.slice(0, 500) : null))],
  );
}
