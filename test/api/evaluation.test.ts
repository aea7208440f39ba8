// The annual evaluation (年度评估) through the real server: JSON figures equal the plan page's, the workbook's
// cells equal the JSON, consistency of a district plan with the city's. Expected values are worked by hand:
// energy intensity path “−14.5 % by 2025 vs 2020” from 0.60: expected(t) = 0.60 × 0.855^((t−2020)/5), so
// 2022 → 0.5636, 2024 → 0.5293, 2025 → 0.513; shares and levels are linear from the 2020 value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { Evaluation } from '../../src/server/evaluation/schema.ts';

let s: TestServer;
const c: Record<string, string> = {};
let plan: { id: number; counts: { targets: number }; targets: Array<{ id: number; ref: string; indicatorCode: string | null; year: number; main: boolean; progress: any }>; tasks: Array<{ overdue: boolean }> };

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
const target = (code: string, year: number) => plan.targets.find((t) => t.indicatorCode === code && t.year === year && t.main)!;
const enter = (code: string, year: number, value: number, unit: string) =>
  s.call('POST', '/api/observations', { cookie: c['luzhou.office'], body: { indicatorCode: code, regionCode: '510500', year, value, unit } });
const evaluation = async (id: number, year: number | string) => s.call('GET', `/api/plans/${id}/evaluation?year=${year}`, { cookie: c['luzhou.office'] });

before(async () => {
  s = await startTestServer();
  for (const u of ['luzhou.office', 'luzhou.viewer']) c[u] = await s.login(u);
  const id = (await s.call('GET', '/api/plans?region=510500', { cookie: c['luzhou.office'] })).body[0].id;
  const obs: Array<[string, string, Array<[number, number]>]> = [
    ['energy_intensity', '吨标准煤/万元', [[2020, 0.6], [2021, 0.585], [2022, 0.57], [2023, 0.575], [2024, 0.53]]],
    ['non_fossil_share', '%', [[2020, 28], [2021, 28.9], [2022, 29.2], [2023, 29.9], [2024, 30.9]]],
    ['forest_coverage', '%', [[2020, 45.8], [2023, 46.2], [2024, 46.1]]],
    ['coal_consumption', '万吨', [[2024, 600]]],
  ];
  for (const [code, unit, values] of obs) for (const [year, v] of values) assert.equal((await enter(code, year, v, unit)).status, 201);
  plan = (await s.call('GET', `/api/plans/${id}`, { cookie: c['luzhou.office'] })).body;
});
after(() => s.close());

