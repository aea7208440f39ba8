import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, ADMIN_PASSWORD, type TestServer } from '../helpers/server.ts';

let s: TestServer;
before(async () => { s = await startTestServer(); });
after(() => s.close());

test('login sets an HttpOnly, SameSite session cookie; me and logout work', async () => {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  assert.equal(res.status, 200);
  const setCookie = res.headers.getSetCookie()[0];
  assert.match(setCookie, /^st_session=[A-Za-z0-9_-]{43};/);
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  const cookie = setCookie.split(';')[0];
  const me = await s.call('GET', '/api/auth/me', { cookie });
  assert.equal(me.status, 200);
  assert.equal(me.body.user.username, 'admin');
  assert.equal(me.body.user.roles[0].role, 'admin');
  assert.equal((await s.call('POST', '/api/auth/logout', { cookie })).status, 200);
  assert.equal((await s.call('GET', '/api/auth/me', { cookie })).status, 401);
});

test('the session token is stored only as a hash', async () => {
  const cookie = await s.login('luzhou.office');
  const token = cookie.split('=')[1];
  const rows = (await s.ctx.db.query<{ token_hash: string }>('select token_hash from sessions')).rows;
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
});

test('wrong password: 401 in both languages; passwords are argon2id', async () => {
  const r = await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.viewer', password: 'nope-nope-1' } });
  assert.equal(r.status, 401);
  assert.equal(r.body.error.zh, '用户名或密码错误');
  assert.equal(r.body.error.en, 'Wrong username or password');
  const hash = (await s.ctx.db.query<{ password_hash: string }>("select password_hash from users where username = 'admin'")).rows[0].password_hash;
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

test('lockout after 5 failures, even the right password is refused; admin unlocks', async () => {
  for (let i = 0; i < 5; i++) {
    assert.equal((await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.fgw', password: `wrong-${i}-password` } })).status, 401);
  }
  const locked = await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.fgw', password: 'Demo-pass-2026' } });
  assert.equal(locked.status, 423);
  assert.match(locked.body.error.zh, /锁定/);
  // 16 minutes later the lock (15 min by default) has expired
  s.clock.now = new Date(s.clock.now.getTime() + 16 * 60_000);
  assert.equal((await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.fgw', password: 'Demo-pass-2026' } })).status, 200);
  // lock again, then an admin unlocks
  for (let i = 0; i < 5; i++) await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.fgw', password: 'wrong-password-x1' } });
  const admin = await s.login('admin');
  const id = (await s.call('GET', '/api/users', { cookie: admin })).body.find((u: { username: string }) => u.username === 'luzhou.fgw').id;
  const u = await s.call('PATCH', `/api/users/${id}`, { cookie: admin, body: { unlock: true } });
  assert.equal(u.status, 200);
  assert.equal(u.body.locked, false);
  assert.equal((await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.fgw', password: 'Demo-pass-2026' } })).status, 200);
});

test('sessions expire after SESSION_HOURS (12 by default)', async () => {
  const cookie = await s.login('luzhou.viewer');
  assert.equal((await s.call('GET', '/api/auth/me', { cookie })).status, 200);
  s.clock.now = new Date(s.clock.now.getTime() + 12 * 3600_000 + 1000);
  assert.equal((await s.call('GET', '/api/auth/me', { cookie })).status, 401);
});

test('a disabled user cannot log in and loses open sessions', async () => {
  const cookie = await s.login('luzhou.brewery');
  const admin = await s.login('admin');
  const id = (await s.call('GET', '/api/users', { cookie: admin })).body.find((u: { username: string }) => u.username === 'luzhou.brewery').id;
  assert.equal((await s.call('PATCH', `/api/users/${id}`, { cookie: admin, body: { active: false } })).status, 200);
  assert.equal((await s.call('GET', '/api/auth/me', { cookie })).status, 401);
  assert.equal((await s.call('POST', '/api/auth/login', { body: { username: 'luzhou.brewery', password: 'Demo-pass-2026' } })).status, 403);
});
