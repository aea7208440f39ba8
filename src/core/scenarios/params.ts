/**
 * The parameter vector of a compiled scenario. Every number the projection reads (base data, rates,
 * milestone levels, lever sizes, lever on/off flags) has a slot; the deterministic run fills slots with
 * central values, a Monte Carlo draw overwrites the uncertain ones. Paths (trajectories) are compiled to
 * slot indices per year so evaluating one is a tight loop over typed arrays.
 */
import { central, isDist, type Num, type UncertainEntry } from './distributions.ts';
import type { Trajectory } from './schema.ts';
import { parsePeriod, parseYearKey } from './years.ts';

export class Slots {
  private values: number[] = [];
  readonly uncertain: UncertainEntry[] = [];

  /** A slot holding `v` (its central value if it is a distribution, which is registered for sampling). */
  add(v: Num): number {
    const slot = this.values.length;
    this.values.push(central(v));
    if (isDist(v)) this.uncertain.push({ slot, dist: v });
    return slot;
  }

  /** A lever's on/off flag: 1 in a deterministic run, Bernoulli(p) in a draw when p < 1. */
  flag(probability: number | undefined): number {
    const slot = this.values.length;
    this.values.push(1);
    if (probability !== undefined && probability < 1) this.uncertain.push({ slot, bernoulli: probability });
    return slot;
  }

  toArray(): Float64Array {
    return Float64Array.from(this.values);
  }
}

/**
 * A compiled trajectory over T = endYear − baseYear + 1 years (index 0 = base year).
 *  kind 0 constant: the base value throughout
 *  kind 1 growth:   v[t] = v[t−1] · (1 + p[rate[t]])
 *  kind 2 milestones: v[t] = (1 − w[t]) · p[lo[t]] + w[t] · p[hi[t]]
 *  kind 3 growth milestones: v[t] = v[t−1] · (1 + (1 − w[t]) · p[lo[t]] + w[t] · p[hi[t]])
 */
export interface CPath {
  kind: 0 | 1 | 2 | 3;
  base: number;
  rate: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  w: Float64Array;
}

const EMPTY_I = new Int32Array(0);
const EMPTY_F = new Float64Array(0);

/** Compile `t` (already validated: periods cover every year, milestone years in range). */
export function compilePath(slots: Slots, baseValue: number, t: Trajectory | undefined, baseYear: number, T: number): CPath {
  const base = slots.add(baseValue);
  if (!t) return { kind: 0, base, rate: EMPTY_I, lo: EMPTY_I, hi: EMPTY_I, w: EMPTY_F };
  if (t.growth) {
    const rate = new Int32Array(T).fill(-1);
    for (const [key, v] of Object.entries(t.growth)) {
      const p = parsePeriod(key);
      if (!p) continue;
      const slot = slots.add(v);
      for (let y = p.from; y <= p.to; y++) rate[y - baseYear] = slot;
    }
    rate[0] = base; // unused
    return { kind: 1, base, rate, lo: EMPTY_I, hi: EMPTY_I, w: EMPTY_F };
  }
  // Milestones: levels with the base value as the first knot; growth milestones: rates, no base knot.
  const rates = t.growthMilestones !== undefined;
  const knots: { t: number; slot: number }[] = rates ? [] : [{ t: 0, slot: base }];
  const entries = Object.entries((rates ? t.growthMilestones : t.milestones) ?? {})
    .map(([k, v]) => ({ y: parseYearKey(k) as number, v }))
    .sort((a, b) => a.y - b.y);
  for (const e of entries) knots.push({ t: e.y - baseYear, slot: slots.add(e.v) });
  const lo = new Int32Array(T), hi = new Int32Array(T), w = new Float64Array(T);
  let k = 0;
  for (let i = 0; i < T; i++) {
    while (k + 1 < knots.length && knots[k + 1].t <= i) k++;
    if (k + 1 >= knots.length || i <= knots[0].t) { lo[i] = hi[i] = knots[i <= knots[0].t ? 0 : k].slot; w[i] = 0; continue; }
    const a = knots[k], b = knots[k + 1];
    lo[i] = a.slot; hi[i] = b.slot; w[i] = (i - a.t) / (b.t - a.t);
  }
  return { kind: rates ? 3 : 2, base, rate: EMPTY_I, lo, hi, w };
}

/** Evaluate a path into out[0..T). */
export function evalPath(path: CPath, p: Float64Array, out: Float64Array, T: number): void {
  if (path.kind === 0) { out.fill(p[path.base], 0, T); return; }
  if (path.kind === 1) {
    const rate = path.rate;
    let v = p[path.base];
    out[0] = v;
    for (let t = 1; t < T; t++) { v *= 1 + p[rate[t]]; out[t] = v; }
    return;
  }
  const { lo, hi, w } = path;
  if (path.kind === 2) {
    for (let t = 0; t < T; t++) out[t] = (1 - w[t]) * p[lo[t]] + w[t] * p[hi[t]];
    return;
  }
  let v = p[path.base];
  out[0] = v;
  for (let t = 1; t < T; t++) { v *= 1 + (1 - w[t]) * p[lo[t]] + w[t] * p[hi[t]]; out[t] = v; }
}