test('2024 evaluation: expected, observed and warning equal the plan page’s, and match the hand-worked paths', async () => {
  const r = await evaluation(plan.id, 2024);
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
  const e = r.body;
  assert.deepEqual(Evaluation.safeParse(e).error?.issues, undefined); // the documented response schema
  assert.equal(e.year, 2024);
  assert.equal(e.plan.title, '泸州市碳达峰实施方案');
  assert.equal(e.targets.length, plan.counts.targets); // the non-rejected targets
  const withProgress = plan.targets.filter((t) => t.progress);
  assert.ok(withProgress.length >= 7);
  for (const t of withProgress) {
    const ev = e.targets.find((x: { id: number }) => x.id === t.id);
    assert.deepEqual(ev.progress, t.progress, t.ref);
    assert.equal(ev.expected, t.progress.expected, t.ref); // all observations are ≤ 2024: the plan page's year
    assert.equal(ev.observed.value, t.progress.observed, t.ref);
  }
  const ev = (code: string, year: number) => e.targets.find((x: { id: number }) => x.id === target(code, year).id);
  // 0.53 against 0.5293: behind the path but falling ⇒ 黄 二级预警
  const ei = ev('energy_intensity_reduction', 2025);
  close(ei.expected, 0.6 * 0.855 ** 0.8);
  assert.deepEqual([ei.observed, ei.progress.level, ei.progress.levelZh, ei.baselineValue, ei.valueUnit, ei.targetZh],
    [{ year: 2024, value: 0.53, status: 'submitted' }, 'yellow', '二级预警', 0.6, '吨标准煤/万元', '下降14.5%']);
  // 非化石 28 → 31.5 (2025): 2024 expects 28 + 3.5 × 4/5 = 30.8; 30.9 ⇒ 绿. To 33.5 (2030): 28 + 5.5 × 4/10 = 30.2 ⇒ 绿
  close(ev('non_fossil_share', 2025).expected, 30.8);
  assert.equal(ev('non_fossil_share', 2025).progress.level, 'green');
  close(ev('non_fossil_share', 2030).expected, 30.2);
  assert.equal(ev('non_fossil_share', 2025).targetZh, '达到31.5%左右');
  // 森林覆盖率 fell from 46.2 (2023) to 46.1 ⇒ 红 一级预警 on both targets (45.8 → 46.4: 46.28; → 46.5 by 2030: 46.08)
  close(ev('forest_coverage', 2025).expected, 45.8 + 0.6 * 4 / 5);
  assert.equal(ev('forest_coverage', 2025).progress.level, 'red');
  assert.equal(ev('forest_coverage', 2030).progress.level, 'red');
  // coal cap 620: 600 is within 5 % of it (589–620) ⇒ 黄; cap 660 (2030): 600 < 627 ⇒ 绿
  const coal = e.targets.filter((x: { indicatorCode: string }) => x.indicatorCode === 'coal_consumption');
  assert.deepEqual(coal.map((x: any) => [x.year, x.expected, x.progress.level, x.targetZh]), [[2025, 620, 'yellow', '不超过620万吨'], [2030, 660, 'green', '不超过660万吨']]);
  assert.deepEqual(e.counts.targets, { total: plan.counts.targets, assessed: 7, red: 2, yellow: 2, green: 3, unassessed: plan.counts.targets - 7 });
  assert.equal(e.counts.tasks.total, plan.tasks.length);
  assert.equal(e.counts.tasks.overdue, plan.tasks.filter((t) => t.overdue).length);
  assert.ok(e.counts.tasks.overdue > 0); // deadlines of 2025, clock in 2026, nothing completed
  assert.equal(e.consistency, null); // 四川省 has no plan
  // main targets first
  const firstOther = e.targets.findIndex((x: { main: boolean }) => !x.main);
  assert.ok(firstOther > 0 && e.targets.slice(firstOther).every((x: { main: boolean }) => !x.main));
});

test('other years: the latest observation before the year counts and is said so; earlier years on their own path', async () => {
  const y2025 = (await evaluation(plan.id, 2025)).body;
  const ei = y2025.targets.find((x: { id: number }) => x.id === target('energy_intensity_reduction', 2025).id);
  assert.equal(ei.expectedYear, 2025);
  close(ei.expected, 0.6 * 0.855); // 0.513, the target itself
  assert.equal(ei.observed.year, 2024);
  assert.deepEqual(ei.progress, target('energy_intensity_reduction', 2025).progress); // gap and level against 2024
  assert.match(ei.noteZh, /实际值为2024年数据/);
  const y2022 = (await evaluation(plan.id, 2022)).body;
  const e22 = y2022.targets.find((x: { id: number }) => x.id === target('energy_intensity_reduction', 2025).id);
  // 0.57 (2022) vs 0.60 × 0.855^0.4 = 0.5636, down from 0.585 ⇒ 黄
  close(e22.expected, 0.6 * 0.855 ** 0.4);
  assert.deepEqual([e22.observed.value, e22.progress.level], [0.57, 'yellow']);
});

async function download(id: number, year: number) {
  const res = await fetch(`${s.url}/api/plans/${id}/evaluation.xlsx?year=${year}`, { headers: { cookie: c['luzhou.viewer'] } });
  return { res, buf: Buffer.from(await res.arrayBuffer()) };
}

