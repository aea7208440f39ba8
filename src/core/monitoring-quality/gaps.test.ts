import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gapFindings, GAP_FACTOR } from './gaps.ts';

const T0 = Date.parse('2026-02-10T00:00:00+08:00');
const MIN = 60_000;
const at = (...minutes: number[]) => minutes.map((m) => T0 + m * MIN);
const g = { factor: 'e10002', kind: 'rt', intervalSeconds: 60 };

test('three missing uploads are a gap; exactly three intervals apart is not', () => {
  assert.equal(GAP_FACTOR, 3);
  // 2 → 5: 180 s = 3 × 60 s, two uploads missing: not more than 3 intervals
  assert.deepEqual(gapFindings(at(0, 1, 2, 5, 6), g), []);
  // 2 → 6: 240 s > 180 s; minutes 3, 4, 5 missing
  const f = gapFindings(at(0, 1, 2, 6, 7), g);
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].from, f[0].to, f[0].value, f[0].expected, f[0].unit, f[0].period], [T0 + 2 * MIN, T0 + 6 * MIN, 240, 180, 's', '2026-02-10']);
  assert.match(f[0].zh, /约缺 3 次上传/);
});

test('times of several suffixes may come together, unsorted and repeated', () => {
  assert.deepEqual(gapFindings([...at(3, 0, 1, 2), ...at(0, 1, 2, 3)], g), []);
});

test('window edges: a gap from the last reading before the window, and one still open at its end', () => {
  // the last reading before the window was 23:55 on 9 Feb: the gap belongs to the day it began
  const before = gapFindings(at(0, 1), { ...g, since: T0 - 5 * MIN });
  assert.deepEqual(before.map((x) => [x.period, x.value]), [['2026-02-09', 300]]);
  // last upload at minute 1, evaluated at minute 10: 540 s of silence, ongoing
  const open = gapFindings(at(0, 1), { ...g, until: T0 + 10 * MIN });
  assert.deepEqual(open.map((x) => [x.from, x.to, x.value]), [[T0 + MIN, T0 + 10 * MIN, 540]]);
  assert.match(open[0].en, /still silent/);
  // until within 3 intervals of the last upload: nothing
  assert.deepEqual(gapFindings(at(0, 1), { ...g, until: T0 + 4 * MIN }), []);
});

test('empty series and a single reading', () => {
  assert.deepEqual(gapFindings([], g), []);
  assert.deepEqual(gapFindings([], { ...g, until: T0 + 60 * MIN }), []); // nothing to anchor a gap to
  // no reading in the window, the last one before it at T0: silent for the whole hour
  assert.deepEqual(gapFindings([], { ...g, since: T0, until: T0 + 60 * MIN }).map((x) => x.value), [3600]);
  assert.deepEqual(gapFindings(at(5), g), []);
  assert.equal(gapFindings(at(5), { ...g, until: T0 + 9 * MIN }).length, 1); // 240 s > 180 s
});
