import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import {
  ALARM_EVENT_CODES, CONTEXT_READINGS, DAY_MS, LOOKBACK_MS, alarmKey, completenessFindings, countsAt, cstDay, cstMonth, dayTotalFindings, draftsOf,
  evaluateGroup, eventFinding, groupFindings, groupOf, groupStateFindings, monthEnd, monthTotalFindings, ongoingGapFindings, planReads,
  pruneGroup, seriesKey, startOfCstDay,
  type CountsAt, type DayTotal, type FactorRules, type Finding, type FindingGroups, type GroupState, type MonthTotal, type RawSeries, type ReadPlan,
  type RollupCounts, type Sample,
} from '../../core/monitoring-quality/index.ts';
import { upsertAlarms } from './alarms.ts';

/**
 * A day is judged (completeness, day totals) only once it ended this long ago: day data (CN 2031) comes after
 * midnight and loggers resend what they buffered; judging earlier would raise alarms that are not true.
 */
export const SETTLE_MS = 2 * 3600_000;
/** Raw readings of one point read per evaluation at most; beyond it the raw-data rules see the first part only. */
export const RAW_CAP = 400_000;
const HOUR_MS = 3600_000;
/** The finer totals compared with a device's day total (day-Cou). */
const FINER_TOTALS = ['min-Cou', 'hour-Cou'];

export interface EvaluateOptions {
  from: Date;
  to: Date;
  /** default: every point */
  pointIds?: readonly number[];
}

export interface EvaluationResult {
  /** the window as evaluated: `from` moved back to the start of its CST day */
  from: string;
  to: string;
  points: number;
  findings: number;
  created: number;
  updated: number;
  alarmIds: number[];
  partial: string[];
  /** active points whose rules ran: over the whole window, over what came since the last run, for a day that settled, or for a silence */
  pointsEvaluated: number;
  /** raw readings read: the window's, their context, what came since the last run */
  rawRowsRead: number;
}

interface PointRow { id: number; mn: string; organisation_id: number; interval_seconds: number; active: boolean }
interface Window {
  from: number;
  to: number;
  /** the end of the data that can exist: min(to, now) — where an ongoing gap ends */
  until: number;
  /** days and months ending by min(to, now − SETTLE_MS) are judged: these */
  days: string[];
  months: string[];
}

/**
 * What the job keeps of each active point between runs, so that a run reads only what is new (README: how it
 * scales): everything a full evaluation of the window would find or need, up to `boundary`, where the next run
 * starts reading again.
 */
interface PointState {
  fingerprint: string;
  windowFrom: number;
  until: number;
  /** an hour before the start of the hour `until` fell in: hourly data (stamped at the hour's start, sent at its end) is still new */
  boundary: number;
  /** readings at or after `until` existed (a device clock ahead): they enter the window later */
  ahead: boolean;
  /** per series, its rollup counts as of `boundary` */
  counts: Map<string, CountsAt>;
  /** per factor and upload period */
  groups: Map<string, GroupState>;
  rollup: { days: string[]; months: string[]; findings: Finding[] };
  /** each alarm key's draft as last written */
  drafts: Map<string, string>;
}

/** The background job's memory between runs (empty at start: the first run evaluates the whole window). */
export interface QualityState {
  readonly points: Map<number, PointState>;
}
export const newQualityState = (): QualityState => ({ points: new Map() });

const iso = (ms: number) => new Date(ms).toISOString();

/** Days and months of the window that are judged (completeness and totals): those ended by `judgeUntil`. */
function judged(from: number, judgeUntil: number): { days: string[]; months: string[] } {
  const days: string[] = [];
  for (let t = from; t + DAY_MS <= judgeUntil; t += DAY_MS) days.push(cstDay(t));
  const months: string[] = [];
  for (let m = cstMonth(from); monthEnd(m) <= judgeUntil; m = cstMonth(monthEnd(m))) months.push(m);
  return { days, months };
}

/**
 * Runs the data-quality rules (src/core/monitoring-quality) over a window and turns what they find into
 * alarms, one per point, rule, series and period (re-evaluating updates them). Raw readings feed gaps, spikes,
 * counter falls and ranges (with their context before the window); the daily and monthly rollups feed
 * completeness and totals; ingestion events feed clock drift and refused logins. Inactive points: events only.
 *
 * Without `state` the whole window is read and every alarm written (the on-demand evaluation). With it (the
 * job) a point is read only from the hour of the previous run on, and only when its rollups show something
 * new; the rest comes from the state, and only alarms that changed are written. Both give the same alarms.
 */
