import type { Finding, Sample } from './types.ts';
import { DAY_MS, cstDay } from './time.ts';
import { intervalOf, periodOf } from './completeness.ts';
import { gapFindings } from './gaps.ts';
import { SPIKE, spikeFindings } from './spikes.ts';
import { counterFindings, isCumulativeSeries } from './counters.ts';
import { rangeFindings } from './range.ts';

/**
 * The raw-data rules (range, counter falls, spikes, gaps) of one point over readings with their context, the
 * same whether a whole window is evaluated or only what came since the last evaluation (the evaluator in
 * src/server/monitoring/quality-evaluate.ts does both). A reading's findings depend on the data only, never on
 * where the evaluation began: context before it counts up to LOOKBACK_MS back, and so does every rule.
 */

/** How far back context counts: a fall's previous reading, the upload a gap starts from, a spike's neighbours. */
export const LOOKBACK_MS = 35 * DAY_MS;
/** Readings of context per series: the neighbours of a reading judged again, and theirs. */
export const CONTEXT_READINGS = 2 * SPIKE.halfWindow;
/** Suffixes judged for spikes: Min and Max follow Avg, Zs values follow the measured ones. */
const SPIKE_SUFFIXES = new Set(['Rtd', 'Avg', 'Cou']);
/** A factor's registered range → the minimum spike step: 5 % of it (a span-relative noise floor). */
const SPIKE_STEP_OF_RANGE = 0.05;

/** A factor as registered on the point (stored = raw × multiplier + offset; min/max the plausible range). */
export interface FactorRules {
  readonly unit: string;
  readonly multiplier: number;
  readonly offset: number;
  readonly min: number | null;
  readonly max: number | null;
}

export interface RawSeries {
  readonly factor: string;
  readonly kind: string;
  /**
   * Readings before `samples`, oldest first, at most CONTEXT_READINGS: a spike's neighbours, the reading a fall
   * or a gap starts from. Those of them at or after the window's start among the last SPIKE.halfWindow are
   * judged for spikes again (their neighbours now include `samples`); the others are context only.
   */
  readonly before: readonly Sample[];
  /** the readings judged, in time order */
  readonly samples: readonly Sample[];
}

export interface RawRulesInput {
  readonly series: readonly RawSeries[];
  readonly factors: ReadonlyMap<string, FactorRules>;
  readonly pointIntervalSeconds: number;
  /** the evaluated window's start (a CST day start): nothing before it is judged */
  readonly windowFrom: number;
}

export const seriesKey = (factor: string, kind: string) => `${factor}|${kind}`;
/** Gaps are per factor and upload period: one missing upload is missing for every suffix. */
const uploadKey = (factor: string, kind: string) => `${factor}|${periodOf(kind)}`;

/** Splits a series where two readings are more than `gap` apart: nothing is compared across such a silence. */
function runs(samples: readonly Sample[], gap: number): Sample[][] {
  const out: Sample[][] = [];
  for (const s of samples) {
    const cur = out[out.length - 1];
    if (cur && s.time - cur[cur.length - 1].time <= gap) cur.push(s);
    else out.push([s]);
  }
  return out;
}

/**
 * Range and spike findings of the readings judged, counter falls ending in `samples`, and gaps closed by an
 * upload in `samples` (from the last upload before them, when it is within LOOKBACK_MS of the window).
 * The gap still open at the end (ongoing) is `ongoingGapFindings`' business.
 */
