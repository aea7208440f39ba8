import type { Finding, Sample } from './types.ts';
import { cstMonth } from './time.ts';
import { periodOf } from './completeness.ts';
import { groupFindings, mergeGroups, type FindingGroups } from './aggregate.ts';
import { CONTEXT_READINGS, holdsFinding, lastUploads, rawFindings, seriesKey, settleAt, type FactorRules, type RawSeries } from './window.ts';

/**
 * Evaluating the raw-data rules a piece at a time with the same result as over the whole window: what an
 * evaluation keeps (settled findings, context readings, last uploads) and what the next one must read.
 * Pure; the evaluator in src/server/monitoring/quality-evaluate.ts holds the state and reads the database.
 */

/** A factor and upload period of a point (`e10001|min`): every raw rule stays within one (gaps span its suffixes). */
export const groupOf = (factor: string, kind: string): string => `${factor}|${periodOf(kind)}`;

/** What is kept of one group between evaluations. */
export interface GroupState {
  /** per series, its last CONTEXT_READINGS readings before the boundary */
  readonly context: ReadonlyMap<string, readonly Sample[]>;
  readonly lastUpload: number | null;
  /** findings no reading at or after the boundary can change: range, spike and counter findings grouped per alarm key; gaps one by one */
  readonly settled: FindingGroups;
  readonly settledGaps: readonly Finding[];
  /** findings later readings may still change: made again from the context and the new readings */
  readonly open: readonly Finding[];
}

export interface GroupRules {
  readonly factors: ReadonlyMap<string, FactorRules>;
  readonly pointIntervalSeconds: number;
  /** the window's start */
  readonly windowFrom: number;
  /** where the next evaluation starts reading: findings that depend on readings only before it settle */
  readonly boundary: number;
}

/** A group's state as a window evaluation starting at `windowFrom` holds it (see holdsFinding). */
export function pruneGroup(g: GroupState, windowFrom: number): GroupState {
  return {
    ...g,
    settled: new Map([...g.settled].filter(([, x]) => holdsFinding(x.worst, windowFrom))),
    settledGaps: g.settledGaps.filter((f) => holdsFinding(f, windowFrom)),
    open: g.open.filter((f) => holdsFinding(f, windowFrom)),
  };
}

/**
 * One group evaluated over `series` — its readings since the last boundary, with the kept context as `before`
 * (or the whole window with the context before it, `kept` absent) — added to what was kept.
 */
export function evaluateGroup(series: readonly RawSeries[], kept: GroupState | undefined, r: GroupRules): GroupState {
  const found = rawFindings({ series, factors: r.factors, pointIntervalSeconds: r.pointIntervalSeconds, windowFrom: r.windowFrom });
  const { settled, open } = settleAt(found, series, r.boundary);
  const base = kept ? pruneGroup(kept, r.windowFrom) : undefined;
  const context = new Map<string, Sample[]>();
  for (const s of series) {
    const last = [...s.before, ...s.samples].filter((x) => x.time < r.boundary).slice(-CONTEXT_READINGS);
    if (last.length) context.set(seriesKey(s.factor, s.kind), last);
  }
  return {
    context,
    lastUpload: [...lastUploads(series).values()][0] ?? null,
    settled: mergeGroups(base?.settled ?? new Map(), groupFindings(settled.filter((f) => f.rule !== 'gap'))),
    settledGaps: [...(base?.settledGaps ?? []), ...settled.filter((f) => f.rule === 'gap')],
    open,
  };
}

/** A group's findings in the order one evaluation of the whole window would make them (the settled ones first). */
export function groupStateFindings(groups: Iterable<GroupState>, into: FindingGroups = new Map()): FindingGroups {
  let out = into;
  for (const g of groups) out = mergeGroups(out, groupFindings([...g.settledGaps, ...g.open], g.settled));
  return out;
}

/** A series' rollup counts as read: per CST month (YYYY-MM), and per hour from the last boundary on. */
export interface RollupCounts {
  readonly months: ReadonlyMap<string, number>;
  readonly hours: ReadonlyMap<number, number>;
}
/** The counts as of a boundary (an hour's start): the readings per month before it, and per hour from it on. */
export interface CountsAt {
  readonly below: ReadonlyMap<string, number>;
  readonly hours: ReadonlyMap<number, number>;
}

export function countsAt(c: RollupCounts, boundary: number): CountsAt {
  const hours = new Map([...c.hours].filter(([b]) => b >= boundary));
  const below = new Map(c.months);
  for (const [b, n] of hours) below.set(cstMonth(b), (below.get(cstMonth(b)) ?? 0) - n);
  return { below, hours };
}

function same<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>, keep: (k: K) => boolean): boolean {
  for (const k of new Set([...a.keys(), ...b.keys()])) if (keep(k) && (a.get(k) ?? 0) !== (b.get(k) ?? 0)) return false;
  return true;
}

export interface ReadPlan {
  /** read every series from the last boundary on */
  readonly tail: boolean;
  /** groups to read over the whole window again: readings were added before the last boundary (a resent backlog, a day total) */
  readonly window: ReadonlySet<string>;
}

/**
 * What a point's rollup counts say must be read, against those kept at the last boundary: a series with more
 * readings before it than then → its group over the whole window; more from it on, readings that were ahead
 * of the clock then, or readings between it and the new boundary (to keep as context) → from it on.
 */
export function planReads(
  kept: { boundary: number; ahead: boolean; counts: ReadonlyMap<string, CountsAt> }, now: ReadonlyMap<string, RollupCounts>, o: { boundary: number; fromMonth: string },
): ReadPlan {
  const window = new Set<string>();
  let tail = kept.ahead;
  for (const k of new Set([...now.keys(), ...kept.counts.keys()])) {
    const then = countsAt(now.get(k) ?? { months: new Map(), hours: new Map() }, kept.boundary);
    const was = kept.counts.get(k) ?? { below: new Map(), hours: new Map() };
    const [factor, kind] = k.split('|');
    if (!same(then.below, was.below, (m) => m >= o.fromMonth)) window.add(groupOf(factor, kind));
    else if (!same(then.hours, was.hours, () => true) || [...then.hours].some(([b, n]) => b < o.boundary && n > 0)) tail = true;
  }
  return { tail, window };
}
