import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
before(async () => { s = await startTestServer(); });
after(() => s.close());

test('an organisation change is recorded with who, when, before and after; the chain verifies', async () => {
  s.clock.now = new Date('2026-03-02T09:30:00Z');
  const office = await s.login('luzhou.office');
  const id = (await s.ctx.db.query<{ id: number }>("select id from organisations where name = '泸州市生态环境局'")).rows[0].id;
  const r = await s.call('PATCH', `/api/organisations/${id}`, { cookie: office, body: { shortName: '市生态环境局', nameEn: 'Luzhou Ecology and Environment Bureau' } });
  assert.equal(r.status, 200);
  const history = (await s.call('GET', `/api/audit?entityType=organisation&entityId=${id}`, { cookie: office })).body;
  assert.equal(history.length, 2); // the demo loader's create, then this update
  const [update, create] = history;
  assert.equal(create.action, 'create');
  assert.equal(create.actorName, 'demo-loader');
  assert.equal(update.action, 'update');
  assert.equal(update.actorName, 'luzhou.office');
  assert.equal(update.at, '2026-03-02T09:30:00.000Z');
  assert.equal(update.before.shortName, '生态环境局');
  assert.equal(update.after.shortName, '市生态环境局');
  assert.equal(update.after.nameEn, 'Luzhou Ecology and Environment Bureau');
  const admin = await s.login('admin');
  const v = await s.call('GET', '/api/audit/verify', { cookie: admin });
  assert.equal(v.body.ok, true);
  assert.ok(v.body.entries > 150);
});

test("an office does not see audit entries of another region's organisations", async () => {
  const ningxia = await s.login('ningxia.office');
  const entries = (await s.call('GET', '/api/audit?entityType=organisation&limit=500', { cookie: ningxia })).body as Array<{ after: { region?: string } }>;
  assert.ok(entries.length > 0);
  const regions = new Set(entries.map((e) => e.after.region));
  for (const r of regions) assert.ok(r?.startsWith('64'), `saw ${r}`);
});

test('a user change records no password, only that it changed', async () => {
  const admin = await s.login('admin');
  const users = (await s.call('GET', '/api/users', { cookie: admin })).body as Array<{ id: number; username: string }>;
  const id = users.find((u) => u.username === 'luzhou.viewer')!.id;
  assert.equal((await s.call('PATCH', `/api/users/${id}`, { cookie: admin, body: { password: 'Another-pass-99' } })).status, 200);
  const [entry] = (await s.call('GET', `/api/audit?entityType=user&entityId=${id}&limit=1`, { cookie: admin })).body;
  assert.equal(entry.after.passwordChanged, true);
  assert.ok(!JSON.stringify(entry).includes('Another-pass-99'));
  assert.ok(!JSON.stringify(entry).includes('argon2'));
});
