import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';

/**
 * Factor library and regional inventories through the real server, on the demo: 示范市 (430000-DEMO) with its
 * 2020 and 2023 inventories computed with the seed set + the sample's local factors (set #2).
 */
let s: TestServer;
const c: Record<string, string> = {};
const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../src/core/accounting/samples/${name}`, import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
let inv2023: { id: number; result: any; summary: any };
let inv2020: { id: number; summary: any };

before(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'demo.office', 'demo.cement', 'luzhou.office', 'luzhou.fgw', 'luzhou.viewer', 'jiangyang.district']) c[u] = await s.login(u);
  const list = (await s.call('GET', '/api/inventories?region=430000-DEMO', { cookie: c['luzhou.viewer'] })).body;
  inv2023 = (await s.call('GET', `/api/inventories/${list.find((i: { year: number }) => i.year === 2023).id}`, { cookie: c['demo.office'] })).body;
  inv2020 = list.find((i: { year: number }) => i.year === 2020);
});
after(() => s.close());

const counts = async () => ({ inventories: await count(s, 'inventories'), observations: await count(s, 'observations'), audit: await count(s, 'audit_log'), sets: await count(s, 'factor_sets') });

test('the factor library: the seed and the demo version, records flattened with single-source and disputed marked', async () => {
  const sets = (await s.call('GET', '/api/factor-sets', { cookie: c['demo.cement'] })).body;
  assert.deepEqual(sets.map((x: any) => [x.id, x.name, x.version, x.recordCount, x.seed, x.parentId, x.intact]),
    [[1, 'cn-reference-seed', 1, 411, true, null, true], [2, 'cn-reference-seed', 2, 420, false, 1, true]]);
  assert.equal(sets[1].parentFingerprint, sets[0].fingerprint);
  // 华中 2023 (MEE + NBS regional series): 0.5271 kgCO2/kWh, the factor the 2023 inventory uses
  const grid = (await s.call('GET', `/api/factor-sets/1?kind=grid.co2&q=${encodeURIComponent('华中')}`, { cookie: c['luzhou.viewer'] })).body.records;
  const hz2023 = grid.find((r: any) => r.series === 'mee-nbs.regional' && r.years.from === 2023);
  assert.deepEqual([hz2023.value, hz2023.unit, hz2023.ref], [0.5271, 'kgCO2/kWh', 'grid.co2|华中|mee-nbs.regional|2023-2023@1']);
  const weak = (await s.call('GET', '/api/factor-sets/1?weak=true', { cookie: c['luzhou.viewer'] })).body.records;
  assert.ok(weak.length > 0 && weak.every((r: any) => r.mark && (r.disputed || r.status === 'single-source')), 'every weak record is marked');
  const coalCc = weak.find((r: any) => r.kind === 'fuel.carbon_content' && r.key === '原煤' && r.series === 'cn-default');
  assert.deepEqual([coalCc.value, coalCc.mark.zh], [26.37, '有争议']);
  assert.equal((await s.call('GET', '/api/factor-sets/99', { cookie: c['luzhou.viewer'] })).status, 404);
  assert.equal((await s.call('GET', '/api/factor-sets')).status, 401);
});

test('re-running a stored inventory with its set gives the same result; explain shows the calculation sheet', async () => {
  const v = (await s.call('GET', `/api/inventories/${inv2023.id}/verify`, { cookie: c['luzhou.viewer'] })).body;
  assert.deepEqual(v, { id: inv2023.id, factorSetIntact: true, identical: true, differences: [], problem: null });
  // net electricity inflow (73 − 8) 亿kWh × 华中 2023 0.5271 kgCO2/kWh = 6.5e9 × 0.5271 / 1000 = 3 426 150 tCO2
  const fig = inv2023.result.co2.indirect.electricity.co2;
  close(fig.value, 3_426_150);
  const sheet = (await s.call('GET', `/api/inventories/${inv2023.id}/explain/${encodeURIComponent(fig.lineage)}`, { cookie: c['luzhou.viewer'] })).body;
  assert.equal(sheet.figure.id, fig.lineage);
  assert.equal(sheet.nodes[0].id, fig.lineage);
  assert.deepEqual(sheet.factors.map((f: any) => [f.ref, f.value]), [['grid.co2|华中|mee-nbs.regional|2023-2023@1', 0.5271]]);
  assert.deepEqual(sheet.inputs.map((i: any) => [i.line.fuel, i.line.flow, i.line.amount.value]).sort(), [['电力', 'inflow', 73], ['电力', 'outflow', 8]]);
  assert.equal(sheet.factorSet.id, 2);
  const total = (await s.call('GET', `/api/inventories/${inv2023.id}/explain/energy.total`, { cookie: c['luzhou.viewer'] })).body;
  // 能源消费总量: every fuel's node, the balance lines it sums and the GB/T 2589 coefficients (原煤 0.7143 kgce/kg)
  assert.equal(total.nodes[0].id, 'energy.total');
  assert.ok(total.nodes.some((n: any) => n.id === 'energy.fuel.原煤'), 'the coal node is part of the sheet');
  assert.ok(total.inputs.every((i: any) => /^(energyBalance|generation|electricityImportNonFossilShare)/.test(i.path)), 'inputs are balance lines');
  assert.deepEqual(total.factors.filter((f: any) => f.kind === 'coal_equiv' && f.key === '原煤').map((f: any) => [f.value, f.unit]), [[0.7143, 'kgce/kg']]);
  assert.equal((await s.call('GET', `/api/inventories/${inv2023.id}/explain/nope`, { cookie: c['luzhou.viewer'] })).status, 404);
});

test('reduction rates against the 2020 base year, and the indicators fed as computed observations', async () => {
  const d = (await s.call('GET', `/api/inventories/${inv2023.id}?baseYear=2020`, { cookie: c['luzhou.viewer'] })).body;
  // 1 − I2023 / I2020 of tce per 万元 at 2020 prices (0.40357 / 0.44067 → 8.42 %)
  close(d.reduction.energyIntensity.value, 1 - d.summary.energyIntensity.value / inv2020.summary.energyIntensity.value);
  close(d.reduction.energyIntensity.value, 0.0841964635, 1e-8);
  const bad = await s.call('GET', `/api/inventories/${inv2023.id}?baseYear=2019`, { cookie: c['luzhou.viewer'] });
  assert.deepEqual([bad.status, bad.body.error.field], [400, 'baseYear']);
  const obs = (await s.call('GET', '/api/observations?region=430000-DEMO', { cookie: c['luzhou.viewer'] })).body.filter((o: any) => o.year === 2023);
  const by = Object.fromEntries(obs.map((o: any) => [o.indicatorCode, o]));
  // 万吨标准煤 = tce / 10⁴; % = share × 100; 万吨 (CO2) = tCO2 / 10⁴
  close(by.total_energy_consumption.value, inv2023.summary.energyTotal.value / 1e4);
  close(by.non_fossil_share.value, inv2023.summary.nonFossilShare.value * 100);
  close(by.co2_emissions.value, inv2023.summary.co2WithIndirect.value / 1e4);
  close(by.energy_intensity.value, inv2023.summary.energyTotal.value / 1918.5e4);
  close(by.carbon_intensity.value, inv2023.summary.co2Intensity.value);
  assert.deepEqual(Object.values(by).map((o: any) => [o.source, o.status]), Array(5).fill(['computed', 'submitted']));
  assert.deepEqual(Object.values(by).map((o: any) => o.unit).sort(), ['%', '万吨', '万吨标准煤', '吨二氧化碳/万元', '吨标准煤/万元'].sort());
  assert.match(by.energy_intensity.note, new RegExp(`清单 #${inv2023.id}`));
});

