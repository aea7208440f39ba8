import type { AppContext } from '../context.ts';
import {
  DAY_MS, LOOKBACK_MS, alarmKey, cstDay, cstMonth, draftsOf, groupFindings, monthEnd, planReads, startOfCstDay,
  type FindingGroups, type RollupCounts,
} from '../../core/monitoring-quality/index.ts';
import { upsertAlarms } from './alarms.ts';
import { eventFindings, type Window } from './quality-findings.ts';
import { evaluatePoint, type PointState } from './quality-point.ts';
import { factorRules, iso, readTails, rollupCounts, type PointRow } from './quality-readers.ts';

/**
 * A day is judged (completeness, day totals) only once it ended this long ago: day data (CN 2031) comes after
 * midnight and loggers resend what they buffered; judging earlier would raise alarms that are not true.
 */
export const SETTLE_MS = 2 * 3600_000;
const HOUR_MS = 3600_000;

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

/** The background job's memory between runs (empty at start: the first run evaluates the whole window). */
export interface QualityState {
  readonly points: Map<number, PointState>;
}
export const newQualityState = (): QualityState => ({ points: new Map() });

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
