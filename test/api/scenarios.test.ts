import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';
import { runWorkers } from '../../src/server/scenarios/pool.ts';

let s: TestServer;
const c: Record<string, string> = {};
const sample = JSON.parse(readFileSync(new URL('../../src/core/scenarios/samples/demo-region.json', import.meta.url), 'utf8'));
const lmdiSample = JSON.parse(readFileSync(new URL('../../src/core/scenarios/samples/demo-lmdi.json', import.meta.url), 'utf8'));

before(async () => {
  s = await startTestServer();
  for (const u of ['luzhou.office', 'ningxia.office', 'luzhou.cement', 'luzhou.viewer', 'demo.office']) c[u] = await s.login(u);
});
after(() => s.close());

/** Polls a queued run until it is done or failed (no time limit: the test runner's timeout is the limit). */
async function finished(s: TestServer, cookie: string, runId: number, seen: { status: string; percent: number }[] = []) {
  for (;;) {
    const r = await s.call('GET', `/api/scenarios/runs/${runId}`, { cookie });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    seen.push({ status: r.body.status, percent: r.body.percent });
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
}

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

test('a stored run is a job with progress; it keeps its exact input and is reproducible with its seed; the CLI gives the same report', async () => {
  const [file] = (await s.call('GET', '/api/scenarios?region=510500', { cookie: c['luzhou.viewer'] })).body;
  const queued = await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['luzhou.office'], body: { draws: 500, seed: 42 } });
  assert.equal(queued.status, 202);
  assert.ok(['queued', 'running', 'done'].includes(queued.body.status));
  assert.deepEqual([queued.body.draws, queued.body.seed], [500, 42]);
  const seen: { status: string; percent: number }[] = [];
  const done = await finished(s, c['luzhou.viewer'], queued.body.id, seen);
  assert.equal(done.status, 'done', JSON.stringify(done.error));
  assert.equal(done.percent, 100);
  assert.ok(seen.every((x, i) => i === 0 || x.percent >= seen[i - 1].percent), 'progress never goes back');
  // a bad option is refused before anything is queued
  const n = await count(s, 'scenario_runs');
  const badRun = await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['luzhou.office'], body: { scenarios: ['nope'] } });
  assert.equal(badRun.status, 400);
  assert.equal(badRun.body.error.field, 'scenario');
  assert.equal(await count(s, 'scenario_runs'), n);
  // editing the file afterwards does not touch the stored run
  const edited = structuredClone(sample);
  edited.region.name = '泸州市（修改后）';
  assert.equal((await s.call('PATCH', `/api/scenarios/${file.id}`, { cookie: c['luzhou.office'], body: { input: edited } })).status, 200);
  const stored = (await s.call('GET', `/api/scenarios/${file.id}/runs/${queued.body.id}`, { cookie: c['luzhou.viewer'] })).body;
  assert.deepEqual(stored.input, sample);
  // the same input and seed through the CLI (computed in the main thread, not a worker): the same report
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
  // the chart view of the stored run: the same figures, fewer of them
  const chart = (await s.call('GET', `/api/scenarios/${file.id}/runs/${queued.body.id}?view=chart`, { cookie: c['luzhou.viewer'] })).body;
  assert.deepEqual(chart.report.comparison, stored.report.comparison);
  assert.equal(chart.report.scenarios[0].projection.energy.bySectorFuel, undefined);
  assert.deepEqual(chart.report.scenarios[0].monteCarlo.fan.co2Gross, stored.report.scenarios[0].monteCarlo.fan.co2Gross);
});