test('bad input is refused naming the line and the field, and nothing is stored', async () => {
  const before = await counts();
  const cases: Array<[string, (b: any) => void, string, RegExp]> = [
    ['unknown fuel', (b) => { b.energyBalance[3].fuel = '褐碳'; }, 'energyBalance.3.fuel', /能源平衡表第4行）：未知燃料“褐碳”/],
    ['negative amount', (b) => { b.energyBalance[5].amount.value = -205; }, 'energyBalance.5.amount.value', /能源平衡表第6行）：数量不能为负数/],
    ['missing unit', (b) => { delete b.generation[1].amount.unit; }, 'generation.1.amount.unit', /发电量表第2行）：缺少单位/],
    ['a year with no factor', (b) => { b.year = 2019; }, 'method.electricityFactor', /缺少2019年电力二氧化碳排放因子.*现有年份：2021、2022、2023/],
    ['an unknown factor set', (b) => { b.factorSetId = 99; }, 'factorSetId', /因子集 #99 不存在/],
  ];
  for (const [what, change, field, zh] of cases) {
    for (const path of ['/api/inventories/compute', '/api/inventories']) {
      const body = { ...sample('demo-region-2023.json'), factorSetId: 2 };
      change(body);
      const r = await s.call('POST', path, { cookie: c['demo.office'], body });
      assert.equal(r.status, 400, `${what} ${path}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, field, what);
      assert.match(r.body.error.zh, zh, what);
      assert.ok(r.body.error.en.length > 0, 'an English message too');
    }
  }
  assert.equal((await s.call('POST', '/api/inventories/compute', { cookie: c['demo.office'], body: { energyBalance: [] } })).status, 400);
  assert.deepEqual(await counts(), before);
});

test('compute writes nothing; storing is for the office or district of the region, audited, once per input and set', async () => {
  const body = { ...sample('demo-region-2023.json'), factorSetId: 2 };
  const before = await counts();
  const computed = await s.call('POST', '/api/inventories/compute', { cookie: c['luzhou.fgw'], body });
  assert.equal(computed.status, 200);
  assert.deepEqual(computed.body.result, inv2023.result, 'the same input and set give the same result as the stored one');
  assert.deepEqual(await counts(), before);
  for (const who of ['luzhou.office', 'jiangyang.district']) assert.equal((await s.call('POST', '/api/inventories', { cookie: c[who], body })).status, 403, who);
  for (const who of ['luzhou.fgw', 'demo.cement', 'luzhou.viewer']) assert.equal((await s.call('POST', '/api/inventories', { cookie: c[who], body })).status, 403, who);
  const dup = await s.call('POST', '/api/inventories', { cookie: c['demo.office'], body });
  assert.deepEqual([dup.status, dup.body.error.code], [409, 'conflict']);
  assert.deepEqual(await counts(), before);
});

test('a new factor-set version leaves the old set and the results computed with it unchanged', async () => {
  const local = {
    name: 'demo-city-2024', description: '测试：华中 2023 年电力因子的本地更正（虚构）',
    factors: [{ kind: 'grid.co2', key: '华中', series: 'mee-nbs.regional', value: 0.5, unit: 'kgCO2/kWh', years: 2023, sources: ['测试数据（虚构）'] }],
  };
  for (const who of ['luzhou.fgw', 'demo.cement', 'luzhou.viewer', 'jiangyang.district']) {
    assert.equal((await s.call('POST', '/api/factor-sets/2/versions', { cookie: c[who], body: local })).status, 403, who);
  }
  const empty = await s.call('POST', '/api/factor-sets/2/versions', { cookie: c['demo.office'], body: { factors: [] } });
  assert.deepEqual([empty.status, empty.body.error.field], [400, 'factors']);
  const badKind = await s.call('POST', '/api/factor-sets/2/versions', { cookie: c['demo.office'], body: { factors: [{ ...local.factors[0], kind: 'grid.nope' }] } });
  assert.deepEqual([badKind.status, badKind.body.error.field], [400, 'factors.0.kind']);
  const before = (await s.call('GET', '/api/factor-sets/2', { cookie: c['demo.office'] })).body;
  const created = await s.call('POST', '/api/factor-sets/2/versions', { cookie: c['demo.office'], body: local });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual([created.body.name, created.body.version, created.body.parentId, created.body.recordCount], ['demo-city-2024', 3, 2, 421]);
  // the slot 华中 2023 now has version 2 in set #3; version 1 stays in it, and set #2 is as it was
  const rec = (await s.call('GET', `/api/factor-sets/${created.body.id}?kind=grid.co2&q=${encodeURIComponent('华中')}`, { cookie: c['demo.office'] })).body.records.filter((r: any) => r.years.from === 2023);
  assert.deepEqual(rec.map((r: any) => [r.version, r.value, r.head]), [[1, 0.5271, false], [2, 0.5, true]]);
  assert.deepEqual([rec[1].status, rec[1].supersedes], ['local', rec[0].ref]);
  const after = (await s.call('GET', '/api/factor-sets/2', { cookie: c['demo.office'] })).body;
  assert.deepEqual(after, before);
  const again = await s.call('POST', '/api/factor-sets/2/versions', { cookie: c['demo.office'], body: local });
  assert.equal(again.status, 409, 'the same content is not stored twice');
  // with the new set the indirect emissions use 0.5: 6.5e9 kWh × 0.5 / 1000 = 3 250 000 tCO2 …
  const newer = (await s.call('POST', '/api/inventories/compute', { cookie: c['demo.office'], body: { ...sample('demo-region-2023.json'), factorSetId: created.body.id } })).body;
  close(newer.result.co2.indirect.electricity.co2.value, 3_250_000);
  assert.deepEqual(newer.factorSet, { id: created.body.id, name: 'demo-city-2024', version: 3, fingerprint: created.body.fingerprint });
  // … while the stored inventory still reads, and recomputes to, 3 426 150
  const stored = (await s.call('GET', `/api/inventories/${inv2023.id}`, { cookie: c['demo.office'] })).body;
  close(stored.result.co2.indirect.electricity.co2.value, 3_426_150);
  assert.equal((await s.call('GET', `/api/inventories/${inv2023.id}/verify`, { cookie: c['demo.office'] })).body.identical, true);
  const audit = (await s.call('GET', `/api/audit?entityType=factor_set&limit=5`, { cookie: c.admin })).body;
  assert.ok(audit.some((e: any) => e.entityId === String(created.body.id) && e.actorName === 'demo.office'), 'the new version is audited');
});

test('storing feeds the indicators: computed values replace computed ones, never approved or hand-entered ones', async () => {
  const obs = (await s.call('GET', '/api/observations?region=430000-DEMO&indicator=energy_intensity', { cookie: c['demo.office'] })).body.find((o: any) => o.year === 2023);
  assert.equal((await s.call('PATCH', `/api/observations/${obs.id}/review`, { cookie: c['demo.office'], body: { status: 'approved' } })).status, 200);
  const hand = await s.call('POST', '/api/observations', { cookie: c['demo.office'], body: { indicatorCode: 'non_fossil_share', regionCode: '430000-DEMO', year: 2023, value: 11.5, unit: '%', status: 'submitted' } });
  assert.equal(hand.status, 201);
  const set3 = (await s.call('GET', '/api/factor-sets', { cookie: c['demo.office'] })).body.find((x: any) => x.version === 3).id;
  const before = await count(s, 'inventories');
  const r = await s.call('POST', '/api/inventories', { cookie: c['demo.office'], body: { ...sample('demo-region-2023.json'), factorSetId: set3 } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(await count(s, 'inventories'), before + 1);
  assert.deepEqual([r.body.factorSet.id, r.body.regionCode, r.body.year, r.body.createdBy], [set3, '430000-DEMO', 2023, 'demo.office']);
  const fed = Object.fromEntries(r.body.fed.map((f: any) => [f.indicatorCode, f]));
  assert.equal(fed.energy_intensity.written, false);
  assert.match(fed.energy_intensity.reason.zh, /已审核通过/);
  assert.equal(fed.non_fossil_share.written, false);
  assert.match(fed.non_fossil_share.reason.zh, /人工填报/);
  assert.equal(fed.co2_emissions.written, true);
  const co2 = (await s.call('GET', '/api/observations?region=430000-DEMO&indicator=co2_emissions', { cookie: c['demo.office'] })).body.find((o: any) => o.year === 2023);
  close(co2.value, r.body.summary.co2WithIndirect.value / 1e4);
  assert.match(co2.note, new RegExp(`清单 #${r.body.id} 计算（因子集 demo-city-2024 v3`));
  const audit = (await s.call('GET', `/api/audit?entityType=inventory&limit=10`, { cookie: c['demo.office'] })).body;
  assert.ok(audit.some((e: any) => e.entityId === String(r.body.id) && e.after.inputHash === r.body.inputHash), 'the stored inventory is audited');
});

test('a stored set changed behind the platform\'s back is detected and refused', async () => {
  await s.ctx.db.query(`update factor_sets set content = jsonb_set(content, '{records,5,value}', '1.5'::jsonb) where id = 2`);
  const list = (await s.call('GET', '/api/factor-sets', { cookie: c['demo.office'] })).body;
  assert.deepEqual(list.map((x: any) => x.intact), [true, false, true]);
  const get = await s.call('GET', '/api/factor-sets/2', { cookie: c['demo.office'] });
  assert.deepEqual([get.status, get.body.error.code], [409, 'factor_set_tampered']);
  assert.match(get.body.error.zh, /因子集 #2（cn-reference-seed v2）的存储内容与其指纹不符/);
  const compute = await s.call('POST', '/api/inventories/compute', { cookie: c['demo.office'], body: { ...sample('demo-region-2023.json'), factorSetId: 2 } });
  assert.deepEqual([compute.status, compute.body.error.field], [409, 'factorSetId']);
  const v = (await s.call('GET', `/api/inventories/${inv2023.id}/verify`, { cookie: c['demo.office'] })).body;
  assert.deepEqual([v.factorSetIntact, v.identical], [false, false]);
  assert.equal((await s.call('GET', `/api/inventories/${inv2023.id}/explain/energy.total`, { cookie: c['demo.office'] })).status, 409);
});
