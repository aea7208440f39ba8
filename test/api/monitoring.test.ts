import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';
import { startHj212Listener, type RunningListener } from '../../src/ingest/listener.ts';
import { Hj212Client } from '../../src/ingest/client.ts';
import { encodeUpload, formatHj212Time } from '../../src/core/hj212/index.ts';
import { demoCreditCode } from '../../src/demo/load.ts';

let s: TestServer;
let L: RunningListener;
const c: Record<string, string> = {};
let cementCode: string;

before(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'luzhou.office', 'jiangyang.district', 'luzhou.cement', 'luzhou.brewery', 'luzhou.viewer', 'ningxia.office']) c[u] = await s.login(u);
  cementCode = (await s.ctx.db.query<{ credit_code: string }>("select credit_code from organisations where name = '泸州江南水泥有限公司（演示）'")).rows[0].credit_code;
  L = await startHj212Listener(s.ctx.db, { port: 0, host: '127.0.0.1', now: () => s.ctx.now() });
});
after(async () => {
  await L.close();
  await s.close();
});

const get = (who: string, path: string) => s.call('GET', path, { cookie: c[who] });

test('demo points are registered; each role sees what it may, an enterprise only its own', async () => {
  const mns = async (who: string) => ((await get(who, '/api/points')).body as Array<{ mn: string }>).map((p) => p.mn);
  assert.deepEqual(await mns('luzhou.cement'), ['DEMO510502JNSN01', 'DEMO510502JNSN02']);
  assert.deepEqual(await mns('luzhou.brewery'), ['DEMO510504LMNJ01', 'DEMO510504LMNJ02']);
  assert.equal((await mns('luzhou.office')).length, 6);
  assert.deepEqual((await mns('jiangyang.district')).sort(), ['DEMO510502JNSN01', 'DEMO510502JNSN02', 'DEMO510502YGSJ01']);
  assert.deepEqual(await mns('ningxia.office'), []);
  assert.equal((await get('luzhou.viewer', '/api/points')).status, 403);
  assert.equal((await get('luzhou.brewery', '/api/points/DEMO510502JNSN01')).status, 404);
  const one = (await get('luzhou.cement', '/api/points/DEMO510502JNSN01')).body;
  assert.equal(one.factors[0].multiplier, 200);
  assert.equal('pw' in one, false);
});

test('register, change and delete a point; role-checked, audited, bilingual errors naming the field', async () => {
  const body = { enterprise: cementCode, mn: 'LZJNSN-T01', pw: 'secret', factors: [{ code: 'a05001', unit: '%' }, { code: 'a00000' }], intervalSeconds: 3600, quantity: 'co2_concentration' };
  assert.equal((await s.call('POST', '/api/points', { cookie: c['luzhou.cement'], body })).status, 403);
  assert.equal((await s.call('POST', '/api/points', { cookie: c['ningxia.office'], body })).status, 404);
  const bad = await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body: { ...body, mn: 'bad mn!', factors: [{ code: 'a1' }, { code: 'a1' }] } });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.issues.map((i: { field: string }) => i.field).sort(), ['factors.1.code', 'mn']);
  assert.match(bad.body.error.zh, /MN/);
  const neither = await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body: { mn: 'X1', pw: 'p', factors: [{ code: 'a1' }] } });
  assert.equal(neither.body.error.field, 'enterprise');
  const r = await s.call('POST', '/api/points', { cookie: c['jiangyang.district'], body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.factors.find((f: { code: string }) => f.code === 'a00000').unit, 'm³/s'); // the standard's unit when none is given
  assert.equal((await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body })).status, 409);
  const upd = await s.call('PATCH', '/api/points/LZJNSN-T01', { cookie: c['luzhou.office'], body: { pw: 'newpw', active: false } });
  assert.equal(upd.body.active, false);
  const audit = (await s.ctx.db.query<{ after: Record<string, unknown> }>("select after from audit_log where entity_type = 'monitoring_point' and entity_id = 'LZJNSN-T01' order by seq")).rows;
  assert.equal(audit.length, 2);
  assert.ok(!JSON.stringify(audit).includes('newpw') && !JSON.stringify(audit).includes('secret'));
  assert.equal(audit[1].after.passwordChanged, true);
  assert.equal((await s.call('DELETE', '/api/points/LZJNSN-T01', { cookie: c['luzhou.cement'] })).status, 403);
  assert.equal((await s.call('DELETE', '/api/points/LZJNSN-T01', { cookie: c['luzhou.office'] })).status, 200);
  assert.equal((await get('luzhou.office', '/api/points/LZJNSN-T01')).status, 404);
  const before = await count(s, 'monitoring_points');
  assert.equal((await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body: { ...body, organisationId: 1 } })).status, 400);
  assert.equal(await count(s, 'monitoring_points'), before);
});

