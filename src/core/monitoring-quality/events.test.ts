import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventFinding } from './events.ts';
import { toAlarmDrafts } from './aggregate.ts';
import type { Finding } from './types.ts';

const AT = Date.parse('2026-03-01T08:00:00Z'); // 16:00 CST

test('events become device findings: clock ahead, DataTime out of range, refused logins', () => {
  const drift = eventFinding({ code: 'clock_drift', count: 3, first: AT, last: AT + 120_000, detail: 'ahead=600s DataTime=x server=y' })!;
  assert.deepEqual([drift.rule, drift.factor, drift.kind, drift.value, drift.expected, drift.severity, drift.occurrences, drift.period],
    ['clock_drift', '', '', 600, 300, 'warning', 3, '2026-03-01']);
  assert.match(drift.zh, /超前 10 分钟/);
  assert.equal(eventFinding({ code: 'time_out_of_range', count: 1, first: AT, last: AT, detail: null })!.severity, 'critical');
  const pw = eventFinding({ code: 'wrong_pw', count: 2, first: AT, last: AT, detail: null })!;
  assert.deepEqual([pw.rule, pw.kind, pw.severity], ['login_refused', 'wrong_pw', 'warning']);
  assert.equal(eventFinding({ code: 'inactive_point', count: 1, first: AT, last: AT, detail: null })!.severity, 'info');
  assert.equal(eventFinding({ code: 'unregistered_factor', count: 1, first: AT, last: AT, detail: null }), null);
});

const spike = (time: number, value: number): Finding => ({
  rule: 'spike', factor: 'e10002', kind: 'rt-Rtd', from: time, to: time, period: new Date(time + 8 * 3600_000).toISOString().slice(0, 10),
  severity: 'warning', value, expected: 500, deviation: (value - 500) / 500, unit: 'kW', zh: `突变 ${value}`, en: `spike ${value}`,
});

test('findings → one draft per rule, series and period, showing the worst', () => {
  const d0 = Date.parse('2026-02-10T10:00:00+08:00');
  const drafts = toAlarmDrafts([spike(d0, 5000), spike(d0 + 3600_000, 9000), spike(d0 + 86_400_000, 700)]);
  assert.deepEqual(drafts.map((d) => [d.period, d.occurrences, d.firstSeen, d.lastSeen, d.value]), [
    ['2026-02-10', 2, d0, d0 + 3600_000, 9000],
    ['2026-02-11', 1, d0 + 86_400_000, d0 + 86_400_000, 700],
  ]);
  assert.equal(drafts[0].zh, '突变 9000（本期共 2 次，此为最严重一次）');
  assert.equal(drafts[1].en, 'spike 700');
  // an event group already counted keeps its own words
  const g = eventFinding({ code: 'wrong_pw', count: 4, first: AT, last: AT, detail: null })!;
  assert.deepEqual(toAlarmDrafts([g]).map((d) => [d.occurrences, d.zh === g.zh]), [[4, true]]);
  assert.deepEqual(toAlarmDrafts([]), []);
});
