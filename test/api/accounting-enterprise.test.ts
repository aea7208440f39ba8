import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';

/**
 * Enterprise GHG reports through the real server: an enterprise files for itself and never reads another's;
 * the office, district and verifier of its region read it; the region's bottom-up total against its inventory.
 * Demo: 示范水泥 (demo.cement) in 示范市 430000-DEMO with a submitted 2023 report; 江南水泥 (luzhou.cement) in 510502.
 */
let s: TestServer;
const c: Record<string, string> = {};
const USERS = ['admin', 'demo.office', 'demo.cement', 'luzhou.cement', 'luzhou.brewery', 'luzhou.office', 'jiangyang.district', 'sichuan.verifier', 'luzhou.viewer', 'luzhou.fgw'];
const sample = () => JSON.parse(readFileSync(new URL('../../src/core/accounting/samples/enterprise-cement-2023.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const ids: Record<string, number> = {};
let jiangnan: { id: number; creditCode: string };

before(async () => {
  s = await startTestServer();
  for (const u of USERS) c[u] = await s.login(u);
  const org = async (name: string) => (await s.ctx.db.query<{ id: number; credit_code: string }>('select id, credit_code from organisations where name = $1', [name])).rows[0];
  const j = await org('泸州江南水泥有限公司（演示）');
  jiangnan = { id: j.id, creditCode: j.credit_code };
  ids.demoCement = (await org('示范水泥有限公司（演示）')).id;
  ids.demoReport = (await s.call('GET', '/api/enterprise-reports', { cookie: c['demo.cement'] })).body[0].id;
});
after(() => s.close());

const names = async (who: string, query = '') => ((await s.call('GET', `/api/enterprise-reports${query}`, { cookie: c[who] })).body as Array<{ organisationName: string; year: number }>).map((r) => `${r.organisationName} ${r.year}`);

test('an enterprise files its own report: a draft may be replaced, a submitted report is locked', async () => {
  const body = { ...sample(), year: 2022, status: 'draft', factorSetId: 2 };
  const draft = await s.call('POST', '/api/enterprise-reports', { cookie: c['demo.cement'], body });
  assert.equal(draft.status, 201, JSON.stringify(draft.body).slice(0, 400));
  assert.deepEqual([draft.body.status, draft.body.year, draft.body.organisationName, draft.body.factorSet.id, draft.body.createdBy], ['draft', 2022, '示范水泥有限公司（演示）', 2, 'demo.cement']);
  // process CO2 is the same as in 2023 (same activity): 160 万t clinker × 0.526429 + 250 万t raw meal × 0.0036667
  close(draft.body.summary.process.value, 1.6e6 * (0.642 * 44 / 56 + 0.02 * 44 / 40) + 2.5e6 * 0.0036667);
  const submitted = await s.call('POST', '/api/enterprise-reports', { cookie: c['demo.cement'], body: { ...body, status: 'submitted' } });
  assert.deepEqual([submitted.status, submitted.body.id, submitted.body.status], [201, draft.body.id, 'submitted']);
  const locked = await s.call('POST', '/api/enterprise-reports', { cookie: c['demo.cement'], body });
  assert.deepEqual([locked.status, locked.body.error.field], [409, 'year']);
  assert.match(locked.body.error.zh, /已报送，不能修改/);
  const audit = (await s.call('GET', '/api/audit?entityType=enterprise_report&limit=10', { cookie: c['demo.cement'] })).body;
  assert.deepEqual(audit.filter((e: any) => e.entityId === String(draft.body.id)).map((e: any) => e.action).sort(), ['create', 'update']);
  assert.deepEqual(await names('demo.cement'), ['示范水泥有限公司（演示） 2023', '示范水泥有限公司（演示） 2022']);
});

test('an enterprise never reads or files another enterprise\'s report', async () => {
  const before = await count(s, 'enterprise_reports');
  assert.deepEqual(await names('luzhou.cement'), []);
  assert.deepEqual(await names('luzhou.cement', `?organisation=${ids.demoCement}`), []);
  assert.equal((await s.call('GET', `/api/enterprise-reports/${ids.demoReport}`, { cookie: c['luzhou.cement'] })).status, 404);
  const foreign = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: { ...sample(), organisationId: ids.demoCement } });
  assert.equal(foreign.status, 404, 'another enterprise is not even named');
  const wrongCode = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: sample() });
  assert.deepEqual([wrongCode.status, wrongCode.body.error.field], [400, 'enterprise.creditCode']);
  const own = sample();
  own.enterprise = { ...own.enterprise, name: '泸州江南水泥有限公司（演示）', creditCode: jiangnan.creditCode };
  const wrongRegion = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: own });
  assert.deepEqual([wrongRegion.status, wrongRegion.body.error.field], [400, 'enterprise.regionCode']);
  for (const who of ['luzhou.office', 'luzhou.viewer', 'luzhou.fgw', 'sichuan.verifier']) assert.equal((await s.call('POST', '/api/enterprise-reports', { cookie: c[who], body: own })).status, 403, who);
  const bad = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: { ...own, combustion: [{ fuel: '褐碳', amount: { value: 1, unit: 't' } }] } });
  assert.deepEqual([bad.status, bad.body.error.field], [400, 'combustion.0.fuel']);
  assert.equal(await count(s, 'enterprise_reports'), before, 'nothing stored');
  own.enterprise.regionCode = '510502';
  const ok = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: own });
  assert.equal(ok.status, 201, JSON.stringify(ok.body).slice(0, 300));
  assert.equal(ok.body.factorSet.id, 1, 'the seed set when none is named');
  ids.jiangnanReport = ok.body.id;

  assert.deepEqual(await names('demo.cement'), ['示范水泥有限公司（演示） 2023', '示范水泥有限公司（演示） 2022']);
  assert.equal((await s.call('GET', `/api/enterprise-reports/${ok.body.id}`, { cookie: c['demo.cement'] })).status, 404);
  assert.deepEqual(await names('luzhou.brewery'), []);
  assert.equal((await s.call('GET', `/api/enterprise-reports/${ok.body.id}`, { cookie: c['luzhou.brewery'] })).status, 404);
  // the office, district and verifier of the region read it; those of other regions do not
  for (const who of ['luzhou.office', 'jiangyang.district', 'sichuan.verifier']) assert.deepEqual(await names(who), ['泸州江南水泥有限公司（演示） 2023'], who);
  assert.deepEqual(await names('demo.office'), ['示范水泥有限公司（演示） 2023', '示范水泥有限公司（演示） 2022']);
  assert.deepEqual(await names('admin', '?year=2023'), ['泸州江南水泥有限公司（演示） 2023', '示范水泥有限公司（演示） 2023'].sort());
  for (const who of ['luzhou.viewer', 'luzhou.fgw']) assert.equal((await s.call('GET', '/api/enterprise-reports', { cookie: c[who] })).status, 403, who);
});