test('readings from the listener: raw series, rollups, completeness (90 % rule), events', async () => {
  const mn = 'DEMO510502JNSN01';
  await s.call('PATCH', `/api/points/${mn}`, { cookie: c['luzhou.office'], body: { intervalSeconds: 3600 } });
  const client = await Hj212Client.open('127.0.0.1', L.port);
  // 2026-02-10 (CST): 22 of 24 hourly uploads → 91.7 %; 2026-02-11: 21 → 87.5 %.
  const day0 = Date.parse('2026-02-10T00:00:00+08:00');
  let n = 0;
  for (const [day, hours] of [[0, 22], [1, 21]] as const) {
    for (let h = 0; h < hours; h++) {
      // the last upload at 20:37: lastReadingAt is that instant, not the start of its hour
      const t = new Date(day0 + day * 86_400_000 + h * 3600_000 + (day === 1 && h === hours - 1 ? 37 * 60_000 : 0));
      const qn = `2026021000000${String(++n).padStart(4, '0')}`;
      const seg = encodeUpload({ cn: '2051', st: '31', pw: '123456', mn, qn, dataTime: formatHj212Time(t), readings: [{ code: 'e10001', values: { Cou: 1.5 }, flag: 'N' }, { code: 'e10002', values: { Avg: -2 } }] });
      await client.sendAndWait(seg, qn);
    }
  }
  await client.close();
  const raw = (await get('luzhou.cement', `/api/points/${mn}/readings?from=2026-02-10T00:00:00%2B08:00&to=2026-02-10T02:00:00%2B08:00&factor=e10001`)).body;
  assert.deepEqual(raw.raw.map((r: { value: number; kind: string }) => [r.kind, r.value]), [['min-Cou', 300], ['min-Cou', 300]]); // 1.5 × 200
  const day = (await get('luzhou.cement', `/api/points/${mn}/readings?from=2026-02-10T00:00:00%2B08:00&to=2026-02-12T00:00:00%2B08:00&interval=day&factor=e10001`)).body;
  assert.deepEqual(day.rollups.map((r: { bucket: string; n: number; sum: number }) => [r.bucket, r.n, r.sum]), [['2026-02-10', 22, 6600], ['2026-02-11', 21, 6300]]);
  const month = (await get('luzhou.office', `/api/points/${mn}/readings?from=2026-02-01T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00&interval=month&kind=min-Cou`)).body;
  assert.deepEqual(month.rollups.map((r: { bucket: string; n: number }) => [r.bucket, r.n]), [['2026-02-01', 43]]);
  const hour = (await get('luzhou.office', `/api/points/${mn}/readings?from=2026-02-10T00:00:00%2B08:00&to=2026-02-10T03:00:00%2B08:00&interval=hour&factor=e10002`)).body;
  assert.equal(hour.rollups.length, 3);
  assert.equal(hour.rollups[0].avg, -400);
  assert.equal((await get('luzhou.brewery', `/api/points/${mn}/readings?from=2026-02-10&to=2026-02-11`)).status, 404);
  const bad = await get('luzhou.office', `/api/points/${mn}/readings?from=2026-02-11&to=2026-02-10&interval=week`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'interval');
  const backwards = await get('luzhou.office', `/api/points/${mn}/readings?from=2026-02-11&to=2026-02-10`);
  assert.deepEqual([backwards.status, backwards.body.error.field], [400, 'to']);
  assert.match(backwards.body.error.zh, /to 须晚于 from/);

  const q = (await get('luzhou.cement', `/api/points/${mn}/quality?from=2026-02-10&to=2026-02-12`)).body;
  const e1 = q.days.filter((d: { factor: string }) => d.factor === 'e10001').map((d: { day: string; received: number; expected: number; ok: boolean }) => [d.day, d.received, d.expected, d.ok]);
  assert.deepEqual(e1, [['2026-02-10', 22, 24, true], ['2026-02-11', 21, 24, false], ['2026-02-12', 0, 24, false]]);
  assert.equal((await get('luzhou.office', `/api/points/${mn}/quality?from=2026-01-01&to=2027-06-01`)).status, 400);

  // e10002 has min 0: the negative values are stored and flagged
  const events = (await get('luzhou.cement', `/api/points/${mn}/events`)).body as Array<{ code: string }>;
  assert.ok(events.some((e) => e.code === 'below_range'));
  const pt = (await get('luzhou.cement', `/api/points/${mn}`)).body;
  assert.equal(pt.lastReadingAt, new Date(day0 + 86_400_000 + 20 * 3600_000 + 37 * 60_000).toISOString());
});
