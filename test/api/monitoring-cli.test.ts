import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { exited, startServeProcess } from '../helpers/serve-process.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hj212Client } from '../../src/ingest/client.ts';
import { encodeUpload, formatHj212Time } from '../../src/core/hj212/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'st-mon-'));
const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SHUANGTAN_ADMIN_PASSWORD: 'Admin-pass-2026', SHUANGTAN_DEMO_PASSWORD: 'Demo-pass-2026', LOG_LEVEL: 'warn', SHUANGTAN_URL: undefined };
const cli = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, ['bin/shuangtan.mjs', ...args], { cwd: root, env: { ...env, ...extra }, encoding: 'utf8', timeout: 90_000 });

const startServer = () => startServeProcess(env);

after(() => rmSync(dataDir, { recursive: true, force: true }));

test('point add (refused on a held database, through the API with credentials), kill -9 loses no acknowledged reading, simulate', async () => {
  const first = await startServer();
  const credit = async () => {
    const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Admin-pass-2026' }) });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const orgs = await (await fetch(`${first.url}/api/organisations`, { headers: { cookie } })).json() as Array<{ name: string; creditCode: string }>;
    return orgs.find((o) => o.name === '泸州江南水泥有限公司（演示）')!.creditCode;
  };
  const code = await credit();
  const args = ['point', 'add', '--enterprise', code, '--mn', 'CLI0001', '--pw', 'pw-1', '--factors', 'e10001,a05001'];
  const refused = cli(args);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /SHUANGTAN_URL/);
  const noPw = cli(args, { SHUANGTAN_URL: first.url });
  assert.equal(noPw.status, 2);
  assert.match(noPw.stderr, /SHUANGTAN_PASSWORD/);
  const bad = cli([...args.slice(0, -1), 'a05001,a05001'], { SHUANGTAN_URL: first.url, SHUANGTAN_PASSWORD: 'Admin-pass-2026' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /factors\.1\.code/);
  const ok = cli(args, { SHUANGTAN_URL: first.url, SHUANGTAN_PASSWORD: 'Admin-pass-2026' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /registered point CLI0001/);

  // Upload until the server is killed; remember what was acknowledged.
  const client = await Hj212Client.open('127.0.0.1', first.hj212!);
  const acked: string[] = [];
  const t0 = Date.parse('2026-01-05T00:00:00Z');
  const sending = (async () => {
    for (let i = 0; i < 100_000; i++) {
      const qn = `20260105${String(i).padStart(9, '0')}`;
      const dataTime = formatHj212Time(new Date(t0 + i * 60_000));
      try {
        await client.sendAndWait(encodeUpload({ cn: '2051', st: '31', pw: 'pw-1', mn: 'CLI0001', qn, dataTime, readings: [{ code: 'e10001', values: { Cou: i } }] }), qn, 5000);
        acked.push(new Date(t0 + i * 60_000).toISOString());
      } catch {
        return;
      }
    }
  })();
  while (acked.length < 30) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await exited(first.child);
  await sending;

  const again = await startServer();
  const login = await fetch(`${again.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Admin-pass-2026' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const series = await (await fetch(`${again.url}/api/points/CLI0001/readings?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`, { headers: { cookie } })).json() as { raw: Array<{ time: string }> };
  const stored = new Set(series.raw.map((r) => r.time));
  assert.deepEqual(acked.filter((t) => !stored.has(t)), [], `${acked.length} acknowledged`);

  const sim = cli(['simulate', '--port', String(again.hj212), '--mn', 'CLI0001', '--pw', 'pw-1', '--factors', 'e10001,a05001', '--devices', '2', '--interval', '0.05', '--duration', '2', '--faults', '--seed', '3']);
  assert.equal(sim.status, 0, sim.stderr + sim.stdout);
  const result = JSON.parse(sim.stdout.slice(sim.stdout.indexOf('{')));
  assert.ok(result.acked > 5 && result.failedDevices === 0, sim.stdout);
  const wrongPort = cli(['simulate', '--port', '1', '--duration', '1']);
  assert.equal(wrongPort.status, 2);
  assert.match(wrongPort.stderr, /无法连接/);
  again.child.kill('SIGTERM');
  await exited(again.child);
});
