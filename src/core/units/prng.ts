/**
 * A tiny seeded pseudo-random generator (mulberry32) for property tests. The core has no unseeded randomness:
 * every "random" test input is reproducible from its seed.
 */
export interface Prng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  range(min: number, max: number): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  /** log-uniform in [min, max): spreads magnitudes evenly (1e-3 … 1e9) */
  magnitude(min: number, max: number): number;
}

export function prng(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const range = (min: number, max: number) => min + (max - min) * next();
  return {
    next,
    range,
    int: (min, max) => Math.floor(range(min, max + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    magnitude: (min, max) => Math.exp(range(Math.log(min), Math.log(max))),
  };
}