test('bottom-up: 示范水泥 against 示范市\'s 2023 inventory for the industries covered', async () => {
  const r = await s.call('GET', '/api/regions/430000-DEMO/bottom-up?year=2023', { cookie: c['demo.office'] });
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 400));
  const inv = (await s.call('GET', `/api/inventories/${r.body.inventoryId}`, { cookie: c['demo.office'] })).body;
  assert.equal(inv.year, 2023);
  assert.deepEqual(r.body.enterprises.map((e: any) => [e.name, e.recomputed]), [['示范水泥有限公司（演示）', false]]);
  const row = Object.fromEntries(r.body.rows.map((x: any) => [x.item, x]));
  // city clinker: 800 万t × [(65.0 − 0.8) % × 44/56 + (2.2 − 0.3) % × 44/40] = 4 202 628.6 t; the plant's 851 452.5 t of it
  close(row['process.cementClinker'].inventory, 8e6 * (0.642 * 44 / 56 + 0.019 * 44 / 40));
  close(row['process.cementClinker'].bottomUp, 1.6e6 * (0.642 * 44 / 56 + 0.02 * 44 / 40) + 2.5e6 * 0.0036667);
  close(row['process.cementClinker'].share, row['process.cementClinker'].bottomUp / row['process.cementClinker'].inventory);
  close(row.combustion.inventory, inv.result.co2.combustion.bySector.find((x: any) => x.sector === 'industry').figure.value);
  close(r.body.coverage.industryCombustion.value, row.combustion.share);
  assert.equal(row.indirect.inventory, null);
  for (const who of ['demo.cement', 'luzhou.office', 'luzhou.viewer']) assert.equal((await s.call('GET', '/api/regions/430000-DEMO/bottom-up?year=2023', { cookie: c[who] })).status, 403, who);
  assert.equal((await s.call('GET', '/api/regions/999999-NO/bottom-up?year=2023', { cookie: c['demo.office'] })).status, 404);
  assert.deepEqual([(await s.call('GET', '/api/regions/430000-DEMO/bottom-up', { cookie: c['demo.office'] })).status], [400]);
});

test('bottom-up without an inventory, across sub-regions, and with a report recomputed in the common factor set', async () => {
  // 2022: no inventory; the 2022 report was filed with set #2, the sum uses the default seed set (#1): recomputed
  const y22 = (await s.call('GET', '/api/regions/430000-DEMO/bottom-up?year=2022', { cookie: c['demo.office'] })).body;
  assert.deepEqual([y22.inventoryId, y22.factorSet.id, y22.enterprises.map((e: any) => e.recomputed), y22.coverage], [null, 1, [true], null]);
  assert.ok(y22.rows.every((x: any) => x.inventory === null), 'no inventory column');
  // 泸州 (510500) sums 江南水泥 of 江阳区 (510502, below it)
  const lz = (await s.call('GET', '/api/regions/510500/bottom-up?year=2023', { cookie: c['luzhou.office'] })).body;
  assert.deepEqual(lz.enterprises.map((e: any) => [e.name, e.regionCode]), [['泸州江南水泥有限公司（演示）', '510502']]);
  assert.equal((await s.call('GET', '/api/regions/510500/bottom-up?year=2023', { cookie: c['sichuan.verifier'] })).status, 200);
  assert.equal((await s.call('GET', '/api/regions/510500/bottom-up?year=2023', { cookie: c['demo.office'] })).status, 403);
});
