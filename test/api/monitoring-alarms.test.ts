import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';
import { startHj212Listener, type RunningListener } from '../../src/ingest/listener.ts';
import { Hj212Client } from '../../src/ingest/client.ts';
import { ensurePartitions, insertReadings, type ReadingRow } from '../../src/ingest/store.ts';
import { encodeUpload, formatHj212Time } from '../../src/core/hj212/index.ts';
import { evaluateQuality, newQualityState, type EvaluationResult } from '../../src/server/monitoring/quality-evaluate.ts';
import { startQualityJob } from '../../src/server/monitoring/quality-job.ts';

// The server clock is 2026-03-01T08:00Z (16:00 CST). Point Q01 (江南水泥, 510502) uploads every 10 minutes on
// 10 and 11 Feb 2026 (CST), written straight to the store; point Q02 (龙马酿酒, 510504) talks HJ 212 on 1 March.
let s: TestServer;
let L: RunningListener;
const c: Record<string, string> = {};
const Q1 = 'LZJNSN-Q01';
const Q2 = 'LZLMNJ-Q02';
const D0 = Date.parse('2026-02-10T00:00:00+08:00');
const STEP = 600_000;
const at = (day: number, i: number) => D0 + day * 86_400_000 + i * STEP;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Q01's data, 144 uploads a day:
 * - e10001 min-Cou: 13.25 kWh each on day 0 (Σ 1908), 13 on day 1 (Σ 1872); day-Cou 1800 both days
 *   ⇒ day 0 is +108/1800 = +6 % (alarm), day 1 +72/1800 = +4 % (none).
 * - e10001 rt-Rtd, the register: day 0 (98 570 + 10 i) mod 100 000, so 99 990 → 0 at 23:50 (a rollover, 10 kWh);
 *   day 1 10, 20 … 720 at 11:50, then 5 at 12:00 (720 → 5: a reset) and on by 10.
 * - e10002 rt-Rtd: 500 kW; 5000 at 10:00 on day 0 (a spike); 14:10–14:40 on day 0 missing (14:00 → 14:50 is
 *   50 min > 3 × 10 min: a gap); on day 1 every sixth upload missing (120 of 144 = 83.3 %: completeness, but
 *   never more than 20 min apart, so no gap).
 * - a19001 min-Avg (range 0–21 %): 8; 22.5 from 06:00 to 06:50 on day 0 (6 above the range), −0.5 from 03:00 to
 *   03:50 on day 1 (6 below). Six in a row is a level, not a spike (the 11-upload median follows it).
 */
function q1Readings(pointId: number): ReadingRow[] {
  const rows: ReadingRow[] = [];
  const add = (time: number, factor: string, kind: string, value: number) => rows.push({ pointId, time, factor, kind, value, flag: 'N' });
  for (const day of [0, 1]) {
    add(at(day, 0), 'e10001', 'day-Cou', 1800);
    for (let i = 0; i < 144; i++) {
      add(at(day, i), 'e10001', 'min-Cou', day === 0 ? 13.25 : 13);
      add(at(day, i), 'e10001', 'rt-Rtd', day === 0 ? (98_570 + 10 * i) % 100_000 : i < 72 ? 10 * (i + 1) : 5 + 10 * (i - 72));
      const missing = day === 0 ? i >= 85 && i <= 88 : i % 6 === 5;
      if (!missing) add(at(day, i), 'e10002', 'rt-Rtd', day === 0 && i === 60 ? 5000 : 500);
      const o2 = day === 0 && i >= 36 && i <= 41 ? 22.5 : day === 1 && i >= 18 && i <= 23 ? -0.5 : 8;
      add(at(day, i), 'a19001', 'min-Avg', o2);
    }
  }
  return rows;
}

const get = (who: string, path: string) => s.call('GET', path, { cookie: c[who] });
const post = (who: string, path: string, body: unknown = {}) => s.call('POST', path, { cookie: c[who], body });
type Alarm = { id: number; rule: string; factor: string; kind: string; period: string; severity: string; value: number | null; expected: number | null;
  deviation: number | null; occurrences: number; firstSeen: string; lastSeen: string; status: string; mn: string; unit: string; zh: string; en: string };
const byRule = (alarms: Alarm[], rule: string, period?: string) => alarms.filter((a) => a.rule === rule && (!period || a.period === period));
const one = (alarms: Alarm[], rule: string, period?: string) => {
  const found = byRule(alarms, rule, period);
  assert.equal(found.length, 1, `${rule} ${period ?? ''}: ${JSON.stringify(found)}`);
  return found[0];
};
const WINDOW = { from: '2026-02-10T00:00:00+08:00', to: '2026-02-12T00:00:00+08:00', mn: Q1 };

