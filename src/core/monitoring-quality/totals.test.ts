import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayTotalFindings, monthTotalFindings, TOTALS_TOLERANCE } from './totals.ts';

const o = { factor: 'e10001', finerKind: 'min-Cou', unit: 'kWh' };

test('day total against the sum of minute totals: 6 % is flagged, 4 % is not', () => {
  assert.equal(TOTALS_TOLERANCE, 0.05);
  // 144 ten-minute totals of 13.25 = 1908 against a day total of 1800: +108 / 1800 = +6 %
  // 144 × 13 = 1872 against 1800: +72 / 1800 = +4 %
  const f = dayTotalFindings([{ day: '2026-02-10', device: 1800, finer: 1908 }, { day: '2026-02-11', device: 1800, finer: 1872 }], o);
  assert.deepEqual(f.map((x) => [x.rule, x.period, x.kind, x.value, x.expected]), [['day_total', '2026-02-10', 'min-Cou', 1908, 1800]]);
  assert.ok(Math.abs(f[0].deviation! - 0.06) < 1e-12);
  assert.equal(f[0].from, Date.parse('2026-02-10T00:00:00+08:00'));
  assert.match(f[0].zh, /相差 6%/);
});

test('exactly 5 % either way passes; a device total of 0 passes only against 0', () => {
  const days = (finer: number, device = 100) => dayTotalFindings([{ day: '2026-02-10', device, finer }], o).length;
  assert.equal(days(105), 0);
  assert.equal(days(95), 0);
  assert.equal(days(94.9), 1);
  assert.equal(days(0, 0), 0);
  assert.equal(days(1, 0), 1);
  assert.equal(dayTotalFindings([{ day: '2026-02-10', device: 0, finer: 1 }], o)[0].deviation, null);
  assert.deepEqual(dayTotalFindings([], o), []);
});

test('month: the sum of the day totals against the month of minute totals', () => {
  // a day total that never came: 30 days × 1000 = 30 000 against 31 × 1000 minute sums = 31 000 ⇒ +3.3 %, passes;
  // 29 000 against 31 000 minute sums: +2000 / 29 000 = +6.9 %
  const f = monthTotalFindings([{ month: '2026-01', device: 30_000, finer: 31_000 }, { month: '2025-12', device: 29_000, finer: 31_000 }], o);
  assert.deepEqual(f.map((x) => [x.rule, x.period, x.value, x.expected]), [['month_total', '2025-12', 31_000, 29_000]]);
  assert.equal(f[0].deviation, 2000 / 29_000);
  assert.equal(f[0].from, Date.parse('2025-12-01T00:00:00+08:00'));
  assert.equal(f[0].to, Date.parse('2026-01-01T00:00:00+08:00'));
});