test('the workbook: sheets, headers, figures equal to the JSON, warning fills, print setup; same bytes for the same date', async () => {
  const e = (await evaluation(plan.id, 2024)).body;
  const { res, buf } = await download(plan.id, 2024);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(res.headers.get('content-disposition'),
    `attachment; filename="plan-${plan.id}-evaluation-2024.xlsx"; filename*=UTF-8''${encodeURIComponent('泸州市碳达峰实施方案-2024年度评估.xlsx')}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['封面及总体情况', '目标完成情况', '重点任务进展', '上下级目标衔接']);

  const cover = wb.worksheets[0];
  const coverValue = (label: string) => { let v: unknown; cover.eachRow((r) => { if (r.getCell(1).value === label) v = r.getCell(2).value; }); return v; };
  assert.equal(cover.getCell('A1').value, '泸州市碳达峰实施方案');
  assert.deepEqual([coverValue('评估年度'), coverValue('导出日期'), coverValue('红色预警（一级）'), coverValue('黄色预警（二级）'), coverValue('逾期未完成')],
    [2024, '2026年3月1日', 2, 2, e.counts.tasks.overdue]);

  const ws = wb.worksheets[1];
  assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1),
    ['序号', '指标', '目标年份', '目标值', '基准年', '计量单位', '基准值', '本年度应达值', '实际值', '差距', '预警等级', '说明']);
  assert.equal(ws.rowCount, 3 + e.targets.length);
  const fills: Record<string, string> = { red: 'FFFF0000', yellow: 'FFFFFF00', green: 'FF00B050' };
  e.targets.forEach((t: any, i: number) => {
    const row = ws.getRow(4 + i);
    assert.equal(row.getCell(1).value, i + 1);
    assert.ok(String(row.getCell(2).value).startsWith(t.indicatorName), t.ref);
    assert.equal(row.getCell(3).value, t.year, t.ref);
    assert.equal(row.getCell(5).value, t.baselineYear, t.ref);
    assert.equal(row.getCell(7).value, t.baselineValue, t.ref);
    assert.equal(row.getCell(8).value, t.expected, t.ref);
    assert.equal(row.getCell(9).value, t.observed?.value ?? null, t.ref);
    assert.equal(row.getCell(10).value, t.progress?.gap ?? null, t.ref);
    const level = row.getCell(11);
    if (t.progress) {
      assert.equal(level.value, `${{ red: '红', yellow: '黄', green: '绿' }[t.progress.level as string]}（${t.progress.levelZh}）`);
      assert.equal((level.fill as ExcelJS.FillPattern).fgColor?.argb, fills[t.progress.level], t.ref);
    } else assert.equal(level.value, '未评估');
    assert.equal(row.getCell(12).value, t.noteZh);
  });
  // the target value is a number; its words are in the number format
  const eiRow = ws.getRow(4 + e.targets.findIndex((t: any) => t.id === target('energy_intensity_reduction', 2025).id));
  assert.deepEqual([eiRow.getCell(4).value, eiRow.getCell(4).numFmt], [14.5, '"下降"0.0"%"']);
  assert.equal(typeof eiRow.getCell(8).value, 'number');
  assert.deepEqual([ws.views[0].state, (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit], ['frozen', 3]);
  assert.deepEqual([ws.pageSetup.paperSize, ws.pageSetup.orientation, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight],
    [9, 'landscape', true, 1, 0]);
  assert.equal(ws.pageSetup.printTitlesRow, '3:3'); // written as _xlnm.Print_Titles '目标完成情况'!$3:$3

  const tasks = wb.worksheets[2];
  assert.deepEqual((tasks.getRow(3).values as unknown[]).slice(1), ['序号', '行动', '任务', '牵头单位', '配合单位', '完成时限', '状态', '是否逾期']);
  assert.equal(tasks.rowCount, 3 + e.counts.tasks.total);
  let overdue = 0;
  tasks.eachRow((r, n) => { if (n > 3 && r.getCell(8).value === '是') overdue++; });
  assert.equal(overdue, e.counts.tasks.overdue);
  const firstTask = e.actions[0].tasks[0];
  assert.deepEqual([tasks.getCell('B4').value, tasks.getCell('F4').value, tasks.getCell('G4').value],
    [`${e.actions[0].number}${e.actions[0].title}`, firstTask.deadline, firstTask.statusZh]);
  assert.equal(wb.worksheets[3].getCell('A2').value, '本地区以上无已印发的碳达峰实施方案，未做上下级衔接检查');

  await new Promise((r) => setTimeout(r, 2100)); // zip times have a 2 s resolution: a later write must still give the same bytes
  assert.ok((await download(plan.id, 2024)).buf.equals(buf), 'same data and date ⇒ same bytes');
});

test('a district plan is checked against the city’s: weaker, later and missing targets are flagged, deferred ones follow', async () => {
  const t = (ref: string, indicatorCode: string, indicatorName: string, year: number | null, value: number | null, kind: string, more = {}) => ({
    ref, indicatorCode, indicatorName, year, value, unit: value === null ? null : '%', qualifier: 'exact', strength: 'plain', kind, main: true,
    reviewStatus: 'accepted', ...more,
  });
  const body = {
    regionCode: '510502', title: '江阳区碳达峰实施方案（评估测试）', periodStart: 2021, periodEnd: 2030, status: 'issued', issuedOn: '2024-06-01',
    sourceText: '江阳区碳达峰实施方案（测试文本）', actions: [], tasks: [],
    targets: [
      t('T1', 'energy_intensity_reduction', '单位地区生产总值能源消耗降低率', 2025, 13, 'reduction', { baselineYear: 2020 }), // 13 < 14.5
      t('T2', 'non_fossil_share', '非化石能源消费比重', null, null, 'share', { deferred: true }), // 完成市下达目标
      t('T3', 'forest_coverage', '森林覆盖率', 2030, 47, 'level'), // the city asks 46.4 for 2025 and 46.5 for 2030
    ],
  };
  const saved = await s.call('POST', '/api/plans', { cookie: c['luzhou.office'], body });
  assert.equal(saved.status, 201, JSON.stringify(saved.body).slice(0, 300));
  const e = (await evaluation(saved.body.id, 2024)).body;
  assert.deepEqual(e.consistency.higherPlan, { id: plan.id, title: '泸州市碳达峰实施方案', regionCode: '510500', regionName: '泸州市' });
  const f = (code: string, year: number) => e.consistency.findings.find((x: any) => x.indicatorCode === code && x.year === year);
  assert.deepEqual([f('energy_intensity_reduction', 2025).status, f('energy_intensity_reduction', 2025).flagged], ['weaker', true]);
  assert.equal(f('energy_intensity_reduction', 2025).reasonZh, '降幅小于上级要求（上级：下降14.5%；本级：下降13%）');
  assert.deepEqual([f('non_fossil_share', 2025).status, f('non_fossil_share', 2030).status], ['follows_higher', 'follows_higher']);
  assert.deepEqual([f('forest_coverage', 2025).status, f('forest_coverage', 2025).flagged], ['later', true]);
  assert.deepEqual([f('forest_coverage', 2030).status, f('forest_coverage', 2030).flagged], ['consistent', false]);
  assert.deepEqual([f('carbon_intensity_reduction', 2025).status, f('carbon_intensity_reduction', 2025).flagged], ['missing', true]);
  assert.deepEqual([f('wind_capacity', 2025).status, f('wind_capacity', 2025).flagged], ['missing', false]); // a total
  // flagged: energy intensity (weaker), forest 2025 (later), carbon intensity 2025 (missing main target)
  assert.equal(e.counts.consistencyFlags, 3);
  const { buf } = await download(saved.body.id, 2024);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('上下级目标衔接')!;
  assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), ['序号', '指标', '目标年份', '上级目标', '本级目标', '衔接情况', '是否需关注', '说明']);
  assert.equal(ws.rowCount, 3 + e.consistency.findings.length);
  const flagged: unknown[] = [];
  ws.eachRow((r, n) => { if (n > 3 && r.getCell(7).value === '是') flagged.push([r.getCell(2).value, r.getCell(3).value, r.getCell(6).value]); });
  assert.deepEqual(flagged.sort(), [
    ['单位地区生产总值二氧化碳排放降低率', 2025, '未设置该目标'], ['单位地区生产总值能源消耗降低率', 2025, '低于上级要求'], ['森林覆盖率', 2025, '目标年份晚于上级'],
  ]);
});

test('bad year ⇒ 400 naming year; unknown plan ⇒ 404; not logged in ⇒ 401', async () => {
  for (const q of ['', '?year=', '?year=1999', '?year=2101', '?year=abc', '?year=2024.5']) {
    const r = await s.call('GET', `/api/plans/${plan.id}/evaluation${q}`, { cookie: c['luzhou.office'] });
    assert.equal(r.status, 400, q);
    assert.equal(r.body.error.field, 'year', q);
    assert.match(r.body.error.zh, /评估年度/);
    assert.equal((await s.call('GET', `/api/plans/${plan.id}/evaluation.xlsx${q}`, { cookie: c['luzhou.office'] })).status, 400, q);
  }
  const missing = await evaluation(999999, 2024);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.field, 'id');
  assert.equal((await download(999999, 2024)).res.status, 404);
  assert.equal((await s.call('GET', `/api/plans/${plan.id}/evaluation?year=2024`)).status, 401);
});
