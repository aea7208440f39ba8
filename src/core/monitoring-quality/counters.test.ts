import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counterFindings, impliedCapacity, isCumulativeSeries } from './counters.ts';

const T0 = Date.parse('2026-02-10T23:30:00+08:00');
const series = (values: number[]) => values.map((value, i) => ({ time: T0 + i * 600_000, value }));
const o = { factor: 'e10001', kind: 'rt-Rtd', unit: 'kWh' };

test('which series are register readings: Rtd of an amount unit', () => {
  assert.equal(isCumulativeSeries('rt-Rtd', 'kWh'), true);
  assert.equal(isCumulativeSeries('rt-Rtd', 'm³'), true);
  assert.equal(isCumulativeSeries('rt-Rtd', 't'), true);
  assert.equal(isCumulativeSeries('rt-Rtd', 'kW'), false); // a rate
  assert.equal(isCumulativeSeries('min-Cou', 'kWh'), false); // the amount of one period
  assert.equal(isCumulativeSeries('rt-Rtd', '%'), false);
  assert.equal(isCumulativeSeries('rt-Rtd', 'm³/h'), false);
  assert.equal(isCumulativeSeries('rt-Rtd', ''), false);
});

test('implied capacity is the next power of ten', () => {
  assert.equal(impliedCapacity(99_990), 100_000);
  assert.equal(impliedCapacity(1000), 10_000);
  assert.equal(impliedCapacity(0.5), 1);
});

test('rollover: 99 990 → 5 on a 5-digit register is 10 + 5 = 15 kWh across the wrap', () => {
  const f = counterFindings(series([99_980, 99_990, 5, 15]), o);
  assert.deepEqual(f.map((x) => [x.rule, x.value, x.severity, x.from, x.to, x.period]), [
    ['counter_rollover', 15, 'info', T0 + 600_000, T0 + 1_200_000, '2026-02-10'],
  ]);
});

test('the register wraps on the raw value: stored × 200 (CT ratio) gives 15 × 200 = 3000 kWh', () => {
  const f = counterFindings(series([19_996_000, 19_998_000, 1000]), { ...o, multiplier: 200 });
  assert.deepEqual(f.map((x) => [x.rule, x.value]), [['counter_rollover', 3000]]);
});

test('exactly 10 % of the capacity across the wrap is a rollover; one unit more is a reset', () => {
  // 95 000 → 5000: (100 000 − 95 000) + 5000 = 10 000 = 0.1 × 100 000
  assert.deepEqual(counterFindings(series([95_000, 5000]), o).map((x) => [x.rule, x.value]), [['counter_rollover', 10_000]]);
  const r = counterFindings(series([95_000, 5001]), o);
  assert.deepEqual(r.map((x) => [x.rule, x.value, x.expected, x.severity]), [['counter_reset', 5001, 95_000, 'warning']]);
});

test('reset: 720 → 5 is far from any wrap (capacity 1000: 280 + 5 = 285 > 100)', () => {
  const f = counterFindings(series([700, 710, 720, 5, 15]), o);
  assert.deepEqual(f.map((x) => [x.rule, x.value, x.expected]), [['counter_reset', 5, 720]]);
  assert.equal(f[0].deviation, (5 - 720) / 720);
  // 1000 has four digits, so its capacity is 10 000: 9000 + 3 across is no wrap
  assert.deepEqual(counterFindings(series([1000, 3]), o).map((x) => x.rule), ['counter_reset']);
  assert.deepEqual(counterFindings(series([0, -1]), o).map((x) => x.rule), ['counter_reset']);
});

test('a known capacity overrides the power-of-ten guess', () => {
  assert.deepEqual(counterFindings(series([999_990, 10]), { ...o, capacity: 1e6 }).map((x) => [x.rule, x.value]), [['counter_rollover', 20]]);
  // guessed capacity 100 000 would call 95 000 → 200 a rollover (5200 ≤ 10 000); on a 6-digit register it is a reset
  assert.equal(counterFindings(series([95_000, 200]), o)[0].rule, 'counter_rollover');
  assert.equal(counterFindings(series([95_000, 200]), { ...o, capacity: 1e6 })[0].rule, 'counter_reset');
});

test('rising and equal readings, empty, single: nothing', () => {
  assert.deepEqual(counterFindings(series([1, 1, 2, 3]), o), []);
  assert.deepEqual(counterFindings([], o), []);
  assert.deepEqual(counterFindings(series([5]), o), []);
});
