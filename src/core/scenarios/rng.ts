/**
 * Seeded pseudo-random numbers for the Monte Carlo engine: xoshiro128** (Blackman & Vigna 2018), a 32-bit
 * generator with a 2^128 − 1 period that runs on `Math.imul` and 32-bit integer arithmetic, so every
 * JavaScript engine produces the same stream for the same seed. The four state words are filled from the
 * seed with splitmix32, as the authors recommend (never seed xoshiro with raw, low-entropy words).
 *
 * No `Math.random` anywhere: the same seed gives the same draws on every machine, in every run.
 */

/** Largest accepted seed: seeds are unsigned integers below 2^53 (a JSON number that survives a round trip). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** splitmix32 step: returns the next state and a well-mixed 32-bit output. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [s, z >>> 0];
}

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed`: an integer in [0, 2^53). Both halves of the seed enter the state. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be an integer in [0, 2^53), got ${seed}`);
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 0x100000000) >>> 0;
    let s = lo ^ Math.imul(hi, 0x27d4eb2d);
    let out: number;
    [s, out] = splitmix32(s); this.a = out;
    [s, out] = splitmix32(s ^ hi); this.b = out;
    [s, out] = splitmix32(s); this.c = out;
    [s, out] = splitmix32(s); this.d = out;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
  }

  /** A generator with the raw state words given (for test vectors); the state must not be all zero. */
  static fromState(a: number, b: number, c: number, d: number): Xoshiro128 {
    if (((a | b | c | d) >>> 0) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    const g = new Xoshiro128(0);
    g.a = a >>> 0; g.b = b >>> 0; g.c = c >>> 0; g.d = d >>> 0;
    return g;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Uniform on the open interval (0, 1): (k + 0.5) / 2^32 for a 32-bit k. Never returns 0 or 1, so the
   * inverse-CDF samplers never see ±∞. Resolution 2^-32 reaches about 6.2 standard deviations in the tails.
   */
  nextOpen01(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
