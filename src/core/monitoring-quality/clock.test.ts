import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockAhead, clockDriftDetail, parseClockDrift, CLOCK_AHEAD_TOLERANCE_S } from './clock.ts';

const NOW = Date.parse('2026-03-01T08:00:00Z');

test('ahead by more than 5 minutes is drift; exactly 5 minutes or behind is not', () => {
  assert.equal(CLOCK_AHEAD_TOLERANCE_S, 300);
  assert.equal(clockAhead(NOW + 301_000, NOW), 301);
  assert.equal(clockAhead(NOW + 300_000, NOW), null);
  assert.equal(clockAhead(NOW + 300_400, NOW), null); // rounds to 300 s
  assert.equal(clockAhead(NOW - 3_600_000, NOW), null); // late data: a resend or a batch, not judged
});

test('the event detail reads back', () => {
  const d = clockDriftDetail(600, NOW + 600_000, NOW);
  assert.equal(d, 'ahead=600s DataTime=2026-03-01T08:10:00.000Z server=2026-03-01T08:00:00.000Z');
  assert.equal(parseClockDrift(d), 600);
  assert.equal(parseClockDrift('something else'), null);
  assert.equal(parseClockDrift(null), null);
});
