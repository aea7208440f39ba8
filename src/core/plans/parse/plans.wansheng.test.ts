// 万盛经开区 (assets/plans/wansheng-chongqing-2023.txt). Every expectation below was read by hand in the
// text: the 主要目标 paragraph (line 38), the task paragraphs and their notations, the notice header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets, taskTitled } from './expect-plan.ts';

const { text, plan } = loadPlan('wansheng-chongqing-2023.txt');

test('万盛: metadata from the notice', () => {
  assert.equal(plan.title, '重庆市万盛经开区碳达峰实施方案');
  assert.equal(plan.region, '重庆市万盛经开区');
  assert.deepEqual(plan.issuers, ['重庆市万盛经开区管委会']);
  assert.equal(plan.docNumber, '万盛经开发〔2023〕7号');
  assert.equal(plan.issued, '2023-05-26');
  assert.equal(plan.status, 'final');
});

test('万盛: main targets — 单位地区生产总值能源消费比2020年下降16%, 二氧化碳排放完成重庆市下达目标', () => {
  // `二氧化碳排放` continues `单位地区生产总值…` of the clause before: the CO2 intensity, value set by 重庆市.
  assert.deepEqual(mainTargets(plan), ['energy_intensity_reduction:2025:16', 'carbon_intensity_reduction:2025:null']);
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: 16, unit: '%', qualifier: 'exact', strength: 'plain',
    kind: 'reduction', baselineYear: 2020, main: true }, text);
  expectTarget(plan, { code: 'carbon_intensity_reduction', year: 2025, value: null, deferred: true, main: true }, text);
});

test('万盛: targets in the task paragraphs', () => {
  expectTarget(plan, { code: 'industrial_energy_intensity', year: 2025, value: 14.5, kind: 'reduction', baselineYear: 2020 }, text);
  expectTarget(plan, { code: 'manure_utilisation', year: 2025, value: 80, qualifier: 'exact', kind: 'level' });
  expectTarget(plan, { code: 'straw_utilisation', year: 2025, value: 90 });
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2025, value: 65, qualifier: 'about', kind: 'share' });
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2030, value: 70, qualifier: 'exact' });
  expectTarget(plan, { code: 'prefab_building_share', year: 2025, value: 30, kind: 'share' });
  expectTarget(plan, { code: 'rooftop_pv_coverage', year: 2025, value: 50, strength: 'strive' });
  expectTarget(plan, { code: 'new_energy_transport_share', year: 2030, value: 40, qualifier: 'about', kind: 'share' });
  expectTarget(plan, { code: 'forest_coverage', year: 2025, value: 58, unit: '%' });
  expectTarget(plan, { code: 'forest_stock', year: 2025, value: 238.8, unit: '万立方米', qualifier: 'more_than' });
  expectTarget(plan, { code: null, phrase: '智能工厂', year: 2025, value: 5, unit: '个' });
});

test('万盛: 19 actions in three sections, 61 tasks (58 paragraph tasks + 3 in 组织实施)', () => {
  assert.equal(plan.actions.length, 19);
  assert.deepEqual(plan.actions.slice(0, 4).map((a) => a.title), ['产业结构绿色低碳升级行动', '能源绿色低碳转型行动', '节能降碳增效行动', '循环经济降碳行动']);
  assert.equal(plan.actions[18].title, '全民参与支撑碳达峰行动');
  assert.equal(plan.tasks.length, 61);
  assert.equal(plan.tasks.filter((t) => t.actionIndex !== null).length, 58);
});

test('万盛: task units (X牵头，Y等按职责分工负责)', () => {
  expectUnits(plan, '推动工业绿色低碳高质量发展', { lead: ['经济信息局'], cooperating: ['发展改革局', '平山园区管委会'], responsible: [] });
  expectUnits(plan, '推动服务业绿色低碳升级', { lead: [], responsible: ['发展改革局', '经济信息局', '财政局', '交通局', '商务局', '文化旅游局'] });
  expectUnits(plan, '完善资源循环利用体系', { lead: ['发展改革局', '商务局'],
    cooperating: ['经济信息局', '规划自然资源局', '生态环境局', '住房城乡建设局', '城管局', '市场监管局'] });
  expectUnits(plan, '严格监督考核', { lead: ['区碳达峰碳中和工作领导小组办公室', '党工委督查办', '党工委组织部', '管委会督查办'], cooperating: ['有关部门', '各镇街'] });
  const t = taskTitled(plan, '推动工业绿色低碳高质量发展');
  assert.equal(t.deadline, 2025);
  assert.ok(t.targetIds.length >= 3);
});
