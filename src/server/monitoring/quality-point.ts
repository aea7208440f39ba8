/** The data-quality rules over one active point, from a full read or from what changed since the last run. */
import type { Queryable } from '../../db/index.ts';
import {
  countsAt, evaluateGroup, groupFindings, groupOf, groupStateFindings, ongoingGapFindings, pruneGroup, seriesKey,
  type CountsAt, type Finding, type FindingGroups, type GroupState, type RawSeries, type ReadPlan, type RollupCounts, type Sample,
} from '../../core/monitoring-quality/index.ts';
import { rollupFindings, type Window } from './quality-findings.ts';
import { readContext, readWindow, type PointFactors, type PointRow } from './quality-readers.ts';

export /**
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

export interface PointOutcome { groups: FindingGroups; state?: PointState; evaluated: boolean; partial: boolean; rawRows: number }

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
export async function evaluatePoint(
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