export async function evaluateQuality(ctx: AppContext, o: EvaluateOptions, state?: QualityState): Promise<EvaluationResult> {
  const q = ctx.db;
  const now = ctx.now().getTime();
  const from = startOfCstDay(o.from.getTime());
  const to = o.to.getTime();
  const until = Math.min(to, now);
  const w: Window = { from, to, until, ...judged(from, Math.min(to, now - SETTLE_MS)) };
  const boundary = Math.floor(until / HOUR_MS) * HOUR_MS - HOUR_MS;
  const points = (await q.query<PointRow>(
    `select id, mn, organisation_id, interval_seconds, active from monitoring_points ${o.pointIds ? 'where id = any($1::int[])' : ''} order by id`,
    o.pointIds ? [o.pointIds] : [],
  )).rows;
  const out: EvaluationResult = {
    from: iso(from), to: iso(to), points: points.length, findings: 0, created: 0, updated: 0, alarmIds: [], partial: [], pointsEvaluated: 0, rawRowsRead: 0,
  };
  const factors = await factorRules(q, points);
  const events = await eventFindings(q, points, w);
  const active = points.filter((p) => p.active);
  if (state) {
    const ids = new Set(active.map((p) => p.id));
    for (const id of state.points.keys()) if ((!o.pointIds || o.pointIds.includes(id)) && !ids.has(id)) state.points.delete(id);
  }

  // What changed since the last run, from the rollups in one statement (one snapshot), read before any reading:
  // whatever arrives meanwhile shows as a change next time.
  const fromMonth = cstMonth(from - LOOKBACK_MS);
  const counts = state ? await rollupCounts(q, active.map((p) => [p.id, state.points.get(p.id)?.boundary ?? boundary]), fromMonth) : new Map<number, Map<string, RollupCounts>>();
  const plans = new Map(active.map((p) => {
    const st = state?.points.get(p.id);
    // first seen, re-registered, a clock that went back, or a state older than the window (the job stood still)
    const full = !st || st.fingerprint !== factors.get(p.id)!.fingerprint || w.from < st.windowFrom || w.until < st.until || st.boundary < w.from;
    return [p.id, full ? 'full' as const : planReads(st, counts.get(p.id) ?? new Map(), { boundary, fromMonth })];
  }));
  const tailing = active.flatMap((p) => { const pl = plans.get(p.id); return pl !== 'full' && pl?.tail ? [[p.id, state!.points.get(p.id)!.boundary] as [number, number]] : []; });
  const tails = await readTails(q, tailing, to);
  out.rawRowsRead += tails.rows;

  const next = new Map<number, PointState>();
  for (const p of points) {
    let groups: FindingGroups = new Map();
    const rest = [...(events.get(p.id) ?? [])];
    const st = state?.points.get(p.id);
    if (p.active) {
      const r = await evaluatePoint(q, p, factors.get(p.id)!, w, boundary, plans.get(p.id)!, st, tails.byPoint.get(p.id), counts.get(p.id), !!state);
      out.rawRowsRead += r.rawRows;
      if (r.evaluated) out.pointsEvaluated++;
      if (r.partial) out.partial.push(p.mn);
      groups = r.groups;
      if (r.state) next.set(p.id, r.state);
    }
    const drafts = draftsOf(groupFindings(rest, groups));
    out.findings += drafts.reduce((n, d) => n + d.occurrences, 0);
    const written = new Map(drafts.map((d) => [alarmKey(d), JSON.stringify(d)]));
    const changed = st ? drafts.filter((d) => st.drafts.get(alarmKey(d)) !== written.get(alarmKey(d))) : drafts;
    const up = await upsertAlarms(q, p, changed, ctx.now());
    out.created += up.created;
    out.updated += up.updated;
    out.alarmIds.push(...up.ids);
    const ns = next.get(p.id);
    if (ns) ns.drafts = written;
  }
  if (state) {
    for (const p of active) {
      const ns = next.get(p.id);
      if (ns) state.points.set(p.id, ns);
      else state.points.delete(p.id);
    }
  }
  return out;
}

interface PointFactors { rules: Map<string, FactorRules>; fingerprint: string }
interface PointOutcome { groups: FindingGroups; state?: PointState; evaluated: boolean; partial: boolean; rawRows: number }

