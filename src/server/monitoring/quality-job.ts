import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import {
  ALARM_EVENT_CODES, DAY_MS, completenessFindings, counterFindings, cstDay, cstMonth, dayStart, dayTotalFindings, eventFinding, gapFindings,
  intervalOf, isCumulativeSeries, monthEnd, monthTotalFindings, periodOf, rangeFindings, spikeFindings, startOfCstDay, toAlarmDrafts,
  type DayTotal, type Finding, type MonthTotal, type Sample,
} from '../../core/monitoring-quality/index.ts';
import { upsertAlarms } from './alarms.ts';

/**
 * A day is judged (completeness, day totals) only once it ended this long ago: day data (CN 2031) comes after
 * midnight and loggers resend what they buffered; judging earlier would raise alarms that are not true.
 */
export const SETTLE_MS = 2 * 3600_000;
/** Raw readings of one point read per evaluation at most; beyond it the raw-data rules see the first part only. */
export const RAW_CAP = 400_000;
/** How far back the last reading before the window is looked for (gaps that began earlier, a reset at the start). */
const LOOKBACK_MS = 35 * DAY_MS;
/** Suffixes judged for spikes: Min and Max follow Avg, Zs values follow the measured ones. */
const SPIKE_SUFFIXES = new Set(['Rtd', 'Avg', 'Cou']);
/** The finer totals compared with a device's day total (day-Cou). */
const FINER_TOTALS = ['min-Cou', 'hour-Cou'];
/** A factor's registered range → the minimum spike step: 5 % of it (a span-relative noise floor). */
const SPIKE_STEP_OF_RANGE = 0.05;

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
}

interface PointRow { id: number; mn: string; organisation_id: number; interval_seconds: number; active: boolean }
interface FactorRow { code: string; unit: string; multiplier: number; offset: number; min_value: number | null; max_value: number | null }
interface Window {
  from: number;
  to: number;
  /** the end of the data that can exist: min(to, now) — where an ongoing gap ends */
  until: number;
  /** days and months ending by then are judged: min(to, now − SETTLE_MS) */
  judgeUntil: number;
}

/**
 * Runs the data-quality rules (src/core/monitoring-quality) over a window and turns what they find into
 * alarms, one per point, rule, series and period (re-evaluating updates them). Raw readings of the window
 * feed gaps, spikes, counter falls and ranges; the daily and monthly rollups feed completeness and totals;
 * ingestion events feed clock drift and refused logins. Inactive points: events only.
 */
export async function evaluateQuality(ctx: AppContext, o: EvaluateOptions): Promise<EvaluationResult> {
  const now = ctx.now();
  const from = startOfCstDay(o.from.getTime());
  const to = o.to.getTime();
  const w: Window = { from, to, until: Math.min(to, now.getTime()), judgeUntil: Math.min(to, now.getTime() - SETTLE_MS) };
  const points = (await ctx.db.query<PointRow>(
    `select id, mn, organisation_id, interval_seconds, active from monitoring_points ${o.pointIds ? 'where id = any($1::int[])' : ''} order by id`,
    o.pointIds ? [o.pointIds] : [],
  )).rows;
  const events = await eventFindings(ctx.db, points, w);
  const out: EvaluationResult = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), points: points.length, findings: 0, created: 0, updated: 0, alarmIds: [], partial: [] };
  for (const p of points) {
    const found = [...(events.get(p.id) ?? [])];
    if (p.active) {
      const r = await pointFindings(ctx.db, p, w);
      found.push(...r.findings);
      if (r.partial) out.partial.push(p.mn);
    }
    out.findings += found.reduce((n, f) => n + (f.occurrences ?? 1), 0);
    const up = await upsertAlarms(ctx.db, p, toAlarmDrafts(found), now);
    out.created += up.created;
    out.updated += up.updated;
    out.alarmIds.push(...up.ids);
  }
  return out;
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

const key = (factor: string, kind: string) => `${factor}|${kind}`;

/** The rules over one active point's readings in the window. */
async function pointFindings(q: Queryable, p: PointRow, w: Window): Promise<{ findings: Finding[]; partial: boolean }> {
  const factors = new Map((await q.query<FactorRow>(
    'select code, unit, multiplier, "offset", min_value, max_value from monitoring_point_factors where point_id = $1', [p.id],
  )).rows.map((f) => [f.code, f]));
  const raw = (await q.query<{ factor: string; kind: string; time: Date; value: number }>(
    'select factor, kind, time, value from readings where point_id = $1 and time >= $2 and time < $3 order by factor, kind, time limit $4',
    [p.id, new Date(w.from).toISOString(), new Date(w.to).toISOString(), RAW_CAP + 1],
  )).rows;
  const partial = raw.length > RAW_CAP;
  const series = new Map<string, Sample[]>();
  for (const r of raw.slice(0, RAW_CAP)) {
    const k = key(r.factor, r.kind);
    if (!series.has(k)) series.set(k, []);
    series.get(k)!.push({ time: r.time.getTime(), value: r.value });
  }
  const prev = await lastBefore(q, p.id, w.from);
  const findings: Finding[] = [];

  for (const [k, samples] of series) {
    const [factor, kind] = k.split('|');
    const f = factors.get(factor);
    const unit = f?.unit ?? '';
    findings.push(...rangeFindings(samples, { factor, kind, unit, limits: f ? { min: f.min_value, max: f.max_value } : undefined }));
    if (isCumulativeSeries(kind, unit)) {
      const before = prev.get(k);
      findings.push(...counterFindings(before ? [before, ...samples] : samples, { factor, kind, unit, multiplier: f?.multiplier, offset: f?.offset }));
    } else if (SPIKE_SUFFIXES.has(kind.split('-')[1] ?? '')) {
      const minStep = f?.min_value != null && f.max_value != null ? SPIKE_STEP_OF_RANGE * (f.max_value - f.min_value) : 0;
      findings.push(...spikeFindings(samples, { factor, kind, unit, minStep }));
    }
  }

  // Gaps: one missing upload is missing for every suffix, so per factor and upload period.
  const uploads = new Map<string, { times: number[]; since: number | null }>();
  for (const k of new Set([...series.keys(), ...prev.keys()])) {
    const [factor, kind] = k.split('|');
    const g = key(factor, periodOf(kind));
    if (!uploads.has(g)) uploads.set(g, { times: [], since: null });
    const u = uploads.get(g)!;
    for (const s of series.get(k) ?? []) u.times.push(s.time);
    const before = prev.get(k)?.time;
    if (before !== undefined && (u.since === null || before > u.since)) u.since = before;
  }
  for (const [g, u] of uploads) {
    const [factor, period] = g.split('|');
    findings.push(...gapFindings(u.times, { factor, kind: period, intervalSeconds: intervalOf(period, p.interval_seconds), since: u.since, until: w.until }));
  }

  findings.push(...(await rollupFindings(q, p, w, factors)));
  return { findings, partial };
}

