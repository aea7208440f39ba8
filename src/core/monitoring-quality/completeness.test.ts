import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completenessFindings, expectedPerDay, intervalOf } from './completeness.ts';

test('expected uploads per day: minute/real-time data at the point interval, hourly 24, daily 1', () => {
  assert.equal(expectedPerDay('min-Cou', 60), 1440); // 86 400 / 60
  assert.equal(expectedPerDay('rt-Rtd', 7000), 12); // ⌊86 400 / 7000⌋ = ⌊12.34⌋
  assert.equal(expectedPerDay('hour-Avg', 60), 24);
  assert.equal(expectedPerDay('day-Cou', 60), 1);
  assert.equal(expectedPerDay('min', 86_400), 1);
  assert.equal(intervalOf('hour-Cou', 60), 3600);
  assert.equal(intervalOf('min', 600), 600);
});

test('hourly data: 22 of 24 passes (91.7 %), 21 of 24 fails (87.5 %), a day with none is critical', () => {
  const f = completenessFindings({
    factor: 'e10001', kind: 'hour', pointIntervalSeconds: 60,
    days: [{ day: '2026-02-10', received: 22 }, { day: '2026-02-11', received: 21 }, { day: '2026-02-12', received: 0 }],
  });
  assert.deepEqual(f.map((x) => [x.period, x.value, x.expected, x.severity]), [['2026-02-11', 21, 24, 'warning'], ['2026-02-12', 0, 24, 'critical']]);
  assert.equal(f[0].deviation, 21 / 24 - 1); // −0.125
  assert.equal(f[0].from, Date.parse('2026-02-11T00:00:00+08:00'));
  assert.equal(f[0].to, Date.parse('2026-02-12T00:00:00+08:00'));
  assert.match(f[0].zh, /87\.5%（21\/24）/);
  assert.match(f[0].en, /87\.5 % of the expected uploads/);
});

test('exactly 90 % passes; more than expected is capped, not credited; no days, no findings', () => {
  // interval 8640 s ⇒ 10 uploads a day; 9 of 10 = 0.9 exactly
  const at = (received: number) => completenessFindings({ factor: 'a05001', kind: 'rt', pointIntervalSeconds: 8640, days: [{ day: '2026-02-10', received }] });
  assert.deepEqual(at(9), []);
  assert.equal(at(8).length, 1);
  assert.deepEqual(at(25), []);
  assert.deepEqual(completenessFindings({ factor: 'x', kind: 'min', pointIntervalSeconds: 60, days: [] }), []);
});
