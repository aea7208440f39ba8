import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { startTestServer, count, ADMIN_PASSWORD, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const c: Record<string, string> = {};
let cementCode: string;
let fgwId: number;
let key = '';
let key2 = '';
let key2Id = 0;

before(async () => {
  s = await startTestServer();
  for (const u of ['luzhou.office', 'jiangyang.district', 'luzhou.cement', 'luzhou.brewery', 'luzhou.viewer', 'ningxia.office']) c[u] = await s.login(u);
  cementCode = (await s.ctx.db.query<{ credit_code: string }>("select credit_code from organisations where name = '泸州江南水泥有限公司（演示）'")).rows[0].credit_code;
  fgwId = (await s.ctx.db.query<{ id: number }>("select id from organisations where name = '泸州市发展和改革委员会'")).rows[0].id;
  // The cement works' points of these tests, with the meter constant and ranges the expected values rest on.
  for (const [mn, factors] of [['BATCH-E', [{ code: 'e10001', multiplier: 200, min: 0 }]], ['BATCH-C', [{ code: 'a05001', min: 0, max: 40 }]]] as const) {
    const r = await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body: { enterprise: cementCode, mn, pw: 'pw-1', factors } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
});
after(() => s.close());

const send = (body: unknown, headers: Record<string, string> = {}) =>
  s.call('POST', '/api/ingest/readings', { raw: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json', ...headers } });
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
const rows = async (mn: string) => (await s.ctx.db.query<{ time: Date; factor: string; kind: string; value: number }>(
  'select r.time, r.factor, r.kind, r.value from readings r join monitoring_points p on p.id = r.point_id where p.mn = $1 order by r.time, r.factor, r.kind', [mn],
)).rows;

test('keys: issued once to the enterprise, its office or district; listed without the key; hash only in the table; audited', async () => {
  const body = { enterprise: cementCode, name: 'DCS 网关' };
  assert.equal((await s.call('POST', '/api/ingest/keys', { cookie: c['luzhou.viewer'], body })).status, 403);
  assert.equal((await s.call('POST', '/api/ingest/keys', { cookie: c['luzhou.brewery'], body })).status, 404); // another enterprise's: not visible
  assert.equal((await s.call('POST', '/api/ingest/keys', { cookie: c['ningxia.office'], body })).status, 404);
  const dept = await s.call('POST', '/api/ingest/keys', { cookie: c['luzhou.office'], body: { organisationId: fgwId, name: 'x' } });
  assert.deepEqual([dept.status, dept.body.error.code, dept.body.error.field], [400, 'not_an_enterprise', 'organisationId']);
  const noName = await s.call('POST', '/api/ingest/keys', { cookie: c['luzhou.cement'], body: { enterprise: cementCode } });
  assert.deepEqual([noName.status, noName.body.error.field], [400, 'name']);

  const mine = await s.call('POST', '/api/ingest/keys', { cookie: c['luzhou.cement'], body });
  assert.equal(mine.status, 201, JSON.stringify(mine.body));
  key = mine.body.key;
  assert.match(key, /^stk_[0-9a-f]{12}\.[A-Za-z0-9_-]{32}$/);
  assert.equal(mine.body.prefix, key.split('.')[0]);
  assert.equal(mine.body.createdBy, 'luzhou.cement');
  const district = await s.call('POST', '/api/ingest/keys', { cookie: c['jiangyang.district'], body: { enterprise: cementCode, name: '备用' } });
  assert.equal(district.status, 201);
  key2 = district.body.key;
  key2Id = district.body.id;

  const list = (await s.call('GET', '/api/ingest/keys', { cookie: c['luzhou.cement'] })).body as Array<Record<string, unknown>>;
  assert.deepEqual(list.map((k) => k.name).sort(), ['DCS 网关', '备用']);
  assert.ok(list.every((k) => !('key' in k) && !JSON.stringify(k).includes(key.split('.')[1])));
  assert.deepEqual((await s.call('GET', '/api/ingest/keys', { cookie: c['luzhou.brewery'] })).body, []);
  assert.equal((await s.call('GET', '/api/ingest/keys', { cookie: c['luzhou.office'] })).body.length, 2);

  const stored = (await s.ctx.db.query<{ secret_hash: string }>('select secret_hash from ingest_keys where prefix = $1', [mine.body.prefix])).rows[0];
  assert.equal(stored.secret_hash, createHash('sha256').update(key).digest('hex'));
  const audit = (await s.ctx.db.query<{ after: unknown }>("select after from audit_log where entity_type = 'ingest_key' order by seq")).rows;
  assert.equal(audit.length, 2);
  assert.ok(!JSON.stringify(audit).includes(key.split('.')[1]) && !JSON.stringify(audit).includes(stored.secret_hash));
});

test('JSON batch: stored with the meter constant, rollups updated, answered after the commit; a resend stores nothing', async () => {
  const mn = 'BATCH-E'; // e10001: multiplier 200, min 0
  const batch = { readings: [1, 2, 3].map((v, i) => ({ mn, time: `2026-03-01T10:0${i}:00+08:00`, factor: 'e10001', kind: 'min-Cou', value: v, flag: 'N' })) };
  const first = await send(batch, bearer(key));
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(first.body, { received: 3, stored: 3, duplicates: 0, skipped: 0, events: 0, warnings: [] });
  // Read at once: the answer came after the commit. 1, 2, 3 × 200.
  assert.deepEqual((await rows(mn)).map((r) => [r.time.toISOString(), r.kind, r.value]),
    [['2026-03-01T02:00:00.000Z', 'min-Cou', 200], ['2026-03-01T02:01:00.000Z', 'min-Cou', 400], ['2026-03-01T02:02:00.000Z', 'min-Cou', 600]]);
  const hourly = async () => (await s.call('GET', `/api/points/${mn}/readings?from=2026-03-01T10:00:00%2B08:00&to=2026-03-01T11:00:00%2B08:00&interval=hour&factor=e10001`, { cookie: c['luzhou.cement'] })).body.rollups;
  assert.deepEqual((await hourly()).map((r: { n: number; sum: number }) => [r.n, r.sum]), [[3, 1200]]);

  const again = await send(batch, { 'x-api-key': key });
  assert.deepEqual([again.body.stored, again.body.duplicates], [0, 3]);
  assert.equal((await rows(mn)).length, 3);
  assert.deepEqual((await hourly()).map((r: { n: number; sum: number }) => [r.n, r.sum]), [[3, 1200]]);

  // One new row among resent ones, one repeated inside the request: only the new one counts, 4 × 200 = 800.
  const more = { readings: [...batch.readings, { ...batch.readings[0], time: '2026-03-01T02:03:00Z', value: 4 }, batch.readings[1]] };
  const third = await send(more, bearer(key));
  assert.deepEqual([third.body.received, third.body.stored, third.body.duplicates], [5, 1, 4]);
  assert.deepEqual((await hourly()).map((r: { n: number; sum: number }) => [r.n, r.sum]), [[4, 2000]]);
  const daily = (await s.call('GET', `/api/points/${mn}/readings?from=2026-03-01T00:00:00%2B08:00&to=2026-03-02T00:00:00%2B08:00&interval=day&factor=e10001`, { cookie: c['luzhou.cement'] })).body.rollups;
  assert.deepEqual(daily.map((r: { bucket: string; n: number; max: number }) => [r.bucket, r.n, r.max]), [['2026-03-01', 4, 800]]);

  const used = (await s.call('GET', '/api/ingest/keys', { cookie: c['luzhou.cement'] })).body.find((k: { name: string }) => k.name === 'DCS 网关');
  assert.equal(used.lastUsedAt, s.ctx.now().toISOString());
});

test('CSV batch (BOM, CRLF, any column order, quotes, kind defaulting to rt-Rtd): oddities stored and recorded as events', async () => {
  const mn = 'BATCH-C'; // a05001: min 0, max 40
  const csv = '\uFEFFtime,mn,factor,value,flag\r\n2026-03-01T09:00:00+08:00,"BATCH-C",a05001,12.5,N\r\n\r\n2026-03-01T09:01:00+08:00,BATCH-C,a05001,45,N\r\n'
    + '2026-03-01T09:02:00+08:00,BATCH-C,a05001,-1,\r\n2026-03-01T09:02:00+08:00,BATCH-C,x99999,7,\r\n1999-12-31T23:00:00+08:00,BATCH-C,a05001,1,\r\n';
  const r = await send(csv, bearer(key2));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual([r.body.received, r.body.stored, r.body.duplicates, r.body.skipped], [5, 4, 0, 1]); // the 1999 line: before 2000, not stored
  assert.deepEqual(r.body.warnings.map((w: { code: string }) => w.code).sort(), ['above_range', 'below_range', 'time_out_of_range', 'unregistered_factor']);
  assert.equal(r.body.events, 4);
  assert.deepEqual((await rows(mn)).map((x) => [x.factor, x.kind, x.value]), [['a05001', 'rt-Rtd', 12.5], ['a05001', 'rt-Rtd', 45], ['a05001', 'rt-Rtd', -1], ['x99999', 'rt-Rtd', 7]]);
  const events = (await s.call('GET', `/api/points/${mn}/events`, { cookie: c['luzhou.cement'] })).body as Array<{ code: string; remote: string }>;
  assert.ok(events.some((e) => e.code === 'above_range' && e.remote.includes(key2.split('.')[0])));
  assert.equal((await send(csv, { ...bearer(key2), 'content-type': 'text/csv; charset=utf-8' })).body.duplicates, 4);
});

test('bad rows: 400 naming each row and field, in both languages; nothing written', async () => {
  const before = [await count(s, 'readings'), await count(s, 'monitoring_events')];
  const ok = { mn: 'BATCH-E', time: '2026-03-01T11:00:00+08:00', factor: 'e10001', value: 1 };
  const shape = await send({ readings: [ok, { ...ok, time: '2026-03-01 11:00' }, { ...ok, value: 'abc' }, { ...ok, factor: undefined }, { ...ok, kind: 'week-Avg' }] }, bearer(key));
  assert.equal(shape.status, 400);
  assert.deepEqual(shape.body.error.issues.map((i: { field: string }) => i.field), ['readings.1.time', 'readings.2.value', 'readings.3.factor', 'readings.4.kind']);
  assert.match(shape.body.error.issues[0].zh, /带时区的 ISO 8601/);

  // Another enterprise's MN, an unknown MN and an inactive point of this enterprise refuse the whole batch.
  const off = await s.call('POST', '/api/points', { cookie: c['luzhou.office'], body: { enterprise: cementCode, mn: 'JNSN-OFF', pw: 'p', factors: [{ code: 'e10001' }], active: false } });
  assert.equal(off.status, 201);
  const who = await send({ readings: [ok, { ...ok, mn: 'DEMO510504LMNJ01' }, { ...ok, mn: 'NOSUCHMN' }, { ...ok, mn: 'JNSN-OFF' }] }, bearer(key));
  assert.equal(who.status, 400);
  assert.equal(who.body.error.code, 'invalid_rows');
  assert.deepEqual(who.body.error.issues.map((i: { field: string }) => i.field), ['readings.1.mn', 'readings.2.mn', 'readings.3.mn']);
  assert.match(who.body.error.issues[0].en, /DEMO510504LMNJ01 is not a registered point of this enterprise/);
  assert.match(who.body.error.issues[2].zh, /已停用/);

  const csv = await send('mn,time,factor,kind,value,flag\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,min-Cou,1,N\nBATCH-E,yesterday,e10001,min-Cou,1,N\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,min-Cou,1\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,min-Cou,,N\n', bearer(key));
  assert.equal(csv.status, 400);
  assert.deepEqual(csv.body.error.issues.map((i: { field: string }) => i.field), ['line.4']); // a line with too few fields is found before the values
  const csv2 = await send('mn,time,factor,kind,value,flag\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,min-Cou,1,N\nBATCH-E,yesterday,e10001,min-Cou,1,N\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,min-Cou,x1,N\nDEMO510504LMNJ01,2026-03-01T11:00:00+08:00,e10001,min-Cou,1,N\n', bearer(key));
  assert.deepEqual(csv2.body.error.issues.map((i: { field: string }) => i.field), ['readings.1.time', 'readings.2.value']);
  assert.match(csv2.body.error.issues[0].zh, /CSV 第 3 行/);
  assert.match(csv2.body.error.issues[1].en, /CSV line 4/);
  const header = await send('mn,when,factor,value\nBATCH-E,2026-03-01T11:00:00+08:00,e10001,1\n', bearer(key));
  assert.deepEqual(header.body.error.issues.map((i: { field: string }) => i.field), ['header.1', 'header']); // unknown column; time missing
  const foreign = await send('mn,time,factor,value\nDEMO510504LMNJ01,2026-03-01T11:00:00+08:00,e10001,1\n', bearer(key));
  assert.deepEqual([foreign.status, foreign.body.error.issues[0].field], [400, 'readings.0.mn']);
  assert.match(foreign.body.error.issues[0].zh, /CSV 第 2 行/);

  const big = await send({ readings: Array.from({ length: 10_001 }, (_, i) => ({ ...ok, time: new Date(Date.parse('2026-02-01T00:00:00Z') + i * 60_000).toISOString() })) }, bearer(key));
  assert.deepEqual([big.status, big.body.error.field], [400, 'readings']);
  const bigCsv = await send('mn,time,factor,value\n' + 'BATCH-E,2026-03-01T11:00:00+08:00,e10001,1\n'.repeat(10_001), bearer(key));
  assert.deepEqual([bigCsv.status, bigCsv.body.error.field], [400, 'readings']);
  assert.match(bigCsv.body.error.zh, /最多 10000 行/);
  const jsonString = await send(JSON.stringify('mn,time'), { ...bearer(key), 'content-type': 'application/json' });
  assert.equal(jsonString.status, 400);
  assert.deepEqual([await count(s, 'readings'), await count(s, 'monitoring_events')], before);
});

test('no key, an unknown key, a session cookie or a revoked key: 401, nothing written; revocation is audited', async () => {
  const ok = { readings: [{ mn: 'BATCH-E', time: '2026-03-01T12:00:00+08:00', factor: 'e10001', value: 1 }] };
  const n = await count(s, 'readings');
  const none = await send(ok);
  assert.deepEqual([none.status, none.body.error.code], [401, 'invalid_api_key']);
  assert.match(none.body.error.zh, /API 密钥/);
  assert.equal((await send(ok, bearer(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A')))).status, 401);
  assert.equal((await send(ok, { cookie: c['luzhou.cement'] })).status, 401);
  assert.equal((await s.call('DELETE', `/api/ingest/keys/${key2Id}`, { cookie: c['luzhou.brewery'] })).status, 404);
  assert.equal((await send(ok, bearer(key2))).status, 200);
  const revoked = await s.call('DELETE', `/api/ingest/keys/${key2Id}`, { cookie: c['luzhou.cement'] });
  assert.equal(revoked.status, 200);
  assert.equal(revoked.body.revokedAt, s.ctx.now().toISOString());
  assert.equal((await s.call('DELETE', `/api/ingest/keys/${key2Id}`, { cookie: c['luzhou.cement'] })).status, 409);
  const after = await send({ readings: [{ ...ok.readings[0], time: '2026-03-01T12:01:00+08:00' }] }, bearer(key2));
  assert.equal(after.status, 401);
  assert.equal(await count(s, 'readings'), n + 1); // only the one sent before the revocation
  const audit = (await s.ctx.db.query<{ action: string }>("select action from audit_log where entity_type = 'ingest_key' order by seq")).rows.map((r) => r.action);
  assert.deepEqual(audit, ['create', 'create', 'revoke']);
});

test('CLI key create through a running server (SHUANGTAN_URL): the printed key uploads', async () => {
  // spawn, not spawnSync: this process serves the API the CLI calls.
  const run = (args: string[], env: Record<string, string>) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/shuangtan.mjs', ...args], { cwd: new URL('../../', import.meta.url).pathname, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
  const args = ['key', 'create', '--enterprise', cementCode, '--name', 'CLI key'];
  const noPw = await run(args, { SHUANGTAN_URL: s.url });
  assert.equal(noPw.code, 2);
  assert.match(noPw.err, /SHUANGTAN_PASSWORD/);
  const r = await run(args, { SHUANGTAN_URL: s.url, SHUANGTAN_PASSWORD: ADMIN_PASSWORD });
  assert.equal(r.code, 0, r.err);
  const printed = /^(stk_[0-9a-f]{12}\.\S+)$/m.exec(r.out)?.[1];
  assert.ok(printed, r.out);
  const up = await send({ readings: [{ mn: 'BATCH-E', time: '2026-03-01T13:00:00+08:00', factor: 'e10001', value: 1 }] }, bearer(printed));
  assert.deepEqual([up.status, up.body.stored], [200, 1]);
});