/** The last reading of each series in the LOOKBACK before `from` (found through the hourly rollup, then read). */
async function lastBefore(q: Queryable, pointId: number, from: number): Promise<Map<string, Sample>> {
  const last = (await q.query<{ factor: string; kind: string; bucket: Date }>(
    `select distinct on (factor, kind) factor, kind, bucket from readings_hourly
      where point_id = $1 and bucket < $2 and bucket >= $3 order by factor, kind, bucket desc`,
    [pointId, new Date(from).toISOString(), new Date(from - LOOKBACK_MS).toISOString()],
  )).rows;
  const wanted = new Map<number, Set<string>>();
  for (const r of last) {
    const b = r.bucket.getTime();
    if (!wanted.has(b)) wanted.set(b, new Set());
    wanted.get(b)!.add(key(r.factor, r.kind));
  }
  const out = new Map<string, Sample>();
  // A point reporting regularly has one such hour for all its series: one query.
  for (const [b, keys] of wanted) {
    const rows = (await q.query<{ factor: string; kind: string; time: Date; value: number }>(
      `select distinct on (factor, kind) factor, kind, time, value from readings
        where point_id = $1 and time >= $2 and time < $3 order by factor, kind, time desc`,
      [pointId, new Date(b).toISOString(), new Date(Math.min(b + 3600_000, from)).toISOString()],
    )).rows;
    for (const r of rows) if (keys.has(key(r.factor, r.kind))) out.set(key(r.factor, r.kind), { time: r.time.getTime(), value: r.value });
  }
  return out;
}

/** Completeness and day totals of the settled days of the window, month totals of the months that ended in it. */
async function rollupFindings(q: Queryable, p: PointRow, w: Window, factors: Map<string, FactorRow>): Promise<Finding[]> {
  const days: string[] = [];
  for (let t = w.from; t + DAY_MS <= w.judgeUntil; t += DAY_MS) days.push(cstDay(t));
  const months: string[] = [];
  for (let m = cstMonth(w.from); monthEnd(m) <= w.judgeUntil; m = cstMonth(monthEnd(m))) months.push(m);
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
      const g = key(f.factor, periodOf(f.kind));
      const u = uploads.get(g);
      if (!u) uploads.set(g, { first: f.first, received: new Map() });
      else if (f.first < u.first) u.first = f.first;
    }
    for (const r of rows) {
      const rec = uploads.get(key(r.factor, periodOf(r.kind)))!.received;
      rec.set(r.day, Math.max(rec.get(r.day) ?? 0, r.n)); // uploads of a period: the most of any suffix
    }
    for (const [g, u] of uploads) {
      const [factor, period] = g.split('|');
      const owed = days.filter((d) => d >= u.first).map((day) => ({ day, received: u.received.get(day) ?? 0 }));
      findings.push(...completenessFindings({ factor, kind: period, pointIntervalSeconds: p.interval_seconds, days: owed }));
    }
    const sums = new Map(rows.map((r) => [`${r.day}|${key(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, DayTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${r.day}|${key(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = key(r.factor, finer);
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
    const sums = new Map(rows.map((r) => [`${r.month.slice(0, 7)}|${key(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, MonthTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      const month = r.month.slice(0, 7);
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${month}|${key(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = key(r.factor, finer);
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
 * Evaluates the last ~2 days of every point every few minutes. The next run is scheduled only after the
 * previous one finished, and a run asked for while one is in progress joins it, so runs never overlap.
 */
export function startQualityJob(ctx: AppContext, opts: QualityJobOptions = {}): QualityJob {
  const intervalMs = opts.intervalMs ?? 5 * 60_000;
  const windowMs = opts.windowMs ?? 2 * DAY_MS;
  const stats: QualityJob['stats'] = { runs: 0, failures: 0, last: null };
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
      const r = await evaluateQuality(ctx, { from: new Date(to.getTime() - windowMs), to });
      stats.runs++;
      stats.last = r;
      if (r.created) opts.log?.info({ created: r.created, updated: r.updated, points: r.points }, 'data-quality alarms raised');
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