test('while a big run works in a worker thread the server still answers; runs wait their turn', async () => {
  const [file] = (await s.call('GET', '/api/scenarios?region=510500', { cookie: c['luzhou.viewer'] })).body;
  // 3 scenarios × 50 000 draws: seconds of work
  const big = (await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['luzhou.office'], body: { draws: 50_000, seed: 3 } })).body;
  const small = (await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['luzhou.office'], body: { draws: 10, seed: 3 } })).body;
  const health = await s.call('GET', '/api/health');
  assert.equal(health.status, 200);
  // the health answer came while the big run was still under way (not done), so the event loop was free
  const during = (await s.call('GET', `/api/scenarios/runs/${big.id}`, { cookie: c['luzhou.viewer'] })).body;
  assert.ok(['queued', 'running'].includes(during.status), during.status);
  // with one worker (a machine of two cores or fewer) the small run waits for the big one
  if (runWorkers() === 1) assert.equal((await s.call('GET', `/api/scenarios/runs/${small.id}`, { cookie: c['luzhou.viewer'] })).body.status, 'queued');
  // a file with a run under way cannot be deleted
  const del = await s.call('DELETE', `/api/scenarios/${file.id}`, { cookie: c['luzhou.office'] });
  assert.equal(del.status, 409);
  assert.match(del.body.error.zh, /尚未结束/);
  const seen: { status: string; percent: number }[] = [];
  const doneBig = await finished(s, c['luzhou.viewer'], big.id, seen);
  assert.equal(doneBig.status, 'done');
  assert.ok(seen.some((x) => x.status === 'running'), 'seen running');
  const doneSmall = await finished(s, c['luzhou.viewer'], small.id);
  assert.equal(doneSmall.status, 'done');
});

test('a run whose process stopped reads as failed, interrupted', async () => {
  const [file] = (await s.call('GET', '/api/scenarios?region=510500', { cookie: c['luzhou.viewer'] })).body;
  const old = new Date(s.clock.now.getTime() - 5 * 60_000);
  const id = (await s.ctx.db.query<{ id: number }>(
    `insert into scenario_runs (file_id, draws, seed, input, options, status, percent, created_at, started_at, heartbeat_at)
     values ($1, 100, 1, $2::jsonb, '{}', 'running', 40, $3, $3, $3) returning id`, [file.id, JSON.stringify(sample), old],
  )).rows[0].id;
  const r = (await s.call('GET', `/api/scenarios/runs/${id}`, { cookie: c['luzhou.viewer'] })).body;
  assert.equal(r.status, 'failed');
  assert.equal(r.error.code, 'interrupted');
  assert.match(r.error.zh, /中断/);
  assert.equal((await s.call('GET', '/api/scenarios/runs/999999', { cookie: c['luzhou.viewer'] })).status, 404);
});

test('an edit from a stale version is refused (409, bilingual); delete is the office’s, audited, and takes the runs', async () => {
  const made = (await s.call('POST', '/api/scenarios', { cookie: c['luzhou.office'], body: { regionCode: '510500', name: '泸州待删', input: sample } })).body;
  const v1 = made.updatedAt;
  s.clock.now = new Date(s.clock.now.getTime() + 1000);
  const ok = await s.call('PATCH', `/api/scenarios/${made.id}`, { cookie: c['luzhou.office'], body: { name: '泸州待删（改）', updatedAt: v1 } });
  assert.equal(ok.status, 200);
  assert.notEqual(ok.body.updatedAt, v1);
  const stale = await s.call('PATCH', `/api/scenarios/${made.id}`, { cookie: c['luzhou.office'], body: { name: '泸州待删（再改）', updatedAt: v1 } });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.field, 'updatedAt');
  assert.match(stale.body.error.zh, /luzhou\.office/);
  assert.match(stale.body.error.en, /changed by luzhou\.office/);
  assert.equal((await s.call('GET', `/api/scenarios/${made.id}`, { cookie: c['luzhou.viewer'] })).body.name, '泸州待删（改）');
  assert.equal((await s.call('PATCH', `/api/scenarios/${made.id}`, { cookie: c['luzhou.office'], body: { updatedAt: 'yesterday' } })).status, 400);

  const run = (await s.call('POST', `/api/scenarios/${made.id}/runs`, { cookie: c['luzhou.office'], body: {} })).body;
  await finished(s, c['luzhou.office'], run.id);
  assert.equal((await s.call('DELETE', `/api/scenarios/${made.id}`, { cookie: c['luzhou.viewer'] })).status, 403);
  assert.equal((await s.call('DELETE', `/api/scenarios/${made.id}`, { cookie: c['ningxia.office'] })).status, 403);
  const audits = await count(s, 'audit_log');
  const del = await s.call('DELETE', `/api/scenarios/${made.id}`, { cookie: c['luzhou.office'] });
  assert.equal(del.status, 200);
  assert.deepEqual(del.body, { id: made.id, deleted: true, runs: 1 });
  assert.equal((await s.call('GET', `/api/scenarios/${made.id}`, { cookie: c['luzhou.viewer'] })).status, 404);
  assert.equal((await s.call('GET', `/api/scenarios/runs/${run.id}`, { cookie: c['luzhou.viewer'] })).status, 404);
  const entry = (await s.ctx.db.query<{ action: string; before: { name: string; runs: number[] } }>(
    `select action, before from audit_log where entity_type = 'scenario_file' and entity_id = $1 order by seq desc limit 1`, [String(made.id)],
  )).rows[0];
  assert.equal(await count(s, 'audit_log'), audits + 1);
  assert.deepEqual([entry.action, entry.before.name, entry.before.runs], ['delete', '泸州待删（改）', [run.id]]);
  assert.equal((await s.call('DELETE', `/api/scenarios/${made.id}`, { cookie: c['luzhou.office'] })).status, 404);
});