before(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'luzhou.office', 'jiangyang.district', 'luzhou.cement', 'luzhou.brewery', 'luzhou.viewer', 'ningxia.office']) c[u] = await s.login(u);
  const code = async (name: string) => (await s.ctx.db.query<{ credit_code: string }>('select credit_code from organisations where name = $1', [name])).rows[0].credit_code;
  const p1 = await post('luzhou.office', '/api/points', {
    enterprise: await code('泸州江南水泥有限公司（演示）'), mn: Q1, pw: 'pw-q01', intervalSeconds: 600, quantity: 'electricity',
    factors: [{ code: 'e10001', unit: 'kWh', min: 0 }, { code: 'e10002', unit: 'kW', min: 0 }, { code: 'a19001', unit: '%', min: 0, max: 21 }],
  });
  assert.equal(p1.status, 201, JSON.stringify(p1.body));
  const p2 = await post('luzhou.office', '/api/points', {
    enterprise: await code('泸州龙马酿酒有限公司（演示）'), mn: Q2, pw: 'pw-q02', intervalSeconds: 60, quantity: 'electricity', factors: [{ code: 'e10002', unit: 'kW', min: 0 }],
  });
  assert.equal(p2.status, 201, JSON.stringify(p2.body));
  const rows = q1Readings(p1.body.id);
  await ensurePartitions(s.ctx.db, rows);
  await s.ctx.db.tx((q) => insertReadings(q, rows));
  L = await startHj212Listener(s.ctx.db, { port: 0, host: '127.0.0.1', now: () => s.ctx.now() });
});
after(async () => {
  await L?.close();
  await s.close();
});

test('the evaluator finds the spike, gap, rollover, reset, range, completeness and the 6 % day total (not the 4 % one)', async () => {
  const r = await post('luzhou.office', '/api/monitoring/quality/evaluate', WINDOW);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // 1 spike + 1 gap + 1 rollover + 1 reset + 6 above + 6 below + 1 completeness + 1 day total = 18 findings in 8 alarms
  assert.deepEqual([r.body.points, r.body.findings, r.body.created, r.body.updated, r.body.truncated], [1, 18, 8, 0, false]);
  // read: day 0 1 day-Cou + 144 min-Cou + 144 rt-Rtd + 140 e10002 + 144 a19001 = 573, day 1 the same with 120 e10002 = 553; nothing before
  assert.deepEqual([r.body.pointsEvaluated, r.body.rawRowsRead], [1, 573 + 553]);
  assert.equal(r.body.from, '2026-02-09T16:00:00.000Z');
  const alarms = r.body.alarms as Alarm[];
  assert.deepEqual(alarms.map((a) => `${a.rule} ${a.factor} ${a.kind} ${a.period}`).sort(), [
    'above_range a19001 min-Avg 2026-02-10',
    'below_range a19001 min-Avg 2026-02-11',
    'completeness e10002 rt 2026-02-11',
    'counter_reset e10001 rt-Rtd 2026-02-11',
    'counter_rollover e10001 rt-Rtd 2026-02-10',
    'day_total e10001 min-Cou 2026-02-10',
    'gap e10002 rt 2026-02-10',
    'spike e10002 rt-Rtd 2026-02-10',
  ]);
  const spike = one(alarms, 'spike');
  // 5000 against the median 500 of its 11 neighbours (MAD 0; step > 20 % of 500): deviation 4500 / 500 = 9
  assert.deepEqual([spike.value, spike.expected, spike.deviation, spike.unit, spike.firstSeen, spike.severity], [5000, 500, 9, 'kW', '2026-02-10T02:00:00.000Z', 'warning']);
  const gap = one(alarms, 'gap');
  // 14:00 → 14:50 CST: 3000 s against 3 × 600 s allowed
  assert.deepEqual([gap.value, gap.expected, gap.firstSeen, gap.lastSeen], [3000, 1800, '2026-02-10T06:00:00.000Z', '2026-02-10T06:50:00.000Z']);
  assert.match(gap.zh, /约缺 4 次上传/);
  const roll = one(alarms, 'counter_rollover');
  // 99 990 → 0 at 23:50 CST: (100 000 − 99 990) + 0 = 10 kWh across the wrap
  assert.deepEqual([roll.value, roll.severity, roll.lastSeen], [10, 'info', '2026-02-10T15:50:00.000Z']);
  const reset = one(alarms, 'counter_reset');
  assert.deepEqual([reset.value, reset.expected, reset.lastSeen], [5, 720, '2026-02-11T04:00:00.000Z']);
  const above = one(alarms, 'above_range');
  assert.deepEqual([above.occurrences, above.value, above.expected, above.firstSeen, above.lastSeen], [6, 22.5, 21, '2026-02-09T22:00:00.000Z', '2026-02-09T22:50:00.000Z']);
  const below = one(alarms, 'below_range');
  assert.deepEqual([below.occurrences, below.value, below.expected], [6, -0.5, 0]);
  const comp = one(alarms, 'completeness');
  assert.deepEqual([comp.value, comp.expected, comp.unit], [120, 144, 'uploads']);
  assert.ok(Math.abs(comp.deviation! - (120 / 144 - 1)) < 1e-12);
  const total = one(alarms, 'day_total');
  assert.deepEqual([total.value, total.expected, total.unit], [1908, 1800, 'kWh']);
  assert.ok(Math.abs(total.deviation! - 0.06) < 1e-12);
  assert.match(total.zh, /相差 6%/);
  assert.deepEqual(byRule(alarms, 'day_total', '2026-02-11'), []); // +4 %
  assert.ok(alarms.every((a) => a.status === 'open' && a.mn === Q1 && a.zh && a.en));
});

