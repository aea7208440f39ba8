/**
 * Peak of an emission path. The peak year is the first year of the path's maximum over the whole
 * projection; the peak counts as reached only if emissions in the final year are below that maximum
 * (a path still rising, or flat, at the horizon has not peaked within it). Values within a relative 1e-9 of
 * the maximum count as equal, so floating-point noise on a plateau does not move the peak.
 *
 * A peak in the base year means emissions fall from the first projected year on; whether the true peak
 * came earlier cannot be told from the projection (`atBaseYear`).
 */

export interface Peak {
  /** first year of the maximum; null when not reached within the horizon */
  year: number | null;
  /** the maximum value (also reported when not reached: the highest value seen, i.e. the final one) */
  value: number;
  /** year of the maximum even when not reached (the last year of a still-rising path) */
  maxYear: number;
  reached: boolean;
  atBaseYear: boolean;
}

const REL_TOL = 1e-9;

/** Index (0-based, relative to `offset`) of the first maximum of v[offset … offset + n). */
export function peakIndex(v: ArrayLike<number>, offset: number, n: number): number {
  let max = -Infinity;
  for (let t = 0; t < n; t++) if (v[offset + t] > max) max = v[offset + t];
  const floor = max - REL_TOL * Math.abs(max);
  for (let t = 0; t < n; t++) if (v[offset + t] >= floor) return t;
  return 0;
}

/** True when the final value is below the maximum found at `idx`. */
export function peakReached(v: ArrayLike<number>, offset: number, n: number, idx: number): boolean {
  const max = v[offset + idx];
  return v[offset + n - 1] < max - REL_TOL * Math.abs(max);
}

export function findPeak(values: ArrayLike<number>, years: readonly number[]): Peak {
  const n = years.length;
  if (values.length !== n || n === 0) throw new RangeError('findPeak: values and years must have the same, non-zero length');
  const idx = peakIndex(values, 0, n);
  const reached = peakReached(values, 0, n, idx);
  return {
    year: reached ? years[idx] : null,
    value: values[idx],
    maxYear: years[idx],
    reached,
    atBaseYear: reached && idx === 0,
  };
}
