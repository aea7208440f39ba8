import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Xoshiro128 } from './rng.ts';
import {
  compileSamplers, drawInto, normalCdf, normalQuantile, sampleTriangular, sampleTruncatedNormal, sampleUniform,
} from './distributions.ts';

test('xoshiro128** from state (1, 2, 3, 4): first outputs worked by hand', () => {
  // result = rotl(b * 5, 7) * 9 (mod 2^32), computed before the state update.
  // 1st: b = 2 → rotl(10, 7) = 1280 → 1280 * 9 = 11520.
  //   update: t = b << 9 = 1024; c ^= a → 2; d ^= b → 6; b ^= c → 0; a ^= d → 7; c ^= t → 1026; d = rotl(6, 11) = 12288.
  // 2nd: b = 0 → 0.
  //   update: t = 0; c ^= a → 1026 ^ 7 = 1029; d ^= b → 12288; b ^= c → 1029; a ^= d → 7 ^ 12288 = 12295; c → 1029;
  //   d = rotl(12288, 11) = 25165824.
  // 3rd: b = 1029 → b * 5 = 5145 → rotl(5145, 7) = 658560 → * 9 = 5927040.
  const g = Xoshiro128.fromState(1, 2, 3, 4);
  assert.equal(g.nextUint32(), 11520);
  assert.equal(g.nextUint32(), 0);
  assert.equal(g.nextUint32(), 5927040);
});

test('same seed gives the same stream, different seeds differ', () => {
  const a = new Xoshiro128(2030), b = new Xoshiro128(2030), c = new Xoshiro128(2031);
  const sa = Array.from({ length: 1000 }, () => a.nextUint32());
  const sb = Array.from({ length: 1000 }, () => b.nextUint32());
  const sc = Array.from({ length: 1000 }, () => c.nextUint32());
  assert.deepEqual(sa, sb);
  assert.notDeepEqual(sa, sc);
  // Seeds above 2^32 use their high half too.
  const hi1 = new Xoshiro128(2 ** 40 + 5).nextUint32(), hi2 = new Xoshiro128(5).nextUint32();
  assert.notEqual(hi1, hi2);
});

test('rejects seeds that are not non-negative safe integers', () => {
  assert.throws(() => new Xoshiro128(-1), RangeError);
  assert.throws(() => new Xoshiro128(1.5), RangeError);
  assert.throws(() => Xoshiro128.fromState(0, 0, 0, 0), RangeError);
});

test('uniforms are strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
  const g = new Xoshiro128(7);
  const n = 200_000;
  let sum = 0, sum2 = 0, min = 1, max = 0;
  for (let i = 0; i < n; i++) {
    const u = g.nextOpen01();
    sum += u; sum2 += u * u;
    if (u < min) min = u;
    if (u > max) max = u;
  }
  const mean = sum / n;
  assert.ok(min > 0 && max < 1);
  // Standard error of the mean: sqrt(1/12 / n) ≈ 0.00065; allow 5 SE.
  assert.ok(Math.abs(mean - 0.5) < 0.0033, `mean ${mean}`);
  assert.ok(Math.abs(sum2 / n - mean * mean - 1 / 12) < 0.002);
});

test('normal quantile matches textbook z values', () => {
  // z_0.975 = 1.959963984540054, z_0.95 = 1.6448536269514722, z_0.99 = 2.3263478740408408,
  // z_0.999 = 3.090232306167813, z_0.75 = 0.6744897501960817, Φ⁻¹(1e-10) = −6.361340902404056.
  const cases: [number, number][] = [
    [0.975, 1.959963984540054], [0.95, 1.6448536269514722], [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813], [0.75, 0.6744897501960817], [1e-10, -6.361340902404056], [0.5, 0],
  ];
  for (const [p, z] of cases) assert.ok(Math.abs(normalQuantile(p) - z) < 1e-12, `p=${p}`);
  assert.ok(Math.abs(normalQuantile(0.025) + 1.959963984540054) < 1e-12, 'symmetry');
  assert.throws(() => normalQuantile(0), RangeError);
  assert.throws(() => normalQuantile(1), RangeError);
});

