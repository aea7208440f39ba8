import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let admin: string;
before(async () => {
  s = await startTestServer();
  admin = await s.login('admin');
});
after(() => s.close());

/** Asserts the one error shape, in both languages, naming the field, and that nothing was written. */
async function refused(req: Promise<{ status: number; body: any }>, status: number, field?: string) {
  const before = { orgs: await count(s, 'organisations'), users: await count(s, 'users'), audit: await count(s, 'audit_log'), regions: await count(s, 'regions') };
  const r = await req;
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(typeof r.body.error.code, 'string');
  assert.ok(r.body.error.zh && r.body.error.en, 'message in both languages');
  assert.match(r.body.error.zh, /[\u4e00-\u9fff]/, 'zh message is Chinese');
  if (field) {
    assert.equal(r.body.error.field, field);
    assert.ok(r.body.error.issues.some((i: { field?: string }) => i.field === field));
  }
  const after = { orgs: await count(s, 'organisations'), users: await count(s, 'users'), audit: await count(s, 'audit_log'), regions: await count(s, 'regions') };
  assert.deepEqual(after, before, 'nothing written');
  return r.body.error;
}

const enterprise = { regionCode: '510502', kind: 'enterprise', name: '泸州测试建材有限公司', industryCode: 'C3011' };

test('an invalid credit code is refused naming the field, in Chinese and English', async () => {
  const e = await refused(s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, creditCode: '91350100M000100Y44' } }), 400, 'creditCode');
  assert.match(e.zh, /校验码错误/);
  assert.match(e.en, /check character/);
});

test('an enterprise without a credit code, a bad industry code, an unknown region', async () => {
  await refused(s.call('POST', '/api/organisations', { cookie: admin, body: enterprise }), 400, 'creditCode');
  await refused(s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, creditCode: '91350100M000100Y43', industryCode: 'D3011' } }), 400, 'industryCode');
  const e = await refused(s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, regionCode: '519999', creditCode: '91350100M000100Y43' } }), 400, 'regionCode');
  assert.match(e.en, /unknown region code "519999"/);
});

test('a duplicate credit code or user is a 409 and writes nothing', async () => {
  const ok = await s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, creditCode: '91350100M000100Y43' } });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.industryCode, 'C3011');
  await refused(s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, name: '另一家公司', creditCode: '91350100m000100y43' } }), 409, 'creditCode');
  await refused(s.call('POST', '/api/users', { cookie: admin, body: { username: 'luzhou.office', displayName: 'x', password: 'Abcdefgh12345' } }), 409, 'username');
});

test('malformed requests: bad JSON, wrong content type, wrong types, unknown route', async () => {
  await refused(s.call('POST', '/api/organisations', { cookie: admin, raw: '{"regionCode": ', headers: { 'content-type': 'application/json' } }), 400);
  await refused(s.call('POST', '/api/organisations', { cookie: admin, raw: 'regionCode=510502', headers: { 'content-type': 'text/plain' } }), 415);
  const e = await refused(s.call('POST', '/api/organisations', { cookie: admin, body: { ...enterprise, name: 42, keyEmitter: 'yes' } }), 400, 'name');
  assert.equal(e.issues.length, 2);
  assert.ok(e.issues.some((i: { field: string; zh: string }) => i.field === 'keyEmitter' && /期望/.test(i.zh)));
  await refused(s.call('GET', '/api/organisations/abc', { cookie: admin }), 400, 'id');
  await refused(s.call('GET', '/api/nothing-here', { cookie: admin }), 404);
});

test('users: weak password, bad username, role without its scope, unknown region in a grant', async () => {
  await refused(s.call('POST', '/api/users', { cookie: admin, body: { username: 'new.user', displayName: '新用户', password: 'short1' } }), 400, 'password');
  await refused(s.call('POST', '/api/users', { cookie: admin, body: { username: 'Bad Name', displayName: 'x', password: 'Abcdefgh12345' } }), 400, 'username');
  await refused(s.call('POST', '/api/users', { cookie: admin, body: { username: 'new.user', displayName: 'x', password: 'Abcdefgh12345', roles: [{ role: 'office' }] } }), 400, 'roles.0');
  await refused(s.call('POST', '/api/users', { cookie: admin, body: { username: 'new.user', displayName: 'x', password: 'Abcdefgh12345', roles: [{ role: 'office', regionCode: '999999' }] } }), 400, 'roles.0.regionCode');
  const ok = await s.call('POST', '/api/users', { cookie: admin, body: { username: 'new.user', displayName: '新用户', password: 'Abcdefgh12345', roles: [{ role: 'office', regionCode: '510500' }] } });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.roles[0].regionName, '泸州市');
});

test('a region with an invalid code or unknown parent is refused', async () => {
  await refused(s.call('POST', '/api/regions', { cookie: admin, body: { code: '5105', name: 'x', nameEn: 'x', level: 'city' } }), 400, 'code');
  await refused(s.call('POST', '/api/regions', { cookie: admin, body: { code: '510500-NEW', name: 'x', nameEn: 'x', level: 'zone', parentCode: '510599' } }), 400, 'parentCode');
  await refused(s.call('POST', '/api/regions', { cookie: admin, body: { code: '510500', name: 'x', nameEn: 'x', level: 'city' } }), 409, 'code');
});