/** Readings per factor and upload period, each series with its context before. */
function byGroup(before: ReadonlyMap<string, readonly Sample[]>, samples: ReadonlyMap<string, readonly Sample[]>): Map<string, RawSeries[]> {
  const out = new Map<string, RawSeries[]>();
  for (const k of [...new Set([...before.keys(), ...samples.keys()])].sort()) {
    const [factor, kind] = k.split('|');
    const g = groupOf(factor, kind);
    if (!out.has(g)) out.set(g, []);
    out.get(g)!.push({ factor, kind, before: before.get(k) ?? [], samples: samples.get(k) ?? [] });
  }
  return out;
}

/**
 * The rules over one active point. `full`: the whole window is read. Otherwise per factor and upload period:
 * read over the whole window again when readings were added before the last boundary, evaluated from the
 * boundary on with its kept context when the point's readings from there were read (`tail`), else kept as it
 * was. Ongoing gaps come from the last uploads; completeness and totals are judged again when a day or month
 * settled or readings came in before the boundary. Returns the point's findings grouped per alarm key, and its state for the next run.
 */
async function evaluatePoint(
  q: Queryable, p: PointRow, f: PointFactors, w: Window, boundary: number, plan: 'full' | ReadPlan, st: PointState | undefined,
  tail: Map<string, Sample[]> | undefined, counts: Map<string, RollupCounts> | undefined, keep: boolean,
): Promise<PointOutcome> {
  const rules = { factors: f.rules, pointIntervalSeconds: p.interval_seconds, windowFrom: w.from, boundary };
  const again = plan === 'full' ? null : [...plan.window];
  let rawRows = 0;
  let partial = false;
  let read = 0;
  const groups = new Map<string, GroupState>();
  if (again === null || again.length) {
    const win = await readWindow(q, p.id, w.from, w.to, again);
    const before = await readContext(q, p.id, w.from, again);
    rawRows += win.rows + before.rows;
    partial = win.partial;
    for (const [g, series] of byGroup(before.series, win.series)) groups.set(g, evaluateGroup(series, undefined, rules));
    if (again === null) read += [...win.series.values()].reduce((n, x) => n + x.filter((r) => r.time >= boundary).length, 0);
  }
  if (st && plan !== 'full') {
    const fresh = tail ? byGroup(new Map(), tail) : new Map<string, RawSeries[]>();
    for (const g of new Set([...st.groups.keys(), ...fresh.keys()])) {
      if (plan.window.has(g)) continue;
      const kept = st.groups.get(g);
      if (!tail) {
        groups.set(g, pruneGroup(kept!, w.from));
        continue;
      }
      const samples = new Map((fresh.get(g) ?? []).map((x) => [seriesKey(x.factor, x.kind), x.samples]));
      groups.set(g, evaluateGroup([...byGroup(kept?.context ?? new Map(), samples).values()].flat(), kept, rules));
    }
    if (tail) read += [...tail.values()].reduce((n, x) => n + x.filter((r) => r.time >= boundary).length, 0);
  }
  const last = new Map([...groups].flatMap(([g, x]) => (x.lastUpload === null ? [] : [[g, x.lastUpload] as [string, number]])));
  const ongoing = ongoingGapFindings(last, { until: w.until, windowFrom: w.from, pointIntervalSeconds: p.interval_seconds });
  // judged again when a day or month settled, or when readings were added before the boundary (maybe into a judged day)
  const settled = !st || plan === 'full' || plan.window.size > 0 || w.days.some((d) => !st.rollup.days.includes(d)) || w.months.some((m) => !st.rollup.months.includes(m));
  const rollup = {
    days: w.days, months: w.months,
    findings: settled ? await rollupFindings(q, p, w, f.rules) : st.rollup.findings.filter((x) => (x.rule === 'month_total' ? w.months : w.days).includes(x.period)),
  };
  const anyRead = plan === 'full' || plan.tail || plan.window.size > 0;
  const outcome: PointOutcome = {
    groups: groupFindings([...ongoing, ...rollup.findings], groupStateFindings(groups.values())),
    evaluated: anyRead || settled || ongoing.length > 0, partial, rawRows,
  };
  if (!keep || partial) return outcome;
  const snapshot = new Map([...(counts ?? new Map<string, RollupCounts>())].map(([k, c]) => [k, countsAt(c, boundary)]));
  const pending = [...snapshot.values()].reduce((n, c) => n + [...c.hours.values()].reduce((a, b) => a + b, 0), 0);
  // readings from the boundary on that were not read are ahead of the clock (only known when all of them were read)
  const ahead = plan === 'full' || plan.tail ? pending > read : st!.ahead;
  outcome.state = { fingerprint: f.fingerprint, windowFrom: w.from, until: w.until, boundary, ahead, counts: snapshot, groups, rollup, drafts: new Map() };
  return outcome;
}