test('normal CDF matches the table to its stated accuracy', () => {
  // Φ(0) = 0.5, Φ(1) = 0.8413447460685429, Φ(1.959963984540054) = 0.975, Φ(−3) = 0.0013498980316301
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 2e-7);
  assert.ok(Math.abs(normalCdf(1) - 0.8413447460685429) < 2e-7);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 2e-7);
  assert.ok(Math.abs(normalCdf(-3) - 0.0013498980316301) < 2e-9);
});

test('inverse-CDF samplers, worked by hand', () => {
  // Uniform(2, 6) at u = 0.25 → 2 + 0.25·4 = 3.
  assert.equal(sampleUniform(0.25, 2, 6), 3);
  // Triangular(min 0, mode 1, max 4): F(mode) = (1 − 0)/(4 − 0) = 0.25.
  // u = 0.25 → mode 1; u = 0.0625 → 0 + sqrt(0.0625·4·1) = 0.5; u = 0.75 → 4 − sqrt(0.25·4·3) = 4 − √3.
  assert.ok(Math.abs(sampleTriangular(0.25, 0, 1, 4) - 1) < 1e-15);
  assert.ok(Math.abs(sampleTriangular(0.0625, 0, 1, 4) - 0.5) < 1e-15);
  assert.ok(Math.abs(sampleTriangular(0.75, 0, 1, 4) - (4 - Math.sqrt(3))) < 1e-15);
  // Normal(10, 2) untruncated at u = 0.975 → 10 + 2·1.959964 = 13.919928.
  assert.ok(Math.abs(sampleTruncatedNormal(0.975, 10, 2) - 13.919927969080108) < 1e-6);
  // Standard normal truncated to [0, ∞): median is Φ⁻¹(0.75) = 0.6744897.
  assert.ok(Math.abs(sampleTruncatedNormal(0.5, 0, 1, 0) - 0.6744897501960817) < 1e-6);
  // Truncated to [8, 9] (far upper tail, mirrored): stays inside and near 8 + ln2/8 ≈ 8.087 (exponential tail).
  const x = sampleTruncatedNormal(0.5, 0, 1, 8, 9);
  assert.ok(x >= 8 && x <= 9 && Math.abs(x - 8.0866) < 0.01, `x=${x}`);
  // sd = 0 is the constant.
  assert.equal(sampleTruncatedNormal(0.3, 4, 0), 4);
});

test('sampled moments match the distributions', () => {
  const table = compileSamplers([
    { slot: 0, dist: { dist: 'uniform', min: 2, max: 6 } },
    { slot: 1, dist: { dist: 'triangular', min: 0, mode: 1, max: 4 } },
    { slot: 2, dist: { dist: 'normal', mean: 10, sd: 2, min: 6, max: 14 } },
    { slot: 3, bernoulli: 0.3 },
  ]);
  const g = new Xoshiro128(99);
  const p = new Float64Array(4);
  const n = 50_000;
  const sum = [0, 0, 0, 0];
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    drawInto(table, g, p);
    for (let k = 0; k < 4; k++) sum[k] += p[k];
    lo = Math.min(lo, p[2]); hi = Math.max(hi, p[2]);
  }
  // Means: uniform (2 + 6)/2 = 4 (sd 1.155); triangular (0 + 1 + 4)/3 = 5/3 (sd 0.85);
  // normal truncated symmetrically about its mean → 10 (sd < 2); Bernoulli 0.3 (sd 0.458). 5 SE with n = 50 000.
  assert.ok(Math.abs(sum[0] / n - 4) < 5 * 1.155 / Math.sqrt(n));
  assert.ok(Math.abs(sum[1] / n - 5 / 3) < 5 * 0.85 / Math.sqrt(n));
  assert.ok(Math.abs(sum[2] / n - 10) < 5 * 2 / Math.sqrt(n));
  assert.ok(Math.abs(sum[3] / n - 0.3) < 5 * 0.458 / Math.sqrt(n));
  assert.ok(lo >= 6 && hi <= 14, 'truncation bounds respected');
});
