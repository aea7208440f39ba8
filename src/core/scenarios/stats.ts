/**
 * Percentiles of Monte Carlo samples. Definition: linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R and NumPy): for sorted x₀ ≤ … ≤ x_{n−1} and q in [0, 1],
 * h = (n − 1)·q, P(q) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). Monte Carlo columns are summarised by
 * selection rather than sorting (summarise), which gives the same order statistics.
 */

/** Quantile q ∈ [0, 1] of an ascending-sorted sample (the first n entries of `sorted`). */
export function quantileSorted(sorted: ArrayLike<number>, q: number, n = sorted.length): number {
  if (n === 0) return NaN;
  if (q <= 0) return sorted[0];
  if (q >= 1) return sorted[n - 1];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/** Percentile label used in results, e.g. 5 → "p5", 2.5 → "p2.5". */
export function pLabel(pct: number): string {
  return `p${pct}`;
}

export type Quantiles = Record<string, number> & { mean: number };

/**
 * Exact order statistics by value bucketing: one pass for the range, one to count values per bucket, one
 * to collect the values of the buckets that hold a wanted rank, then a sort of those few buckets only.
 * Bucket numbers are monotone in the value, so a rank falls in the bucket whose cumulative count covers it.
 * About three passes over the data instead of a full sort. `ranks` ascending, each in [0, n).
 */
export function orderStatistics(v: Float64Array, n: number, ranks: readonly number[]): number[] {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) { const x = v[i]; if (x < min) min = x; if (x > max) max = x; }
  if (!(max > min)) return ranks.map(() => min);
  const B = Math.max(1, Math.min(1024, n >> 3));
  const scale = B / (max - min);
  const count = new Int32Array(B + 1);
  const bucket = (x: number) => { const b = ((x - min) * scale) | 0; return b >= B ? B - 1 : b; };
  for (let i = 0; i < n; i++) count[bucket(v[i]) + 1]++;
  for (let b = 1; b <= B; b++) count[b] += count[b - 1]; // count[b] = values in buckets < b
  const wanted = new Int32Array(B).fill(-1);
  const bucketOf = ranks.map((r) => { let b = 0; while (count[b + 1] <= r) b++; return b; });
  let size = 0;
  for (const b of bucketOf) if (wanted[b] < 0) { wanted[b] = size; size += count[b + 1] - count[b]; }
  const scratch = new Float64Array(size);
  const fill = new Int32Array(B);
  for (let i = 0; i < n; i++) {
    const x = v[i], b = bucket(x), o = wanted[b];
    if (o >= 0) scratch[o + fill[b]++] = x;
  }
  const sorted = new Set<number>();
  return ranks.map((r, k) => {
    const b = bucketOf[k], o = wanted[b], len = count[b + 1] - count[b];
    if (!sorted.has(b)) { scratch.subarray(o, o + len).sort(); sorted.add(b); }
    return scratch[o + r - count[b]];
  });
}

/**
 * Percentiles (type 7, as quantileSorted) and mean of the non-NaN entries of `values` (which may be
 * reordered: NaNs are moved to the end). Null when every entry is NaN.
 */
export function summarise(values: Float64Array, percentiles: readonly number[]): Quantiles | null {
  let n = values.length;
  for (let i = 0; i < n; ) {
    if (Number.isNaN(values[i])) { n--; values[i] = values[n]; values[n] = NaN; } else i++;
  }
  if (n === 0) return null;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k];
  const hs = percentiles.map((p) => (n - 1) * Math.min(1, Math.max(0, p / 100)));
  const rankSet = new Set<number>();
  for (const h of hs) { const lo = Math.floor(h); rankSet.add(lo); if (h > lo) rankSet.add(lo + 1); }
  const ranks = [...rankSet].sort((a, b) => a - b);
  const stats = orderStatistics(values, n, ranks);
  const at = (r: number) => stats[ranks.indexOf(r)];
  const out: Record<string, number> = {};
  percentiles.forEach((p, i) => {
    const h = hs[i], lo = Math.floor(h), frac = h - lo;
    out[pLabel(p)] = frac > 0 ? at(lo) + frac * (at(lo + 1) - at(lo)) : at(lo);
  });
  return { ...out, mean: sum / n };
}
