import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { exited, startServeProcess } from '../helpers/serve-process.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'st-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SHUANGTAN_ADMIN_PASSWORD: 'Admin-pass-2026', SHUANGTAN_DEMO_PASSWORD: 'Demo-pass-2026', LOG_LEVEL: 'warn' };
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/shuangtan.mjs', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });

const startServer = () => startServeProcess(env);

after(() => rmSync(dataDir, { recursive: true, force: true }));

test('serve, a second process refused, kill -9 loses nothing, CLI user add and audit verify', async () => {
  const first = await startServer();
  assert.match(first.output(), /demo regions and users loaded/);
  assert.doesNotMatch(first.output(), /Admin-pass-2026/, 'a password from the environment is not echoed');

  // A second process on the same embedded data directory refuses with a clear message.
  const second = cli('migrate');
  assert.equal(second.status, 2);
  assert.match(second.stderr, /另一个 Shuangtan 进程/);
  assert.match(second.stderr, /another Shuangtan process/);

  // Write through the API, then kill -9 the server.
  const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Admin-pass-2026' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const created = await fetch(`${first.url}/api/organisations`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ regionCode: '510500', kind: 'department', name: '泸州市重启测试局' }),
  });
  assert.equal(created.status, 201);
  first.child.kill('SIGKILL');
  await exited(first.child);

  // Restart on the same directory: the stale lock is taken over and the write is there.
  const again = await startServer();
  assert.doesNotMatch(again.output(), /demo regions and users loaded/, 'demo is loaded only once');
  const login2 = await fetch(`${again.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Admin-pass-2026' }) });
  const cookie2 = login2.headers.getSetCookie()[0].split(';')[0];
  const list = await (await fetch(`${again.url}/api/organisations?q=${encodeURIComponent('重启测试')}`, { headers: { cookie: cookie2 } })).json();
  assert.deepEqual(list.map((o: { name: string }) => o.name), ['泸州市重启测试局']);
  again.child.kill('SIGTERM');
  await exited(again.child);

  // With the server stopped, the CLI works on the same data.
  const bad = cli('user', 'add', '--username', 'x', '--password', 'short');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /用户名应为3–32位/);
  const add = cli('user', 'add', '--username', 'luzhou.stats', '--name', '泸州市统计局用户', '--password', 'Stats-pass-2026', '--role', 'viewer', '--region', '510500');
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /created user luzhou\.stats .*viewer@510500/);
  const verify = cli('audit', 'verify');
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /audit log intact: \d+ entries/);
});
