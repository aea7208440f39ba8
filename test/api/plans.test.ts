import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';
import { draftToImport } from '../../src/contracts/plan-draft.ts';

let s: TestServer;
const c: Record<string, string> = {};
let luzhou: { id: number; targets: Array<{ id: number; ref: string; indicatorCode: string; main: boolean; year: number; value: number }> };

before(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'luzhou.office', 'luzhou.fgw', 'ningxia.office', 'luzhou.cement']) c[u] = await s.login(u);
  const plans = (await s.call('GET', '/api/plans?region=510500', { cookie: c['luzhou.office'] })).body;
  luzhou = (await s.call('GET', `/api/plans/${plans[0].id}`, { cookie: c['luzhou.office'] })).body;
});
after(() => s.close());

const target = (indicator: string, year: number) => luzhou.targets.find((t) => t.indicatorCode === indicator && t.year === year && t.main)!;
const enter = (who: string, indicatorCode: string, year: number, value: number, unit: string) =>
  s.call('POST', '/api/observations', { cookie: c[who], body: { indicatorCode, regionCode: '510500', year, value, unit } });

test('the five seed plans are loaded under their regions, with actions, tasks and units', async () => {
  const all = (await s.call('GET', '/api/plans', { cookie: c['luzhou.cement'] })).body as Array<{ regionCode: string; title: string; counts: { actions: number; tasks: number } }>;
  assert.deepEqual(all.map((p) => p.regionCode).sort(), ['430600-YYJK', '500110-WSJK', '510500', '640000', 'X-CHENGYU']);
  assert.ok(all.every((p) => p.counts.actions >= 10 && p.counts.tasks >= 20), JSON.stringify(all.map((p) => p.counts)));
  const chengyu = all.find((p) => p.regionCode === 'X-CHENGYU')!;
  assert.equal(chengyu.title, '成渝地区双城经济圈碳达峰碳中和联合行动方案');
  // 泸州 plan, 主要目标 (checked against the text: “非化石能源消费比重达到31.5%左右”, “单位生产总值能源消耗下降14.5%”)
  const share = target('non_fossil_share', 2025) as unknown as { value: number; unit: string; qualifier: string };
  assert.deepEqual([share.value, share.unit, share.qualifier], [31.5, '%', 'about']);
  const ei = target('energy_intensity_reduction', 2025) as unknown as { value: number; kind: string; baselineYear: number };
  assert.deepEqual([ei.value, ei.kind, ei.baselineYear], [14.5, 'reduction', 2020]);
  const within = (await s.call('GET', '/api/plans?region=510000&within=true', { cookie: c['luzhou.office'] })).body;
  assert.deepEqual(within.map((p: { regionCode: string }) => p.regionCode), ['510500']);
});

test('observations of 2021–2024 on the 泸州 plan give the expected warnings', async () => {
  // Energy intensity (吨标准煤/万元), illustrative values. The path of “−14.5 % by 2025 vs 2020” from 0.60:
  // expected(t) = 0.60 × 0.855^((t−2020)/5): 2023 → 0.60 × 0.855^0.6 = 0.5462; 2024 → 0.60 × 0.855^0.8 = 0.5293.
  for (const [year, v] of [[2020, 0.6], [2021, 0.585], [2022, 0.57], [2023, 0.575]] as const) {
    assert.equal((await enter('luzhou.office', 'energy_intensity', year, v, '吨标准煤/万元')).status, 201);
  }
  const progress = async () => ((await s.call('GET', `/api/plans/${luzhou.id}`, { cookie: c['luzhou.office'] })).body.targets as Array<{ id: number; progress: any }>)
    .find((t) => t.id === target('energy_intensity_reduction', 2025).id)!.progress;
  // 2023 rose from 0.570 to 0.575: 不降反升 → red (一级预警)
  let p = await progress();
  assert.equal(p.year, 2023);
  assert.equal(p.level, 'red');
  assert.equal(p.levelZh, '一级预警');
  assert.ok(Math.abs(p.expected - 0.60 * 0.855 ** 0.6) < 1e-9);
  // 2024 fell to 0.53 but the path asks 0.5293: behind → yellow (二级预警)
  await enter('luzhou.office', 'energy_intensity', 2024, 0.53, '吨标准煤/万元');
  p = await progress();
  assert.equal(p.level, 'yellow');
  assert.ok(Math.abs(p.expected - 0.60 * 0.855 ** 0.8) < 1e-9);
  // corrected to 0.52, below the path → green (三级预警)
  await enter('luzhou.office', 'energy_intensity', 2024, 0.52, '吨标准煤/万元');
  assert.equal((await progress()).level, 'green');

  // Non-fossil share, linear from 28.0 % (2020) to 31.5 % (2025): 2022 expects 28 + 3.5 × 2/5 = 29.4.
  await enter('luzhou.fgw', 'non_fossil_share', 2020, 28, '%');
  await enter('luzhou.fgw', 'non_fossil_share', 2021, 28.9, '%');
  await enter('luzhou.fgw', 'non_fossil_share', 2022, 29.2, '%');
  const detail = (await s.call('GET', `/api/plans/${luzhou.id}`, { cookie: c['luzhou.office'] })).body;
  const share = detail.targets.find((t: { id: number }) => t.id === target('non_fossil_share', 2025).id).progress;
  assert.ok(Math.abs(share.expected - 29.4) < 1e-9);
  assert.equal(share.level, 'yellow'); // 29.2 < 29.4 while rising

  const series = (await s.call('GET', '/api/indicators/energy_intensity/series?region=510500', { cookie: c['luzhou.viewer'] ?? c['luzhou.office'] })).body;
  assert.deepEqual(series.observations.map((o: { year: number }) => o.year), [2020, 2021, 2022, 2023, 2024]);
  const path = series.targets.find((t: { target: { id: number } }) => t.target.id === target('energy_intensity_reduction', 2025).id).path;
  assert.equal(path[0].year, 2020);
  assert.ok(Math.abs(path[5].expected - 0.6 * 0.855) < 1e-9);
});

