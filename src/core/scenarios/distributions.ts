/**
 * Input distributions and their samplers. Every uncertain input is one of three distributions, each drawn
 * by inverse transform from exactly one uniform, so a Monte Carlo draw consumes a fixed number of uniforms
 * and draw k is the same whatever the total number of draws.
 *
 *   normal      N(mean, sd²), optionally truncated to [min, max]   central value: mean
 *   triangular  min ≤ mode ≤ max                                    central value: mode (most likely)
 *   uniform     [min, max]                                          central value: (min + max) / 2
 *
 * The central value is what a deterministic run uses.
 */
import type { Xoshiro128 } from './rng.ts';

export type Dist =
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'uniform'; min: number; max: number };

/** A number or a distribution: every uncertain input in a scenario file has this type. */
export type Num = number | Dist;

export function isDist(v: Num): v is Dist {
  return typeof v === 'object' && v !== null;
}

/** The value a deterministic run uses. */
export function central(v: Num): number {
  if (!isDist(v)) return v;
  switch (v.dist) {
    case 'normal': return v.mean;
    case 'triangular': return v.mode;
    case 'uniform': return (v.min + v.max) / 2;
  }
}

/** Smallest and largest value the input can take (±Infinity for an untruncated normal). */
export function support(v: Num): [number, number] {
  if (!isDist(v)) return [v, v];
  if (v.dist === 'normal') {
    if (v.sd === 0) return [v.mean, v.mean];
    return [v.min ?? -Infinity, v.max ?? Infinity];
  }
  return [v.min, v.max];
}

// ---------------------------------------------------------------------------------------------------------
// Standard normal quantile (Wichura 1988, algorithm AS 241 "PPND16", relative accuracy about 1e-16) and
// cumulative distribution (Numerical Recipes erfc Chebyshev fit, fractional error < 1.2e-7, enough to place
// truncation bounds; the sample itself comes from the quantile function).

/** Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
      + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
      + 133.14166789178437745) * r + 3.387132872796366608))
      / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
      + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
      + 42.313330701600911252) * r + 1);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
      + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
      + 4.6303378461565452959) * r + 1.42343711074968357734)
      / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
      + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
      + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
      + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
      + 5.4637849111641143699) * r + 6.6579046435011037772)
      / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
      + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
      + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
    + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Inverse-transform samplers: u is uniform on (0, 1).

export function sampleUniform(u: number, min: number, max: number): number {
  return min + u * (max - min);
}

export function sampleTriangular(u: number, min: number, mode: number, max: number): number {
  const span = max - min;
  if (span === 0) return min;
  const fc = (mode - min) / span;
  return u < fc ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
}

/**
 * Normal truncated to [lo, hi] by inverse transform on the standardised bounds. When the window lies in
 * the upper tail it is mirrored into the lower tail, where Φ keeps its relative accuracy.
 */
export function sampleTruncatedNormal(u: number, mean: number, sd: number, lo = -Infinity, hi = Infinity): number {
  if (sd === 0) return mean;
  let a = (lo - mean) / sd;
  let b = (hi - mean) / sd;
  const mirror = a > 0;
  if (mirror) [a, b] = [-b, -a];
  const pa = a === -Infinity ? 0 : normalCdf(a);
  const pb = b === Infinity ? 1 : normalCdf(b);
  let p = pa + u * (pb - pa);
  if (!(p > 0)) p = Number.MIN_VALUE;
  if (!(p < 1)) p = 1 - Number.EPSILON / 2;
  let z = normalQuantile(p);
  if (z < a) z = a;
  if (z > b) z = b;
  const x = mean + sd * (mirror ? -z : z);
  return x < lo ? lo : x > hi ? hi : x;
}

export function sample(d: Dist, u: number): number {
  switch (d.dist) {
    case 'normal': return sampleTruncatedNormal(u, d.mean, d.sd, d.min, d.max);
    case 'triangular': return sampleTriangular(u, d.min, d.mode, d.max);
    case 'uniform': return sampleUniform(u, d.min, d.max);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A compiled table of uncertain inputs: for each, the parameter slot it fills and its distribution, with the
// truncation probabilities of truncated normals precomputed so a draw costs one quantile evaluation.

const K_UNIFORM = 0, K_TRIANGULAR = 1, K_NORMAL = 2, K_BERNOULLI = 3;

export interface SamplerTable {
  readonly count: number;
  readonly slot: Int32Array;
  readonly kind: Int8Array;
  /** per entry: four numbers whose meaning depends on the kind (see compileSamplers) */
  readonly p: Float64Array;
}

export type UncertainEntry = { slot: number; dist: Dist } | { slot: number; bernoulli: number };

export function compileSamplers(entries: readonly UncertainEntry[]): SamplerTable {
  const n = entries.length;
  const slot = new Int32Array(n), kind = new Int8Array(n), p = new Float64Array(4 * n);
  entries.forEach((e, i) => {
    slot[i] = e.slot;
    if ('bernoulli' in e) { kind[i] = K_BERNOULLI; p[4 * i] = e.bernoulli; return; }
    const d = e.dist;
    if (d.dist === 'uniform') { kind[i] = K_UNIFORM; p.set([d.min, d.max, 0, 0], 4 * i); }
    else if (d.dist === 'triangular') { kind[i] = K_TRIANGULAR; p.set([d.min, d.mode, d.max, 0], 4 * i); }
    else {
      kind[i] = K_NORMAL;
      const lo = d.min ?? -Infinity, hi = d.max ?? Infinity;
      // Untruncated or mildly truncated normals all go through the same truncated sampler.
      p.set([d.mean, d.sd, lo, hi], 4 * i);
    }
  });
  return { count: n, slot, kind, p };
}

/** Fill the uncertain slots of `params` with one draw; consumes exactly `table.count` uniforms. */
export function drawInto(table: SamplerTable, rng: Xoshiro128, params: Float64Array): void {
  const { slot, kind, p } = table;
  for (let i = 0; i < table.count; i++) {
    const u = rng.nextOpen01();
    const o = 4 * i;
    let v: number;
    switch (kind[i]) {
      case K_UNIFORM: v = sampleUniform(u, p[o], p[o + 1]); break;
      case K_TRIANGULAR: v = sampleTriangular(u, p[o], p[o + 1], p[o + 2]); break;
      case K_NORMAL: v = sampleTruncatedNormal(u, p[o], p[o + 1], p[o + 2], p[o + 3]); break;
      default: v = u < p[o] ? 1 : 0;
    }
    params[slot[i]] = v;
  }
}