test('evaluating again updates the same alarms: no duplicates', async () => {
  const r = await post('jiangyang.district', '/api/monitoring/quality/evaluate', WINDOW);
  assert.equal(r.status, 200);
  assert.deepEqual([r.body.findings, r.body.created, r.body.updated], [18, 0, 8]);
  assert.equal(await count(s, 'monitoring_alarms'), 8);
  assert.equal(one(r.body.alarms, 'above_range').occurrences, 6);
});

test('clock drift and a refused login of a registered MN, from the HJ 212 listener', async () => {
  const now = s.ctx.now().getTime();
  const dev = await Hj212Client.open('127.0.0.1', L.port);
  const qn = '20260301160000001';
  // DataTime 10 minutes ahead of the server: the device clock runs 600 s ahead
  await dev.sendAndWait(encodeUpload({ cn: '2011', st: '31', pw: 'pw-q02', mn: Q2, qn, dataTime: formatHj212Time(new Date(now + 600_000)), readings: [{ code: 'e10002', values: { Rtd: 300 } }] }), qn);
  await dev.close();
  const bad = await Hj212Client.open('127.0.0.1', L.port);
  bad.send(encodeUpload({ cn: '2011', st: '31', pw: 'wrong', mn: Q2, qn: '20260301160000002', dataTime: formatHj212Time(new Date(now)), readings: [{ code: 'e10002', values: { Rtd: 1 } }] }));
  await bad.closed;
  const refused = "select count(*)::int as n from monitoring_events where code = 'wrong_pw' and mn = $1";
  for (let i = 0; i < 100 && !(await s.ctx.db.query<{ n: number }>(refused, [Q2])).rows[0].n; i++) await new Promise((r) => setTimeout(r, 20));

  const r = await post('luzhou.office', '/api/monitoring/quality/evaluate', { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00', mn: Q2 });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const alarms = r.body.alarms as Alarm[];
  assert.deepEqual(alarms.map((a) => `${a.rule} ${a.kind} ${a.period}`).sort(), ['clock_drift  2026-03-01', 'login_refused wrong_pw 2026-03-01']);
  const drift = one(alarms, 'clock_drift');
  assert.deepEqual([drift.value, drift.expected, drift.unit, drift.factor], [600, 300, 's', '']);
  assert.match(drift.zh, /超前 10 分钟/);
});

test('an enterprise sees and handles only its own alarms; other roles by region', async () => {
  const cement = (await get('luzhou.cement', '/api/alarms')).body;
  assert.equal(cement.total, 8);
  assert.ok(cement.items.every((a: Alarm) => a.mn === Q1));
  const brewery = (await get('luzhou.brewery', '/api/alarms')).body;
  assert.deepEqual(brewery.items.map((a: Alarm) => a.mn), [Q2, Q2]);
  assert.equal((await get('luzhou.office', '/api/alarms')).body.total, 10);
  assert.equal((await get('jiangyang.district', '/api/alarms')).body.total, 8); // 510502 only: not 龙马潭区
  assert.equal((await get('ningxia.office', '/api/alarms')).body.total, 0);
  assert.equal((await get('luzhou.viewer', '/api/alarms')).status, 403);

  const spike = (await get('luzhou.cement', '/api/alarms?rule=spike')).body.items[0] as Alarm;
  for (const [who, path] of [['luzhou.brewery', ''], ['luzhou.brewery', '/acknowledge'], ['luzhou.brewery', '/close'], ['ningxia.office', '']] as const) {
    const res = path ? await post(who, `/api/alarms/${spike.id}${path}`) : await get(who, `/api/alarms/${spike.id}`);
    assert.equal(res.status, 404, `${who} ${path}`);
    assert.equal(res.body.error.field, 'id');
  }
  assert.equal((await post('luzhou.viewer', `/api/alarms/${spike.id}/acknowledge`)).status, 403);
  assert.equal((await post('luzhou.cement', '/api/monitoring/quality/evaluate', WINDOW)).status, 403);
  assert.equal((await post('jiangyang.district', '/api/monitoring/quality/evaluate', { mn: Q2 })).status, 404);
  assert.equal((await get('luzhou.cement', `/api/alarms/${spike.id}`)).body.rule, 'spike');
  assert.equal(await count(s, "audit_log where entity_type = 'monitoring_alarm'"), 0);
});

test('acknowledge and close, audited; invalid transitions are 409 in both languages', async () => {
  const list = (await get('luzhou.office', `/api/alarms?mn=${Q1}`)).body.items as Alarm[];
  const spike = one(list, 'spike');
  const ack = await post('luzhou.office', `/api/alarms/${spike.id}/acknowledge`, { note: '已通知企业核查' });
  assert.equal(ack.status, 200, JSON.stringify(ack.body));
  assert.deepEqual([ack.body.status, ack.body.acknowledgedBy, ack.body.acknowledgeNote, ack.body.acknowledgedAt], ['acknowledged', 'luzhou.office', '已通知企业核查', '2026-03-01T08:00:00.000Z']);
  const again = await post('luzhou.cement', `/api/alarms/${spike.id}/acknowledge`);
  assert.equal(again.status, 409);
  assert.deepEqual([again.body.error.code, again.body.error.field], ['conflict', 'status']);
  assert.match(again.body.error.zh, /已确认.*不能确认/);
  assert.match(again.body.error.en, /is acknowledged and cannot be acknowledged/);
  const closed = await post('luzhou.cement', `/api/alarms/${spike.id}/close`, { note: '电能表接线松动，已紧固' });
  assert.deepEqual([closed.status, closed.body.status, closed.body.closedBy, closed.body.closeNote, closed.body.acknowledgedBy], [200, 'closed', 'luzhou.cement', '电能表接线松动，已紧固', 'luzhou.office']);
  for (const verb of ['close', 'acknowledge']) {
    const r = await post('luzhou.office', `/api/alarms/${spike.id}/${verb}`);
    assert.equal(r.status, 409, verb);
    assert.match(r.body.error.zh, /已关闭/);
  }
  const gap = one(list, 'gap');
  assert.equal((await post('jiangyang.district', `/api/alarms/${gap.id}/close`)).body.status, 'closed'); // open → closed directly

  const audit = (await s.ctx.db.query<{ entity_id: string; action: string; actor_name: string; before: { status: string }; after: { status: string; closeNote: string | null } }>(
    "select entity_id, action, actor_name, before, after from audit_log where entity_type = 'monitoring_alarm' order by seq",
  )).rows;
  assert.deepEqual(audit.map((a) => [Number(a.entity_id), a.action, a.actor_name, a.before.status, a.after.status]), [
    [spike.id, 'acknowledge', 'luzhou.office', 'open', 'acknowledged'],
    [spike.id, 'close', 'luzhou.cement', 'acknowledged', 'closed'],
    [gap.id, 'close', 'jiangyang.district', 'open', 'closed'],
  ]);
  assert.equal(audit[1].after.closeNote, '电能表接线松动，已紧固');
  assert.equal((await get('admin', '/api/audit/verify')).body.ok, true);

  // A closed alarm stays closed when the same finding is evaluated again: 6 open ones are updated, nothing created.
  const r = await post('luzhou.office', '/api/monitoring/quality/evaluate', WINDOW);
  assert.deepEqual([r.body.created, r.body.updated], [0, 6]);
  assert.equal((await get('luzhou.office', `/api/alarms/${spike.id}`)).body.status, 'closed');
  assert.equal(await count(s, 'monitoring_alarms'), 10);
});

test('filters, paging and the summary', async () => {
  const page = async (q: string) => (await get('luzhou.office', `/api/alarms?${q}`)).body;
  const p0 = await page(`mn=${Q1}&limit=3`);
  const p2 = await page(`mn=${Q1}&limit=3&offset=6`);
  assert.deepEqual([p0.total, p0.items.length, p2.items.length], [8, 3, 2]);
  assert.equal(new Set([...p0.items, ...p2.items].map((a: Alarm) => a.id)).size, 5);
  assert.equal((await page('status=closed')).total, 2);
  assert.equal((await page(`status=open&mn=${Q1}`)).total, 6);
  assert.deepEqual((await page('rule=login_refused')).items.map((a: Alarm) => a.mn), [Q2]);
  // 03:30–13:00 CST on 11 Feb overlaps the below-range run (03:00–03:50), the reset (11:50–12:00) and the day's completeness
  const span = await page(`mn=${Q1}&from=${encodeURIComponent('2026-02-11T03:30:00+08:00')}&to=${encodeURIComponent('2026-02-11T13:00:00+08:00')}`);
  assert.deepEqual(span.items.map((a: Alarm) => a.rule).sort(), ['below_range', 'completeness', 'counter_reset']);
  const brewery = (await s.ctx.db.query<{ id: number }>("select id from organisations where name = '泸州龙马酿酒有限公司（演示）'")).rows[0].id;
  assert.equal((await page(`organisationId=${brewery}`)).total, 2);
  assert.equal((await get('luzhou.cement', `/api/alarms?organisationId=${brewery}`)).body.total, 0);

  const sum = (await get('luzhou.office', '/api/alarms/summary')).body;
  // 江南水泥: 8 alarms, the spike and the gap closed; 龙马酿酒: 2 open
  assert.deepEqual(sum.totals, { open: 8, acknowledged: 0, closed: 2 });
  const orgs = Object.fromEntries(sum.organisations.map((o: { enterpriseName: string; open: number; closed: number }) => [o.enterpriseName, [o.open, o.closed]]));
  assert.deepEqual(orgs, { '泸州江南水泥有限公司（演示）': [6, 2], '泸州龙马酿酒有限公司（演示）': [2, 0] });
  const cement = sum.organisations.find((o: { enterpriseName: string }) => o.enterpriseName.startsWith('泸州江南'));
  assert.deepEqual(cement.rules.find((r: { rule: string }) => r.rule === 'spike'), { rule: 'spike', open: 0, acknowledged: 0, closed: 1 });
  const own = (await get('luzhou.brewery', '/api/alarms/summary')).body;
  assert.deepEqual([own.totals, own.organisations.length], [{ open: 2, acknowledged: 0, closed: 0 }, 1]);
});

test('regionCode: the alarms of the enterprises of a region and every region below it; unknown: 404 naming the field', async () => {
  // As the previous test left them: 江南水泥 (江阳区 510502) 8 alarms, 6 open and 2 closed; 龙马酿酒 (龙马潭区 510504) 2 open.
  const total = async (who: string, q: string) => (await get(who, `/api/alarms?${q}`)).body.total;
  assert.equal(await total('luzhou.office', 'regionCode=510502'), 8); // the district: 江南水泥 only
  assert.equal(await total('luzhou.office', 'regionCode=510504'), 2); // the other district: 龙马酿酒 only
  assert.equal(await total('luzhou.office', 'regionCode=510500'), 10); // the city: both, 8 + 2
  assert.equal(await total('luzhou.office', 'regionCode=510000'), 10); // the province above it
  assert.equal(await total('luzhou.office', 'regionCode=X-CHENGYU'), 10); // 成渝 spans 四川省, so 泸州 too
  assert.equal(await total('luzhou.office', 'regionCode=510100'), 0); // 成都市: no monitored enterprise
  assert.equal(await total('admin', 'regionCode=640000'), 0); // 宁夏: none
  assert.equal(await total('luzhou.office', 'regionCode=510500&status=closed'), 2); // with another filter: the spike and the gap
  // access is unchanged: the district and the enterprise still see only theirs
  assert.equal(await total('jiangyang.district', 'regionCode=510500'), 8);
  assert.equal(await total('luzhou.brewery', 'regionCode=510500'), 2);
  assert.equal(await total('luzhou.brewery', 'regionCode=510502'), 0);

  const summary = async (who: string, code: string) => {
    const b = (await get(who, `/api/alarms/summary?regionCode=${code}`)).body;
    return [b.totals, b.organisations.map((o: { regionCode: string }) => o.regionCode)];
  };
  assert.deepEqual(await summary('luzhou.office', '510502'), [{ open: 6, acknowledged: 0, closed: 2 }, ['510502']]);
  assert.deepEqual(await summary('luzhou.office', '510500'), [{ open: 8, acknowledged: 0, closed: 2 }, ['510502', '510504']]);
  assert.deepEqual(await summary('luzhou.office', '510100'), [{ open: 0, acknowledged: 0, closed: 0 }, []]);
  assert.deepEqual(await summary('luzhou.brewery', '510500'), [{ open: 2, acknowledged: 0, closed: 0 }, ['510504']]);

  for (const path of ['/api/alarms?regionCode=999999', '/api/alarms/summary?regionCode=999999']) {
    const r = await get('luzhou.office', path);
    assert.equal(r.status, 404, path);
    assert.equal(r.body.error.field, 'regionCode', path);
    assert.match(r.body.error.zh, /regionCode：地区 999999 不存在/);
    assert.match(r.body.error.en, /regionCode: region 999999 does not exist/);
  }
  const long = await get('luzhou.office', `/api/alarms?regionCode=${'5'.repeat(33)}`);
  assert.deepEqual([long.status, long.body.error.field], [400, 'regionCode']);
});

test('bad input: 400 in both languages naming the field, nothing written', async () => {
  const before = await count(s, 'monitoring_alarms');
  const reset = one((await get('luzhou.office', '/api/alarms?rule=counter_reset')).body.items, 'counter_reset');
  const cases: Array<[string, string, unknown, string]> = [
    ['GET', '/api/alarms?status=bogus', undefined, 'status'],
    ['GET', '/api/alarms?rule=nonsense', undefined, 'rule'],
    ['GET', '/api/alarms?limit=0', undefined, 'limit'],
    ['GET', '/api/alarms?from=2026-02-12&to=2026-02-10', undefined, 'to'],
    ['GET', '/api/alarms?from=yesterday', undefined, 'from'],
    ['GET', '/api/alarms/abc', undefined, 'id'],
    ['GET', '/api/alarms/99999999999', undefined, 'id'],
    ['GET', '/api/alarms/summary?to=never', undefined, 'to'],
    ['POST', '/api/monitoring/quality/evaluate', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'to'],
    ['POST', '/api/monitoring/quality/evaluate', { from: '2026-03-05T00:00:00Z' }, 'from'], // after now, the default `to`
    ['POST', '/api/monitoring/quality/evaluate', { mn: 'bad mn!' }, 'mn'],
    ['POST', `/api/alarms/${reset.id}/acknowledge`, { note: 'x'.repeat(1001) }, 'note'],
  ];
  for (const [method, path, body, field] of cases) {
    const r = await s.call(method, path, { cookie: c['luzhou.office'], body });
    assert.equal(r.status, 400, `${method} ${path}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.field, field, path);
    assert.ok(r.body.error.zh && r.body.error.en && r.body.error.zh !== r.body.error.en, path);
  }
  assert.match((await get('luzhou.office', '/api/alarms?from=2026-02-12&to=2026-02-10')).body.error.zh, /to 须晚于 from/);
  assert.equal((await post('luzhou.office', '/api/monitoring/quality/evaluate', { mn: 'NOPE' })).status, 404);
  assert.equal((await get('luzhou.office', '/api/alarms/424242')).status, 404);
  assert.equal(await count(s, 'monitoring_alarms'), before);
  assert.equal((await get('luzhou.office', `/api/alarms/${reset.id}`)).body.status, 'open');
});

test('the background job: runs never overlap; it sees a device silent since 11 Feb', async () => {
  const job = startQualityJob(s.ctx, { firstRunMs: 3_600_000 });
  const a = job.runNow();
  assert.equal(job.runNow(), a); // a second request joins the run in progress
  const r = await a;
  await job.stop();
  assert.equal(await job.runNow(), null);
  assert.deepEqual([job.stats.runs, job.stats.failures], [1, 0]);
  // Window: 27 Feb 00:00 CST to now (1 Mar 16:00 CST). Q01's five upload series (e10001 min/rt/day, e10002 rt,
  // a19001 min) last reported on 11 Feb: an ongoing gap each (found through the last reading before the window),
  // and 27 and 28 Feb with no upload at all: 5 × 2 critical completeness alarms. February's month total:
  // (1908 + 1872 − 2 × 1800) / 3600 = exactly 5 %, which passes.
  assert.deepEqual([r!.created, r!.updated], [15, 0]);
  const alarms = (await get('luzhou.office', `/api/alarms?mn=${Q1}&limit=500`)).body.items as Alarm[];
  const gaps = byRule(alarms, 'gap', '2026-02-11');
  assert.deepEqual(gaps.map((g) => `${g.factor} ${g.kind}`).sort(), ['a19001 min', 'e10001 day', 'e10001 min', 'e10001 rt', 'e10002 rt']);
  assert.ok(gaps.every((g) => g.lastSeen === '2026-03-01T08:00:00.000Z' && /still silent/.test(g.en)));
  const comp = [...byRule(alarms, 'completeness', '2026-02-27'), ...byRule(alarms, 'completeness', '2026-02-28')];
  assert.equal(comp.length, 10);
  assert.ok(comp.every((x) => x.severity === 'critical' && x.value === 0));
  assert.deepEqual(byRule(alarms, 'month_total'), []);
});

/*
 * Incremental runs. Three points get the same readings — Q03 evaluated by the job's incremental evaluator
 * (a state kept between runs), Q04 by a full evaluation of the job's window at each of the same moments, Q05
 * all at once at the end by one full evaluation over everything (the on-demand endpoint). Uploads every
 * 10 minutes from 2 March (D0) to 5 March 03:00 CST, fed as they "arrive" while the clock moves on:
 * - e10001 min-Cou 13 each (Σ 1872 a day); day-Cou, arriving at 00:30 the next day (stamped at the day's start,
 *   so read as a late upload): 1760 on D0 (1872 vs 1760: +6.36 %, an alarm), 1872 after.
 * - e10001 rt-Rtd register: 98 570 + 10 per upload, wrapping at 23:50 on D0 (a rollover), reset to 5 at 13:00
 *   on D1 (780 → 5); the uploads of 10:40 and 10:50 on D1 arrive late, at 12:59 (resent).
 * - e10002 rt-Rtd 500 kW; 5000 at 10:00 on D0 (a spike); 14:10–14:40 on D0 missing (a gap); on D1 every sixth
 *   upload missing (120 of 144: completeness), five of them (00:50 … 04:50) resent at 10:30 on D2, after D1 was
 *   judged: 125 of 144, still below 90 %.
 * - a19001 min-Avg (range 0–21 %) 8; 22.5 at 06:00, 06:30 and 07:00 on D0, −0.5 at 03:00 and 03:30 on D1 (each
 *   out of range and a spike); from 08:00 to 12:00 on D1 the device clock runs 20 minutes ahead (its uploads
 *   arrive before their time and enter the window later).
 */
const MIN = 60_000;
const E0 = Date.parse('2026-03-02T00:00:00+08:00');
const DAY = 86_400_000;
const END = E0 + 3 * DAY + 3 * 3_600_000;
type Timed = ReadingRow & { arrives: number };
function incrementalReadings(pointId: number): Timed[] {
  const rows: Timed[] = [];
  const add = (time: number, factor: string, kind: string, value: number, arrives = time) => rows.push({ pointId, time, factor, kind, value, flag: 'N', arrives });
  for (let day = 0; day < 4; day++) {
    const d = E0 + day * DAY;
    if (day < 3) add(d, 'e10001', 'day-Cou', day === 0 ? 1760 : 1872, d + DAY + 30 * MIN);
    for (let i = 0; i < 144; i++) {
      const t = d + i * STEP;
      const n = day * 144 + i;
      add(t, 'e10001', 'min-Cou', 13);
      add(t, 'e10001', 'rt-Rtd', n < 222 ? (98_570 + 10 * n) % 100_000 : 5 + 10 * (n - 222), day === 1 && (i === 64 || i === 65) ? d + 12 * 60 * MIN + 59 * MIN : t);
      if (day === 1 && i % 6 === 5 && i < 30) add(t, 'e10002', 'rt-Rtd', 500, E0 + 2 * DAY + 10 * 60 * MIN + 30 * MIN);
      else if (!(day === 0 && i >= 85 && i <= 88) && !(day === 1 && i % 6 === 5)) add(t, 'e10002', 'rt-Rtd', day === 0 && i === 60 ? 5000 : 500);
      const o2 = day === 0 && [36, 39, 42].includes(i) ? 22.5 : day === 1 && [18, 21].includes(i) ? -0.5 : 8;
      add(t, 'a19001', 'min-Avg', o2, day === 1 && i >= 48 && i < 72 ? t - 20 * MIN : t);
    }
  }
  return rows.sort((a, b) => a.arrives - b.arrives);
}

const alarmsOf = async (pointId: number) => (await s.ctx.db.query<Record<string, unknown>>(
  `select rule, factor, kind, period, severity, first_seen, last_seen, occurrences, value, expected, deviation, unit, detail_zh, detail_en, status
     from monitoring_alarms where point_id = $1 order by rule, factor, kind, period`, [pointId],
)).rows;

test('incremental runs: only what is new is read, and the alarms equal those of full evaluations of the same data', async () => {
  const ids: number[] = [];
  for (const mn of ['LZJNSN-Q03', 'LZJNSN-Q04', 'LZJNSN-Q05']) {
    const r = await post('luzhou.office', '/api/points', {
      enterprise: (await s.ctx.db.query<{ credit_code: string }>("select credit_code from organisations where name = '泸州江南水泥有限公司（演示）'")).rows[0].credit_code,
      mn, pw: 'pw-q', intervalSeconds: 600, quantity: 'electricity',
      factors: [{ code: 'e10001', unit: 'kWh', min: 0 }, { code: 'e10002', unit: 'kW', min: 0 }, { code: 'a19001', unit: '%', min: 0, max: 21 }],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.push(r.body.id);
  }
  const [q3, q4, q5] = ids;
  const feeds = [q3, q4].map((id) => incrementalReadings(id));
  const fed = [0, 0];
  const feed = async (until: number) => {
    const rows: ReadingRow[] = [];
    feeds.forEach((f, k) => {
      while (fed[k] < f.length && f[fed[k]].arrives < until) rows.push(f[fed[k]++]);
    });
    if (!rows.length) return;
    await ensurePartitions(s.ctx.db, rows);
    await s.ctx.db.tx((q) => insertReadings(q, rows));
  };
  // every 67 minutes, and a few moments chosen below
  const at = (day: number, h: number, m: number) => E0 + day * DAY + (h * 60 + m) * MIN;
  const special = [at(0, 10, 5), at(0, 10, 12), at(0, 10, 14), at(1, 13, 2), END];
  const steps = [...new Set([...Array.from({ length: 100 }, (_, k) => E0 + 5 * MIN + k * 67 * MIN).filter((t) => t < END), ...special])].sort((a, b) => a - b);

  const state = newQualityState();
  const read = { incremental: 0, full: 0 };
  const runs = new Map<number, { inc: EvaluationResult; full: EvaluationResult }>();
  for (const t of steps) {
    s.clock.now = new Date(t);
    await feed(t);
    const window = { from: new Date(t - 2 * DAY), to: new Date(t) };
    const inc = await evaluateQuality(s.ctx, { ...window, pointIds: [q3] }, state);
    const full = await evaluateQuality(s.ctx, { ...window, pointIds: [q4] });
    read.incremental += inc.rawRowsRead;
    read.full += full.rawRowsRead;
    runs.set(t, { inc, full });
    assert.deepEqual(await alarmsOf(q3), await alarmsOf(q4), `after the run at ${new Date(t).toISOString()}`);
  }
  // 10:12 on D0, after a run at 10:08: read again from 09:00 (an hour before the last run's hour) — the uploads of
  // 09:00 … 10:10 of e10001 min-Cou and rt-Rtd, e10002 and a19001: 8 × 4 = 32 readings, not the day's 248
  assert.deepEqual([runs.get(at(0, 10, 12))!.inc.rawRowsRead, runs.get(at(0, 10, 12))!.full.rawRowsRead], [32, 248]);
  // 10:14: nothing new (the next uploads are at 10:20): nothing read, nothing written
  assert.deepEqual(['rawRowsRead', 'created', 'updated'].map((k) => runs.get(at(0, 10, 14))!.inc[k as 'created']), [0, 0, 0]);
  // 13:02 on D1 (the last run at 12:56 read from 11:00): from 11:00, 13 uploads of e10001 min-Cou, rt-Rtd and a19001
  // and 11 of e10002 (11:50 and 12:50 are missing) = 50; and the resent 10:40 and 10:50 are older than 11:00, so
  // e10001 rt-Rtd alone is read over the whole window again: 144 on D0 + 79 on D1 up to 13:00 = 223
  assert.equal(runs.get(at(1, 13, 2))!.inc.rawRowsRead, 50 + 223);
  assert.ok(read.incremental * 4 < read.full, `${read.incremental} raw rows read incrementally, ${read.full} by full evaluations`);

  // Q05: everything that arrived by the end, then one evaluation over the whole span
  const all = incrementalReadings(q5).filter((r) => r.arrives < END);
  await ensurePartitions(s.ctx.db, all);
  await s.ctx.db.tx((q) => insertReadings(q, all));
  c['luzhou.office'] = await s.login('luzhou.office'); // the clock moved on by days: a new session
  const once = await post('luzhou.office', '/api/monitoring/quality/evaluate', { from: iso(E0), to: iso(END), mn: 'LZJNSN-Q05' });
  assert.equal(once.status, 200, JSON.stringify(once.body));
  const q5Alarms = await alarmsOf(q5);
  assert.deepEqual(q5Alarms.map((a) => `${a.rule} ${a.factor} ${a.kind} ${a.period} ×${a.occurrences}`), [
    'above_range a19001 min-Avg 2026-03-02 ×3',
    'below_range a19001 min-Avg 2026-03-03 ×2',
    'completeness e10002 rt 2026-03-03 ×1',
    'counter_reset e10001 rt-Rtd 2026-03-03 ×1',
    'counter_rollover e10001 rt-Rtd 2026-03-02 ×1',
    'day_total e10001 min-Cou 2026-03-02 ×1',
    'gap e10002 rt 2026-03-02 ×1',
    'spike a19001 min-Avg 2026-03-02 ×3',
    'spike a19001 min-Avg 2026-03-03 ×2',
    'spike e10002 rt-Rtd 2026-03-02 ×1',
  ]);
  assert.deepEqual([q5Alarms[2].value, q5Alarms[2].expected], [125, 144]);
  assert.deepEqual(await alarmsOf(q3), q5Alarms);
});

test('the job: a second run with no new data reads nothing raw and writes nothing; a later one only moves the ongoing gaps', async () => {
  const job = startQualityJob(s.ctx, { firstRunMs: 3_600_000 });
  try {
    const first = (await job.runNow())!;
    assert.ok(first.rawRowsRead > 0, 'the first run reads the whole window');
    const second = (await job.runNow())!;
    assert.deepEqual([second.rawRowsRead, second.created, second.updated], [0, 0, 0]);
    // five minutes on, still nothing new: nothing read; Q01's five series and Q02's e10002 are still silent, so
    // their ongoing gaps (found from the state, not the readings) move on to the new end
    s.clock.now = new Date(s.clock.now.getTime() + 5 * MIN);
    const third = (await job.runNow())!;
    assert.deepEqual([third.rawRowsRead, third.created, third.updated, third.pointsEvaluated], [0, 0, 6, 2]);
    const gaps = (await get('luzhou.office', `/api/alarms?rule=gap&limit=500`)).body.items as Alarm[];
    assert.equal(gaps.filter((g) => g.lastSeen === s.clock.now.toISOString()).length, 6);
  } finally {
    await job.stop();
  }
});