/** The meter constants and ranges of the points' factors, and a fingerprint of each point's registration. */
async function factorRules(q: Queryable, points: readonly PointRow[]): Promise<Map<number, PointFactors>> {
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
async function rollupCounts(q: Queryable, points: readonly [number, number][], fromMonth: string): Promise<Map<number, Map<string, RollupCounts>>> {
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
async function readWindow(q: Queryable, pointId: number, from: number, to: number, groups: readonly string[] | null): Promise<{ series: Map<string, Sample[]>; rows: number; partial: boolean }> {
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
async function readContext(q: Queryable, pointId: number, t: number, groups: readonly string[] | null): Promise<{ series: Map<string, Sample[]>; rows: number }> {
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
async function readTails(q: Queryable, points: readonly [number, number][], to: number): Promise<{ byPoint: Map<number, Map<string, Sample[]>>; rows: number }> {
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

/** Events of the window per point, grouped per code and CST day in the database (a chatty device sends many). */
async function eventFindings(q: Queryable, points: PointRow[], w: Window): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  if (!points.length) return out;
  const byMn = new Map(points.map((p) => [p.mn, p.id]));
  const day = `((at at time zone 'UTC') + interval '8 hours')::date`;
  const group = `count(*)::int as n, min(at) as first, max(at) as last, (array_agg(detail order by at desc))[1] as detail`;
  const range = [new Date(w.from).toISOString(), new Date(w.to).toISOString(), [...ALARM_EVENT_CODES]];
  type G = { point_id: number | null; mn: string | null; code: string; n: number; first: Date; last: Date; detail: string | null };
  // Content events carry the point; refusals only the MN they claimed (indexed as point_id null).
  const own = (await q.query<G>(
    `select point_id, null as mn, code, ${group} from monitoring_events
      where point_id = any($4::int[]) and at >= $1 and at < $2 and code = any($3::text[]) group by point_id, code, ${day}`,
    [...range, points.map((p) => p.id)],
  )).rows;
  const refused = (await q.query<G>(
    `select null::int as point_id, mn, code, ${group} from monitoring_events
      where point_id is null and at >= $1 and at < $2 and code = any($3::text[]) and mn = any($4::text[]) group by mn, code, ${day}`,
    [...range, [...byMn.keys()]],
  )).rows;
  for (const g of [...own, ...refused]) {
    const id = g.point_id ?? byMn.get(g.mn ?? '');
    const f = id !== undefined ? eventFinding({ code: g.code, count: g.n, first: g.first.getTime(), last: g.last.getTime(), detail: g.detail }) : null;
    if (!f || id === undefined) continue;
    if (!out.has(id)) out.set(id, []);
    out.get(id)!.push(f);
  }
  return out;
}

/** Completeness and day totals of the settled days of the window, month totals of the months that ended in it. */
async function rollupFindings(q: Queryable, p: PointRow, w: Window, factors: ReadonlyMap<string, FactorRules>): Promise<Finding[]> {
  const { days, months } = w;
  if (!days.length && !months.length) return [];
  const findings: Finding[] = [];
  const unit = (factor: string) => factors.get(factor)?.unit ?? '';

  if (days.length) {
    const rows = (await q.query<{ day: string; factor: string; kind: string; n: number; sum: number }>(
      'select day, factor, kind, n, sum from readings_daily where point_id = $1 and day >= $2 and day <= $3',
      [p.id, days[0], days[days.length - 1]],
    )).rows;
    // A series owes its uploads from the day it first reported (a point registered ahead of its device owes nothing).
    const first = (await q.query<{ factor: string; kind: string; first: string }>(
      'select factor, kind, min(day) as first from readings_daily where point_id = $1 and day <= $2 group by factor, kind',
      [p.id, days[days.length - 1]],
    )).rows;
    const uploads = new Map<string, { first: string; received: Map<string, number> }>();
    for (const f of first) {
      const g = groupOf(f.factor, f.kind);
      const u = uploads.get(g);
      if (!u) uploads.set(g, { first: f.first, received: new Map() });
      else if (f.first < u.first) u.first = f.first;
    }
    for (const r of rows) {
      const rec = uploads.get(groupOf(r.factor, r.kind))!.received;
      rec.set(r.day, Math.max(rec.get(r.day) ?? 0, r.n)); // uploads of a period: the most of any suffix
    }
    for (const [g, u] of uploads) {
      const [factor, period] = g.split('|');
      const owed = days.filter((d) => d >= u.first).map((day) => ({ day, received: u.received.get(day) ?? 0 }));
      findings.push(...completenessFindings({ factor, kind: period, pointIntervalSeconds: p.interval_seconds, days: owed }));
    }
    const sums = new Map(rows.map((r) => [`${r.day}|${seriesKey(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, DayTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${r.day}|${seriesKey(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = seriesKey(r.factor, finer);
        if (!totals.has(k)) totals.set(k, []);
        totals.get(k)!.push({ day: r.day, device: r.sum, finer: s });
      }
    }
    for (const [k, t] of totals) {
      const [factor, finerKind] = k.split('|');
      findings.push(...dayTotalFindings(t, { factor, finerKind, unit: unit(factor) }));
    }
  }

  if (months.length) {
    const rows = (await q.query<{ month: string; factor: string; kind: string; sum: number }>(
      `select month, factor, kind, sum from readings_monthly where point_id = $1 and month = any($2::date[]) and kind = any($3::text[])`,
      [p.id, months.map((m) => `${m}-01`), ['day-Cou', ...FINER_TOTALS]],
    )).rows;
    const sums = new Map(rows.map((r) => [`${r.month.slice(0, 7)}|${seriesKey(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, MonthTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      const month = r.month.slice(0, 7);
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${month}|${seriesKey(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = seriesKey(r.factor, finer);
        if (!totals.has(k)) totals.set(k, []);
        totals.get(k)!.push({ month, device: r.sum, finer: s });
      }
    }
    for (const [k, t] of totals) {
      const [factor, finerKind] = k.split('|');
      findings.push(...monthTotalFindings(t, { factor, finerKind, unit: unit(factor) }));
    }
  }
  return findings;
}

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface QualityJobOptions {
  /** pause between the end of one run and the start of the next (default 5 min) */
  intervalMs?: number;
  /** how far back each run looks (default 2 days; the window starts at the beginning of that CST day) */
  windowMs?: number;
  /** delay of the first run after the start (default 30 s, so that starting the server is not slowed) */
  firstRunMs?: number;
  log?: JobLog;
}

export interface QualityJob {
  /** Runs now, or joins the run in progress (runs never overlap). Null when the run failed or the job stopped. */
  runNow(): Promise<EvaluationResult | null>;
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
  readonly stats: { runs: number; failures: number; last: EvaluationResult | null };
}

/**
 * Evaluates the last ~2 days of every point every few minutes, incrementally: the first run reads the whole
 * window, later ones only what is new (QualityState). The next run is scheduled only after the previous one
 * finished, and a run asked for while one is in progress joins it, so runs never overlap.
 */
export function startQualityJob(ctx: AppContext, opts: QualityJobOptions = {}): QualityJob {
  const intervalMs = opts.intervalMs ?? 5 * 60_000;
  const windowMs = opts.windowMs ?? 2 * DAY_MS;
  const stats: QualityJob['stats'] = { runs: 0, failures: 0, last: null };
  const state = newQualityState();
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<EvaluationResult | null> | null = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  };
  const once = async (): Promise<EvaluationResult | null> => {
    const to = ctx.now();
    try {
      const r = await evaluateQuality(ctx, { from: new Date(to.getTime() - windowMs), to }, state);
      stats.runs++;
      stats.last = r;
      if (r.created) opts.log?.info({ created: r.created, updated: r.updated, points: r.points, evaluated: r.pointsEvaluated, rawRows: r.rawRowsRead }, 'data-quality alarms raised');
      return r;
    } catch (e) {
      stats.failures++;
      opts.log?.warn({ err: String(e) }, 'data-quality evaluation failed; will retry');
      return null;
    }
  };
  function run(): Promise<EvaluationResult | null> {
    if (stopped) return Promise.resolve(null);
    if (current) return current;
    if (timer) clearTimeout(timer);
    timer = null;
    current = once().finally(() => {
      current = null;
      schedule(intervalMs);
    });
    return current;
  }
  schedule(opts.firstRunMs ?? 30_000);
  return {
    runNow: run,
    stats,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
