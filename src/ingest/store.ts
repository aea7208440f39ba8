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
 * The new rows are grouped once by hour; days and months (China Standard Time, UTC+8, so whole hours) are
 * grouped from those hour groups. Rollup rows are upserted in key order, so concurrent writers cannot
 * deadlock on them. Times travel as epoch milliseconds (cheaper to format and parse than timestamps).
 * A key repeated within the batch is inserted once: `do nothing` also skips a row its own statement inserted.
 */
const INSERT = `
with ins as (
  insert into readings (point_id, time, factor, kind, value, flag)
  select p, to_timestamp(t / 1000), f, k, v, g from unnest($1::int[], $2::float8[], $3::text[], $4::text[], $5::float8[], $6::text[]) as s(p, t, f, k, v, g)
  on conflict do nothing
  returning point_id, time, factor, kind, value
), hg as (
  select point_id, date_bin('1 hour', time, timestamptz '2000-01-01 00:00:00+00') as bucket, factor, kind,
    count(*)::int as n, sum(value) as sum, min(value) as min, max(value) as max
    from ins group by 1, 2, 3, 4
), dg as (
  select point_id, ((bucket at time zone 'UTC') + interval '8 hours')::date as day, factor, kind,
    sum(n)::int as n, sum(sum) as sum, min(min) as min, max(max) as max
    from hg group by 1, 2, 3, 4
), h as (
  insert into readings_hourly as r (point_id, bucket, factor, kind, n, sum, min, max)
  select * from hg order by 1, 2, 3, 4
  on conflict (point_id, bucket, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
), d as (
  insert into readings_daily as r (point_id, day, factor, kind, n, sum, min, max)
  select * from dg order by 1, 2, 3, 4
  on conflict (point_id, day, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
), m as (
  insert into readings_monthly as r (point_id, month, factor, kind, n, sum, min, max)
  select point_id, date_trunc('month', day)::date, factor, kind, sum(n)::int, sum(sum), min(min), max(max)
    from dg group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (point_id, month, factor, kind) do update
    set n = r.n + excluded.n, sum = r.sum + excluded.sum, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
)
select count(*)::int as inserted from ins`;

/** Months whose partition is known to exist (per database handle). */
const knownMonths = new WeakMap<object, Set<string>>();

/** Creates the monthly partitions these rows need (in their own transaction: DDL takes a strong lock). */
export async function ensurePartitions(db: Db, rows: readonly Pick<ReadingRow, 'time'>[]): Promise<void> {
  let known = knownMonths.get(db);
  if (!known) knownMonths.set(db, (known = new Set()));
  // Most rows fall in a month already known: skip the date formatting for those (this runs on every batch).
  const needed = new Set<string>();
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    if (r.time >= lo && r.time < hi) continue;
    const m = monthOf(r.time);
    if (!known.has(m)) needed.add(m);
    else {
      const d = new Date(m + 'T00:00:00Z');
      lo = d.getTime();
      hi = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
  const need = [...needed];
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
  const p = new Array<number>(n), t = new Array<number>(n), f = new Array<string>(n), k = new Array<string>(n), v = new Array<number>(n), g = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    p[i] = r.pointId; t[i] = r.time; f[i] = r.factor; k[i] = r.kind; v[i] = r.value; g[i] = r.flag;
  }
  const res = await q.query<{ inserted: number }>(INSERT, [p, t, f, k, v, g]);
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
