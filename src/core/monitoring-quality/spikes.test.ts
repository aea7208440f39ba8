import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, spikeFindings } from './spikes.ts';

const T0 = Date.parse('2026-02-10T08:00:00+08:00');
const series = (values: number[]) => values.map((value, i) => ({ time: T0 + i * 60_000, value }));
const o = { factor: 'e10002', kind: 'rt-Rtd', unit: 'kW' };

test('median of odd and even counts', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('one spike in a noisy series (worked by hand)', () => {
  // At index 5 the whole series is the window: sorted 10 10 10 10 10 11 11 11 12 12 50 → median 11;
  // |x − 11| sorted 0 0 0 1 1 1 1 1 1 1 39 → MAD 1; threshold max(5 × 1.4826 × 1, 0.2 × 11) = 7.413;
  // |50 − 11| = 39 > 7.413. Elsewhere the deviations are ≤ 1.5 against thresholds ≥ 3.7.
  const f = spikeFindings(series([10, 11, 10, 12, 10, 50, 11, 10, 12, 10, 11]), o);
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].from, f[0].value, f[0].expected, f[0].unit], [T0 + 5 * 60_000, 50, 11, 'kW']);
  assert.equal(f[0].deviation, 39 / 11);
  assert.match(f[0].en, /26\.3051 σ/); // 39 / 1.4826 = 26.30514
});

test('a change of level is not a spike', () => {
  assert.deepEqual(spikeFindings(series([0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100, 100]), o), []);
});

test('flat series (MAD 0): the step must exceed 20 % of the level; exactly 20 % does not', () => {
  assert.deepEqual(spikeFindings(series([100, 100, 100, 100, 100, 120, 100, 100, 100, 100, 100]), o), []);
  const f = spikeFindings(series([100, 100, 100, 100, 100, 120.5, 100, 100, 100, 100, 100]), o);
  assert.deepEqual(f.map((x) => [x.value, x.expected]), [[120.5, 100]]);
});

test('near zero the absolute minimum step decides', () => {
  const s = series([0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0]);
  assert.equal(spikeFindings(s, o).length, 1);
  assert.equal(spikeFindings(s, o)[0].deviation, null); // median 0
  assert.deepEqual(spikeFindings(s, { ...o, minStep: 5 }), []);
});

test('too few readings to judge; empty; a single reading', () => {
  assert.deepEqual(spikeFindings(series([1, 1, 100, 1]), o), []);
  assert.deepEqual(spikeFindings([], o), []);
  assert.deepEqual(spikeFindings(series([7]), o), []);
});

test('neighbours further than maxSpanMs are left out: after a long silence only the readings since count', () => {
  // five readings of 100, a day of silence, then 100 100 500 100
  const day = 86_400_000;
  const s = [...series([100, 100, 100, 100, 100]), ...[100, 100, 500, 100].map((value, i) => ({ time: T0 + day + i * 60_000, value }))];
  // without a limit the 500 is judged among 3 old and 4 new readings (median 100, MAD 0, step 400 > 20): a spike
  assert.deepEqual(spikeFindings(s, o).map((f) => [f.value, f.expected]), [[500, 100]]);
  // within an hour it has only the 4 new readings, fewer than the 5 needed to judge
  assert.deepEqual(spikeFindings(s, { ...o, maxSpanMs: 3_600_000 }), []);
});
