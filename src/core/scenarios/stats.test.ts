import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderStatistics, quantileSorted, summarise } from './stats.ts';
import { Xoshiro128 } from './rng.ts';

test('type-7 quantiles of a small sorted sample, worked by hand', () => {
  // x = 1, 2, 3, 4 (n = 4): q = 0.5 → h = 3·0.5 = 1.5 → 2 + 0.5·(3 − 2) = 2.5
  // q = 0.25 → h = 0.75 → 1 + 0.75·1 = 1.75;  q = 0.95 → h = 2.85 → 3 + 0.85·1 = 3.85
  const x = [1, 2, 3, 4];
  assert.equal(quantileSorted(x, 0.5), 2.5);
  assert.equal(quantileSorted(x, 0.25), 1.75);
  assert.ok(Math.abs(quantileSorted(x, 0.95) - 3.85) < 1e-12);
  assert.equal(quantileSorted(x, 0), 1);
  assert.equal(quantileSorted(x, 1), 4);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test('summarise: percentiles and mean of 0…100 in shuffled order, NaN left out', () => {
  // Values 0, 1, …, 100 (n = 101): h = 100·q, so P5 = 5, P50 = 50, P95 = 95 exactly; mean 50.
  const v = new Float64Array(104);
  const order = Array.from({ length: 101 }, (_, i) => (i * 37) % 101); // a permutation (37 is coprime to 101)
  order.forEach((x, i) => { v[i] = x; });
  v[101] = NaN; v[102] = NaN; v[103] = NaN;
  const q = summarise(v, [5, 50, 95, 2.5]);
  assert.ok(q);
  assert.equal(q.p5, 5);
  assert.equal(q.p50, 50);
  assert.equal(q.p95, 95);
  assert.equal(q['p2.5'], 2.5); // h = 2.5 → 2 + 0.5·1
  assert.equal(q.mean, 50);
  assert.equal(summarise(new Float64Array([NaN, NaN]), [50]), null);
  const same = summarise(new Float64Array([7, 7, 7]), [5, 95]);
  assert.deepEqual(same, { p5: 7, p95: 7, mean: 7 });
});

test('orderStatistics agrees with a full sort on awkward samples', () => {
  const g = new Xoshiro128(11);
  const samples: Float64Array[] = [];
  // uniform; many ties; one huge outlier (everything else in one bucket); negative values; tiny n
  samples.push(Float64Array.from({ length: 5000 }, () => g.nextOpen01()));
  samples.push(Float64Array.from({ length: 5000 }, () => Math.floor(g.nextOpen01() * 5)));
  samples.push(Float64Array.from({ length: 3000 }, (_, i) => (i === 0 ? 1e12 : g.nextOpen01())));
  samples.push(Float64Array.from({ length: 777 }, () => -1000 + 2000 * g.nextOpen01()));
  samples.push(Float64Array.of(3, 1, 2));
  for (const s of samples) {
    const sorted = Float64Array.from(s).sort();
    const n = s.length;
    const ranks = [...new Set([0, Math.floor(n / 20), Math.floor(n / 2), n - 2, n - 1].filter((r) => r >= 0))].sort((a, b) => a - b);
    assert.deepEqual(orderStatistics(Float64Array.from(s), n, ranks), ranks.map((r) => sorted[r]));
  }
});