test('review of observations: office approves; a department may not; approved values are locked', async () => {
  const obs = (await s.call('GET', '/api/observations?region=510500&indicator=non_fossil_share', { cookie: c['luzhou.fgw'] })).body;
  const id = obs.find((o: { year: number }) => o.year === 2022).id;
  assert.equal((await s.call('PATCH', `/api/observations/${id}/review`, { cookie: c['luzhou.fgw'], body: { status: 'approved' } })).status, 403);
  const ok = await s.call('PATCH', `/api/observations/${id}/review`, { cookie: c['luzhou.office'], body: { status: 'approved' } });
  assert.equal(ok.body.status, 'approved');
  const again = await enter('luzhou.fgw', 'non_fossil_share', 2022, 30, '%');
  assert.equal(again.status, 409);
  assert.match(again.body.error.zh, /已审核通过/);
});

test('observations: wrong unit, unknown indicator, other region, enterprise — refused, nothing written', async () => {
  const n = await count(s, 'observations');
  const a = await enter('luzhou.office', 'energy_intensity', 2021, 585, '千克标准煤/万元');
  assert.equal(a.status, 400);
  assert.equal(a.body.error.field, 'unit');
  assert.equal((await enter('luzhou.office', 'no_such_indicator', 2021, 1, '%')).body.error.field, 'indicatorCode');
  assert.equal((await enter('luzhou.office', 'energy_intensity', 1800, 1, '吨标准煤/万元')).body.error.field, 'year');
  assert.equal((await enter('ningxia.office', 'forest_coverage', 2021, 45, '%')).status, 403);
  assert.equal((await enter('luzhou.cement', 'forest_coverage', 2021, 45, '%')).status, 403);
  assert.equal(await count(s, 'observations'), n);
});

