import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const c: Record<string, string> = {};
const sample = JSON.parse(readFileSync(new URL('../../src/core/scenarios/samples/demo-region.json', import.meta.url), 'utf8'));
const lmdiSample = JSON.parse(readFileSync(new URL('../../src/core/scenarios/samples/demo-lmdi.json', import.meta.url), 'utf8'));

before(async () => {
  s = await startTestServer();
  for (const u of ['luzhou.office', 'ningxia.office', 'luzhou.cement', 'luzhou.viewer']) c[u] = await s.login(u);
});
after(() => s.close());

test('an office stores a scenario file for its region; others may not; invalid files are refused naming the field', async () => {
  const n = await count(s, 'scenario_files');
  assert.equal((await s.call('POST', '/api/scenarios', { cookie: c['ningxia.office'], body: { regionCode: '510500', name: '泸州基准', input: sample } })).status, 403);
  assert.equal((await s.call('POST', '/api/scenarios', { cookie: c['luzhou.cement'], body: { regionCode: '510500', name: '泸州基准', input: sample } })).status, 403);
  const bad = structuredClone(sample);
  bad.base.gdp = -5;
  const r = await s.call('POST', '/api/scenarios', { cookie: c['luzhou.office'], body: { regionCode: '510500', name: '泸州基准', input: bad } });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.field, 'base.gdp');
  assert.match(r.body.error.zh, /应大于 0/);
  assert.equal(await count(s, 'scenario_files'), n);
  const ok = await s.call('POST', '/api/scenarios', { cookie: c['luzhou.office'], body: { regionCode: '510500', name: '泸州基准', input: sample } });
  assert.equal(ok.status, 201);
  assert.equal((await s.call('POST', '/api/scenarios', { cookie: c['luzhou.office'], body: { regionCode: '510500', name: '泸州基准', input: sample } })).status, 409);
});

test('a stored run keeps its exact input and is reproducible with its seed; the CLI gives the same report', async () => {
  const [file] = (await s.call('GET', '/api/scenarios?region=510500', { cookie: c['luzhou.viewer'] })).body;
  const run1 = await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['luzhou.office'], body: { draws: 500, seed: 42 } });
  assert.equal(run1.status, 201);
  assert.equal(run1.body.draws, 500);
  // editing the file afterwards does not touch the stored run
  const edited = structuredClone(sample);
  edited.region.name = '泸州市（修改后）';
  assert.equal((await s.call('PATCH', `/api/scenarios/${file.id}`, { cookie: c['luzhou.office'], body: { input: edited } })).status, 200);
  const stored = (await s.call('GET', `/api/scenarios/${file.id}/runs/${run1.body.id}`, { cookie: c['luzhou.viewer'] })).body;
  assert.deepEqual(stored.input, sample);
  // the same input and seed through the CLI: the same report
  const tmp = `/tmp/st-scenario-${process.pid}.json`;
  spawnSync('sh', ['-c', `cat > ${tmp}`], { input: JSON.stringify(sample) });
  const cli = spawnSync(process.execPath, ['bin/shuangtan.mjs', 'scenario', 'run', tmp, '--json', '--draws', '500', '--seed', '42'], {
    cwd: new URL('../../', import.meta.url).pathname, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), stored.report);
  const bad = spawnSync(process.execPath, ['bin/shuangtan.mjs', 'scenario', 'run', tmp, '--draws', 'many'], { cwd: new URL('../../', import.meta.url).pathname, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--draws/);
});

test('preview writes nothing; LMDI effects add up to the change', async () => {
  const n = await count(s, 'scenario_runs');
  const p = await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, scenarios: ['policy'] } });
  assert.equal(p.status, 200);
  assert.deepEqual(p.body.scenarios.map((x: { projection: { id?: string } }) => x.projection !== undefined), [true]);
  assert.equal(await count(s, 'scenario_runs'), n);
  assert.equal((await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, draws: 50_000 } })).body.error.field, 'draws');
  const l = await s.call('POST', '/api/lmdi', { cookie: c['luzhou.viewer'], body: { input: lmdiSample } });
  assert.equal(l.status, 200, JSON.stringify(l.body).slice(0, 300));
  for (const period of l.body.periods) {
    const sum = Object.values(period.additive.total as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - (period.co2To - period.co2From)) < 1e-6 * Math.max(1, Math.abs(period.change)), `${sum} vs ${period.change}`);
  }
});
