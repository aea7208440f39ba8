import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeCheck, rangeFindings } from './range.ts';

test('range check: bounds inclusive; negative only matters where no minimum is registered', () => {
  assert.deepEqual(rangeCheck(-1, { min: 0, max: null }), { code: 'below_range', bound: 0 });
  assert.deepEqual(rangeCheck(22, { min: 0, max: 21 }), { code: 'above_range', bound: 21 });
  assert.equal(rangeCheck(21, { min: 0, max: 21 }), null);
  assert.equal(rangeCheck(0, { min: 0, max: 21 }), null);
  assert.deepEqual(rangeCheck(-0.5, undefined), { code: 'negative_value', bound: 0 }); // unregistered factor
  assert.equal(rangeCheck(-0.5, { min: -1, max: null }), null); // flue-gas static pressure may be negative
  assert.deepEqual(rangeCheck(-2, { min: null, max: 10 }), { code: 'negative_value', bound: 0 });
});

test('findings per reading outside the range', () => {
  const t = Date.parse('2026-02-10T06:00:00+08:00');
  const f = rangeFindings([{ time: t, value: 8 }, { time: t + 600_000, value: 22.5 }, { time: t + 1_200_000, value: -0.5 }],
    { factor: 'a19001', kind: 'min-Avg', unit: '%', limits: { min: 0, max: 21 } });
  assert.deepEqual(f.map((x) => [x.rule, x.value, x.expected, x.period]), [['above_range', 22.5, 21, '2026-02-10'], ['below_range', -0.5, 0, '2026-02-10']]);
  assert.equal(f[0].deviation, 1.5 / 21);
  assert.equal(f[1].deviation, null); // bound 0
  assert.match(f[0].zh, /22\.5 %高于上限（上限 21）/);
  assert.deepEqual(rangeFindings([], { factor: 'a19001', kind: 'min-Avg' }), []);
});