test('targets: a target without a year is refused; offices edit only their own region', async () => {
  const n = await count(s, 'targets');
  const noYear = await s.call('POST', '/api/targets', { cookie: c['luzhou.office'], body: { planId: luzhou.id, indicatorName: '数据中心PUE', value: 1.5, unit: '', kind: 'cap' } });
  assert.equal(noYear.status, 400);
  assert.equal(noYear.body.error.field, 'year');
  assert.match(noYear.body.error.zh, /目标年份/);
  assert.equal(await count(s, 'targets'), n);
  const t = target('forest_coverage', 2025);
  assert.equal((await s.call('PATCH', `/api/targets/${t.id}`, { cookie: c['ningxia.office'], body: { binding: true } })).status, 403);
  assert.equal((await s.call('PATCH', `/api/targets/${t.id}`, { cookie: c['luzhou.fgw'], body: { binding: true } })).status, 403);
  const ok = await s.call('PATCH', `/api/targets/${t.id}`, { cookie: c['luzhou.office'], body: { baselineValue: 46.1 } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.reviewStatus, 'edited');
  const created = await s.call('POST', '/api/targets', { cookie: c['luzhou.office'], body: { planId: luzhou.id, indicatorCode: 'data_centre_pue', indicatorName: '数据中心PUE', year: 2025, value: 1.5, unit: '', kind: 'cap', qualifier: 'not_more_than' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.ref, 'M1');
});

test('a department updates the tasks it is named on, and only those', async () => {
  const admin = c.admin;
  const plans = (await s.call('GET', '/api/plans?region=X-CHENGYU', { cookie: admin })).body;
  const plan = (await s.call('GET', `/api/plans/${plans[0].id}`, { cookie: admin })).body;
  const task = plan.tasks.find((t: { units: Array<{ name: string; role: string }> }) => t.units.some((u) => u.name === '重庆市能源局' && u.role === 'lead'));
  assert.ok(task, 'a task led by 重庆市能源局');
  const org = task.units.find((u: { name: string }) => u.name === '重庆市能源局').organisationId;
  assert.ok(org);
  const made = await s.call('POST', '/api/users', { cookie: admin, body: { username: 'cq.energy', displayName: '重庆市能源局', password: 'Energy-pass-2026', roles: [{ role: 'department', organisationId: org }] } });
  assert.equal(made.status, 201);
  const dept = await s.login('cq.energy', 'Energy-pass-2026');
  const ok = await s.call('PATCH', `/api/tasks/${task.id}`, { cookie: dept, body: { status: 'in_progress' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.status, 'in_progress');
  const other = plan.tasks.find((t: { units: Array<{ organisationId: number | null }> }) => !t.units.some((u) => u.organisationId === org));
  assert.equal((await s.call('PATCH', `/api/tasks/${other.id}`, { cookie: dept, body: { status: 'completed' } })).status, 403);
  assert.equal((await s.call('PATCH', `/api/tasks/${task.id}`, { cookie: c['luzhou.fgw'], body: { status: 'completed' } })).status, 403);
});

test('import: parse a text, refuse an accepted target without a year, save the reviewed draft', async () => {
  const text = readFileSync(new URL('../../assets/plans/corpus/04_nanjing_jiangbei.txt', import.meta.url), 'utf8');
  assert.equal((await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.office'], body: { text: '' } })).status, 400);
  assert.equal((await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.cement'], body: { text } })).status, 403);
  const draft = (await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.office'], body: { text } })).body;
  assert.ok(draft.targets.length > 0 && draft.actions.length > 0);
  const body = draftToImport(draft, { regionCode: '510502', title: '江阳区碳达峰实施方案（导入测试）', periodStart: 2021, periodEnd: 2030, status: 'draft' }, text);
  const n = await count(s, 'plans');
  const bad = structuredClone(body);
  bad.targets[0] = { ...bad.targets[0], year: null, deferred: false, reviewStatus: 'accepted' };
  const refused = await s.call('POST', '/api/plans', { cookie: c['luzhou.office'], body: bad });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.field, 'targets.0.year');
  assert.equal((await s.call('POST', '/api/plans', { cookie: c['ningxia.office'], body })).status, 403);
  assert.equal(await count(s, 'plans'), n);
  body.targets = body.targets.map((t) => ({ ...t, reviewStatus: t.year === null ? 'rejected' as const : 'accepted' as const }));
  const saved = await s.call('POST', '/api/plans', { cookie: c['luzhou.office'], body });
  assert.equal(saved.status, 201, JSON.stringify(saved.body).slice(0, 300));
  assert.equal(saved.body.regionCode, '510502');
  assert.equal(saved.body.reviewed, true);
  assert.equal(saved.body.counts.actions, draft.actions.length);
  const src = (await s.call('GET', `/api/plans/${saved.body.id}/source`, { cookie: c['luzhou.office'] })).body;
  assert.equal(src.text, text);
});

test('import from an uploaded .docx; an unreadable file is a 400 naming the file', async () => {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>江阳区碳达峰实施方案</w:t></w:r></w:p><w:p><w:r><w:t>一、主要目标</w:t></w:r></w:p>'
    + '<w:p><w:r><w:t>到2025年，非化石能源消费比重达到32%左右。</w:t></w:r></w:p></w:body></w:document>');
  const contentBase64 = Buffer.from(await zip.generateAsync({ type: 'uint8array' })).toString('base64');
  const r = await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.office'], body: { file: { name: '江阳区方案.docx', contentBase64 } } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.title, '江阳区碳达峰实施方案');
  const t = r.body.targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'non_fossil_share');
  assert.deepEqual([t.year, t.value, t.qualifier], [2025, 32, 'about']);
  assert.match(r.body.sourceText, /^江阳区碳达峰实施方案\n一、主要目标/);
  const bad = await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.office'], body: { file: { name: '方案.pdf', contentBase64: Buffer.from('%PDF-1.7 …').toString('base64') } } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'file');
  assert.match(bad.body.error.zh, /另存为/);
  assert.equal((await s.call('POST', '/api/plans/parse', { cookie: c['luzhou.office'], body: {} })).body.error.field, 'text');
});

test('plan metadata: the office issues its plan; another office may not; a bad period is refused', async () => {
  assert.equal((await s.call('PATCH', `/api/plans/${luzhou.id}`, { cookie: c['ningxia.office'], body: { status: 'draft' } })).status, 403);
  const bad = await s.call('PATCH', `/api/plans/${luzhou.id}`, { cookie: c['luzhou.office'], body: { periodEnd: 2019 } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'periodEnd');
  const ok = await s.call('PATCH', `/api/plans/${luzhou.id}`, { cookie: c['luzhou.office'], body: { status: 'issued', issuer: '泸州市人民政府' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.issuer, '泸州市人民政府');
  const [entry] = (await s.call('GET', `/api/audit?entityType=plan&entityId=${luzhou.id}&limit=1`, { cookie: c['luzhou.office'] })).body;
  assert.equal(entry.after.issuer, '泸州市人民政府');
});