test('preview writes nothing, runs Monte Carlo off the event loop with the same result, and has a lighter chart view; LMDI effects add up', async () => {
  const n = await count(s, 'scenario_runs');
  const p = await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, scenarios: ['policy'] } });
  assert.equal(p.status, 200);
  assert.deepEqual(p.body.scenarios.map((x: { projection: { id?: string } }) => x.projection !== undefined), [true]);
  assert.equal(await count(s, 'scenario_runs'), n);
  assert.equal((await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, draws: 50_000 } })).body.error.field, 'draws');
  const full = await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, draws: 300, seed: 5 } });
  const chart = await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: sample, draws: 300, seed: 5, view: 'chart' } });
  assert.equal(full.status, 200);
  assert.deepEqual(chart.body.comparison, full.body.comparison);
  assert.deepEqual(chart.body.scenarios[2].monteCarlo.peak, full.body.scenarios[2].monteCarlo.peak);
  assert.ok(JSON.stringify(chart.body).length < JSON.stringify(full.body).length / 2);
  const bad = structuredClone(sample);
  bad.scenarios[1].levers[0].probability = 1.5;
  const refused = await s.call('POST', '/api/scenarios/preview', { cookie: c['luzhou.viewer'], body: { input: bad, draws: 100 } });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.field, 'scenarios.1.levers.0.probability');
  assert.equal(await count(s, 'scenario_runs'), n);
  const l = await s.call('POST', '/api/lmdi', { cookie: c['luzhou.viewer'], body: { input: lmdiSample } });
  assert.equal(l.status, 200, JSON.stringify(l.body).slice(0, 300));
  for (const period of l.body.periods) {
    const sum = Object.values(period.additive.total as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - (period.co2To - period.co2From)) < 1e-6 * Math.max(1, Math.abs(period.change)), `${sum} vs ${period.change}`);
  }
});