export function rawFindings(i: RawRulesInput): Finding[] {
  const findings: Finding[] = [];
  const uploads = new Map<string, { factor: string; period: string; times: number[]; since: number | null }>();
  for (const s of i.series) {
    const f = i.factors.get(s.factor);
    const unit = f?.unit ?? '';
    const ref = { factor: s.factor, kind: s.kind, unit };
    findings.push(...rangeFindings(s.samples, { ...ref, limits: f ? { min: f.min, max: f.max } : undefined }));
    if (isCumulativeSeries(s.kind, unit)) {
      const prev = s.before[s.before.length - 1];
      for (const run of runs(prev ? [prev, ...s.samples] : s.samples, LOOKBACK_MS)) {
        findings.push(...counterFindings(run, { ...ref, multiplier: f?.multiplier, offset: f?.offset }));
      }
    } else if (SPIKE_SUFFIXES.has(s.kind.split('-')[1] ?? '')) {
      const again = s.before.slice(-SPIKE.halfWindow).filter((x) => x.time >= i.windowFrom);
      const judgedFrom = Math.min(again[0]?.time ?? Infinity, s.samples[0]?.time ?? Infinity);
      const minStep = f?.min != null && f.max != null ? SPIKE_STEP_OF_RANGE * (f.max - f.min) : 0;
      findings.push(...spikeFindings([...s.before, ...s.samples], { ...ref, minStep, maxSpanMs: LOOKBACK_MS }).filter((x) => x.from >= judgedFrom));
    }
    const k = uploadKey(s.factor, s.kind);
    if (!uploads.has(k)) uploads.set(k, { factor: s.factor, period: periodOf(s.kind), times: [], since: null });
    const u = uploads.get(k)!;
    for (const x of s.samples) u.times.push(x.time);
    const last = s.before[s.before.length - 1]?.time;
    if (last !== undefined && last >= i.windowFrom - LOOKBACK_MS && (u.since === null || last > u.since)) u.since = last;
  }
  for (const u of uploads.values()) {
    findings.push(...gapFindings(u.times, { factor: u.factor, kind: u.period, intervalSeconds: intervalOf(u.period, i.pointIntervalSeconds), since: u.since }));
  }
  return findings;
}

/** The last upload of each factor and upload period (`factor|period`), from the series' readings and context. */
export function lastUploads(series: readonly RawSeries[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of series) {
    const last = (s.samples[s.samples.length - 1] ?? s.before[s.before.length - 1])?.time;
    const k = uploadKey(s.factor, s.kind);
    if (last !== undefined && last > (out.get(k) ?? -Infinity)) out.set(k, last);
  }
  return out;
}

/** Ongoing gaps: a factor and period silent from its last upload to `until` (an upload older than the look-back is not followed). */
export function ongoingGapFindings(last: ReadonlyMap<string, number>, o: { until: number; windowFrom: number; pointIntervalSeconds: number }): Finding[] {
  const out: Finding[] = [];
  for (const [k, t] of last) {
    if (t < o.windowFrom - LOOKBACK_MS) continue;
    const [factor, period] = k.split('|');
    out.push(...gapFindings([t], { factor, kind: period, intervalSeconds: intervalOf(period, o.pointIntervalSeconds), until: o.until }));
  }
  return out;
}

/**
 * Raw findings that no reading at or after `boundary` can change (settled) and the others: a reading's range
 * finding, a fall ending and a gap closed before it; a spike whose SPIKE.halfWindow later neighbours all came
 * before it. `series` holds the readings the findings were made from.
 */
export function settleAt(findings: readonly Finding[], series: readonly RawSeries[], boundary: number): { settled: Finding[]; open: Finding[] } {
  const spikeCut = new Map<string, number>();
  for (const s of series) {
    const times = [...s.before, ...s.samples].map((x) => x.time).filter((t) => t < boundary);
    spikeCut.set(seriesKey(s.factor, s.kind), times.length > SPIKE.halfWindow ? times[times.length - 1 - SPIKE.halfWindow] : -Infinity);
  }
  const settled: Finding[] = [];
  const open: Finding[] = [];
  for (const f of findings) {
    const done = f.rule === 'spike' ? f.from <= (spikeCut.get(seriesKey(f.factor, f.kind)) ?? -Infinity) : f.to < boundary;
    (done ? settled : open).push(f);
  }
  return { settled, open };
}

/**
 * Whether a window starting at `windowFrom` still holds a raw finding made earlier, as a fresh evaluation of
 * the window would find it: readings from its first day on, and gaps that reach into it from an upload within
 * the look-back.
 */
export function holdsFinding(f: Finding, windowFrom: number): boolean {
  if (f.rule === 'gap') return f.to >= windowFrom && f.from >= windowFrom - LOOKBACK_MS;
  return f.period >= cstDay(windowFrom);
}
