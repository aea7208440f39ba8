import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Sample } from './types.ts';
import { DAY_MS, startOfCstDay } from './time.ts';
import { alarmKey, draftsOf, groupFindings } from './aggregate.ts';
import { CONTEXT_READINGS, ongoingGapFindings, seriesKey, type FactorRules, type RawSeries } from './window.ts';
import { countsAt, evaluateGroup, groupOf, groupStateFindings, planReads, type GroupState } from './incremental.ts';

const D0 = Date.parse('2026-03-02T00:00:00+08:00');
const STEP = 600_000;
const HOUR = 3_600_000;
const factors = new Map<string, FactorRules>([
  ['e10001', { unit: 'kWh', multiplier: 1, offset: 0, min: 0, max: null }],
  ['e10002', { unit: 'kW', multiplier: 1, offset: 0, min: 0, max: 1000 }],
]);

/**
 * Three days of 10-minute uploads: e10002 (kW, range 0–1000) 500 with 5000 at 10:00 on day 0 and at 03:00 on
 * day 1 (spikes, above the range), nothing from 14:10 to 14:40 on day 0 (a gap), 900 from 16:00 on day 1 (a
 * change of level: a spike only to a run that sees its first readings at the end), and its hourly average
 * likewise (500, 900 from 16:00 on day 1: its later neighbours take hours to come); the e10001 register (kWh)
 * +10 per upload from 98 570, wrapping at 23:50 on day 0, reset to 5 at 12:00 on day 1.
 */
function readings(): Map<string, Sample[]> {
  const power: Sample[] = [];
  const register: Sample[] = [];
  for (let n = 0; n < 3 * 144; n++) {
    const t = D0 + n * STEP;
    if (!(n >= 85 && n <= 88)) power.push({ time: t, value: n === 60 || n === 144 + 18 ? 5000 : n >= 144 + 96 ? 900 : 500 });
    register.push({ time: t, value: n < 216 ? (98_570 + 10 * n) % 100_000 : 5 + 10 * (n - 216) });
  }
  const hourly = Array.from({ length: 72 }, (_, h) => ({ time: D0 + h * HOUR, value: h >= 24 + 16 ? 900 : 500 }));
  return new Map([[seriesKey('e10002', 'rt-Rtd'), power], [seriesKey('e10002', 'hour-Avg'), hourly], [seriesKey('e10001', 'rt-Rtd'), register]]);
}

const window = (t: number) => startOfCstDay(t - DAY_MS);
const rules = (windowFrom: number, boundary: number) => ({ factors, pointIntervalSeconds: 600, windowFrom, boundary });
const draftsAt = (groups: ReadonlyMap<string, GroupState>, until: number, windowFrom: number) => {
  const last = new Map([...groups].flatMap(([g, x]) => (x.lastUpload === null ? [] : [[g, x.lastUpload] as [string, number]])));
  const ongoing = ongoingGapFindings(last, { until, windowFrom, pointIntervalSeconds: 600 });
  return draftsOf(groupFindings(ongoing, groupStateFindings(groups.values()))).sort((a, b) => (alarmKey(a) < alarmKey(b) ? -1 : 1));
};

test('evaluated step by step from each boundary on, a point gives the drafts of one evaluation of the final window', () => {
  const all = readings();
  const end = D0 + 2 * DAY_MS + 20 * HOUR;
  // incremental: every 47 minutes, each step reading from the last boundary (an hour before the last step's hour)
  let kept = new Map<string, GroupState>();
  let boundary = -Infinity;
  for (let t = D0 + 5 * 60_000; t <= end; t += 47 * 60_000) {
    const next = Math.floor(t / HOUR) * HOUR - HOUR;
    const groups = new Map<string, GroupState>();
    for (const [k, xs] of all) {
      const [factor, kind] = k.split('|');
      const g = kept.get(groupOf(factor, kind));
      const series: RawSeries = { factor, kind, before: g?.context.get(k) ?? [], samples: xs.filter((x) => x.time >= boundary && x.time < t) };
      groups.set(groupOf(factor, kind), evaluateGroup([series], g, rules(window(t), next)));
    }
    kept = groups;
    boundary = next;
  }
  const last = D0 + 5 * 60_000 + Math.floor((end - D0 - 5 * 60_000) / (47 * 60_000)) * 47 * 60_000;
  // once: the final window with the context before it
  const from = window(last);
  const once = new Map<string, GroupState>();
  for (const [k, xs] of all) {
    const [factor, kind] = k.split('|');
    const series: RawSeries = { factor, kind, before: xs.filter((x) => x.time < from).slice(-CONTEXT_READINGS), samples: xs.filter((x) => x.time >= from && x.time < last) };
    once.set(groupOf(factor, kind), evaluateGroup([series], undefined, rules(from, Math.floor(last / HOUR) * HOUR - HOUR)));
  }
  const incremental = draftsAt(kept, last, from);
  assert.deepEqual(incremental, draftsAt(once, last, from));
  // the final window starts on day 1: the day-0 spike, gap and rollover are out of it; day 1's spike (also above the
  // range) and reset remain
  assert.deepEqual(incremental.map((d) => `${d.rule} ${d.factor} ${d.period}`), [
    'above_range e10002 2026-03-03', 'counter_reset e10001 2026-03-03', 'spike e10002 2026-03-03',
  ]);
});

test('what to read: more readings before the boundary → that group over the window; more after it → from the boundary', () => {
  const b = D0 + 10 * HOUR;
  const counts = (months: number, hours: [number, number][]) => ({ months: new Map([['2026-03', months]]), hours: new Map(hours) });
  const kept = { boundary: b, ahead: false, counts: new Map([[seriesKey('e10001', 'min-Cou'), countsAt(counts(70, [[b, 6]]), b)], [seriesKey('e10001', 'day-Cou'), countsAt(counts(1, []), b)]]) };
  const o = { boundary: b, fromMonth: '2026-02' };
  // nothing new
  assert.deepEqual(planReads(kept, new Map([[seriesKey('e10001', 'min-Cou'), counts(70, [[b, 6]])], [seriesKey('e10001', 'day-Cou'), counts(1, [])]]), o), { tail: false, window: new Set() });
  // two more minute uploads in the boundary's hour; yesterday's day total arrived (stamped before the boundary)
  const now = new Map([[seriesKey('e10001', 'min-Cou'), counts(72, [[b, 8]])], [seriesKey('e10001', 'day-Cou'), counts(2, [])]]);
  assert.deepEqual(planReads(kept, now, o), { tail: true, window: new Set(['e10001|day']) });
  // an hour later with nothing new: the readings of the boundary's hour are read again once, to keep as context
  assert.deepEqual(planReads(kept, new Map([[seriesKey('e10001', 'min-Cou'), counts(70, [[b, 6]])]]), { ...o, boundary: b + HOUR }).tail, true);
});