test('a base year from the demo 2023 inventory, with the plan targets of a demo plan, run with Monte Carlo', async () => {
  const list = (await s.call('GET', '/api/inventories?region=430000-DEMO', { cookie: c['demo.office'] })).body;
  const inv = list.find((i: { year: number }) => i.year === 2023);
  const obs = (await s.call('GET', '/api/observations?region=430000-DEMO', { cookie: c['demo.office'] })).body;
  const ei2020 = obs.find((o: { indicatorCode: string; year: number }) => o.indicatorCode === 'energy_intensity' && o.year === 2020);
  assert.ok(ei2020, 'the 2020 inventory fed the 2020 energy intensity');

  // no plan yet: the sample's own targets stay (re-anchored), and the base year is the inventory's
  const r0 = await s.call('POST', '/api/scenarios/from-inventory', { cookie: c['luzhou.viewer'], body: { inventoryId: inv.id, template: sample } });
  assert.equal(r0.status, 200, JSON.stringify(r0.body).slice(0, 400));
  assert.equal(r0.body.planTargets.fromPlans, false);
  assert.equal(r0.body.input.baseYear, 2023);
  assert.equal(r0.body.input.region.code, '430000-DEMO');
  const check = Object.fromEntries(r0.body.checks.map((x: { id: string }) => [x.id, x]));
  assert.equal(check.energyTotal.equal, true);
  assert.ok(Math.abs(check.energyTotal.inventory - inv.summary.energyTotal.value / 1e4) < 1e-9); // tce → 万tce
  assert.ok(Math.abs(check.co2Gross.inventory - inv.summary.co2WithIndirect.value / 1e4) < 1e-9);
  assert.equal(check.co2Gross.equal, true);
  assert.equal(check.nonFossilShare.equal, true);
  const ei = r0.body.input.targets.find((t: { id: string }) => t.id === 'ei-2025');
  assert.deepEqual([ei.from, ei.fromValue], [2020, ei2020.value]);
  assert.equal(r0.body.lineage.find((l: { field: string }) => l.field === 'targets.ei-2025.fromValue').refs[0], `observation #${ei2020.id}`);

  // bad input: an unknown inventory, shares that do not add up, a broken template; nothing is written
  const n = await count(s, 'scenario_files');
  const missing = await s.call('POST', '/api/scenarios/from-inventory', { cookie: c['luzhou.viewer'], body: { inventoryId: 99999, template: sample } });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.field, 'inventoryId');
  const shares = await s.call('POST', '/api/scenarios/from-inventory', { cookie: c['luzhou.viewer'], body: { inventoryId: inv.id, valueAddedShare: { primary: 2 } } });
  assert.equal(shares.status, 400);
  assert.equal(shares.body.error.field, 'valueAddedShare.primary');
  const broken = await s.call('POST', '/api/scenarios/from-inventory', { cookie: c['luzhou.viewer'], body: { inventoryId: inv.id, template: { ...sample, baseYear: 'x' } } });
  assert.equal(broken.status, 400);
  assert.equal(broken.body.error.field, 'template');
  assert.equal(await count(s, 'scenario_files'), n);

  // a demo plan of 示范市: energy intensity −13.5 % and CO2 intensity −18 % by 2025 vs 2020, non-fossil 25 % in 2030,
  // coal share (not computable), forest coverage (not modelled), a deferred one; its text commits to peaking before 2030
  const t = (ref: string, indicatorCode: string | null, indicatorName: string, year: number | null, value: number | null, unit: string | null, kind: string, more = {}) => ({
    ref, indicatorCode, indicatorName, year, value, unit, qualifier: 'exact', strength: 'plain', kind, main: true, reviewStatus: 'accepted', ...more,
  });
  const plan = await s.call('POST', '/api/plans', { cookie: c['demo.office'], body: {
    regionCode: '430000-DEMO', title: '示范市碳达峰实施方案（演示）', periodStart: 2021, periodEnd: 2030, status: 'issued', issuedOn: '2023-06-01',
    sourceText: '示范市碳达峰实施方案（演示文本）。……确保2030年前实现碳达峰。', actions: [], tasks: [],
    targets: [
      t('T1', 'energy_intensity_reduction', '单位地区生产总值能源消耗降低率', 2025, 13.5, '%', 'reduction', { baselineYear: 2020 }),
      t('T2', 'carbon_intensity_reduction', '单位地区生产总值二氧化碳排放降低率', 2025, 18, '%', 'reduction', { baselineYear: 2020 }),
      t('T3', 'non_fossil_share', '非化石能源消费比重', 2030, 25, '%', 'share', { qualifier: 'about' }),
      t('T4', 'coal_share', '煤炭消费比重', 2025, 50, '%', 'share', { qualifier: 'or_less' }),
      t('T5', 'forest_coverage', '森林覆盖率', 2025, 48, '%', 'level'),
      t('T6', 'total_energy_consumption', '能源消费总量', null, null, null, 'cap', { deferred: true }),
    ],
  } });
  assert.equal(plan.status, 201, JSON.stringify(plan.body).slice(0, 300));
  const pid = plan.body.id;
  const r = await s.call('POST', '/api/scenarios/from-inventory', { cookie: c['demo.office'], body: { inventoryId: inv.id, template: sample } });
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 400));
  const pt = r.body.planTargets;
  assert.equal(pt.fromPlans, true);
  assert.deepEqual(pt.mapped.map((m: { ref: string }) => m.ref), ['T1', 'T2', 'T3']);
  assert.deepEqual(pt.skipped.map((x: { ref: string }) => x.ref), ['T4', 'T5', 'T6']);
  assert.ok(pt.skipped.every((x: { zh: string; en: string }) => x.zh && x.en));
  assert.deepEqual([pt.peak.year, pt.peak.quote], [2030, '2030年前实现碳达峰']);
  const targets = Object.fromEntries(r.body.input.targets.map((x: { id: string }) => [x.id, x]));
  assert.deepEqual(Object.keys(targets), [`plan${pid}-T1`, `plan${pid}-T2`, `plan${pid}-T3`, `plan${pid}-peak`]);
  assert.deepEqual([targets[`plan${pid}-T1`].value, targets[`plan${pid}-T1`].from, targets[`plan${pid}-T1`].fromValue], [0.135, 2020, ei2020.value]);
  const ci2020 = obs.find((o: { indicatorCode: string; year: number }) => o.indicatorCode === 'carbon_intensity' && o.year === 2020);
  assert.equal(targets[`plan${pid}-T2`].fromValue, ci2020.value);
  assert.deepEqual([targets[`plan${pid}-T3`].value, targets[`plan${pid}-T3`].op], [0.25, '>=']);
  assert.deepEqual([targets[`plan${pid}-peak`].metric, targets[`plan${pid}-peak`].value], ['peakYear', 2030]);
  const again = await s.call('POST', '/api/scenarios/plan-targets', { cookie: c['luzhou.viewer'], body: { regionCode: '430000-DEMO', input: r.body.input } });
  assert.equal(again.status, 200);
  assert.deepEqual(again.body.targets, r.body.input.targets);

  // stored and run with Monte Carlo: pass/fail and margin per scenario, and the probability of meeting each
  const file = (await s.call('POST', '/api/scenarios', { cookie: c['demo.office'], body: { regionCode: '430000-DEMO', name: '示范市 2023 基年', input: r.body.input } })).body;
  const job = (await s.call('POST', `/api/scenarios/${file.id}/runs`, { cookie: c['demo.office'], body: { draws: 2000, seed: 11 } })).body;
  assert.equal((await finished(s, c['demo.office'], job.id)).status, 'done');
  const report = (await s.call('GET', `/api/scenarios/${file.id}/runs/${job.id}`, { cookie: c['demo.office'] })).body.report;
  for (const sc of report.scenarios) {
    const p = sc.projection;
    // base year 2023 = the inventory; 2025 is index 2
    assert.ok(Math.abs(p.co2.gross[0] - inv.summary.co2WithIndirect.value / 1e4) < 1e-6);
    const t1 = p.targets.find((x: { id: string }) => x.id === `plan${pid}-T1`);
    const reduction = 1 - p.intensity.energy[2] / ei2020.value;
    assert.ok(Math.abs(t1.value - reduction) < 1e-12);
    assert.ok(Math.abs(t1.margin - (reduction - 0.135)) < 1e-12);
    assert.equal(t1.pass, t1.margin >= 0);
    const peak = p.targets.find((x: { id: string }) => x.id === `plan${pid}-peak`);
    assert.equal(peak.pass, p.peak.reached && p.peak.year <= 2030);
    const mc = sc.monteCarlo.targets.find((x: { id: string }) => x.id === `plan${pid}-peak`);
    // P(meeting "peak by 2030") is P(peak by 2030) of the same draws
    assert.equal(mc.probability, sc.monteCarlo.peak.probabilityBy['2030']);
    assert.ok(sc.monteCarlo.targets.every((x: { probability: number }) => x.probability >= 0 && x.probability <= 1));
  }
});
