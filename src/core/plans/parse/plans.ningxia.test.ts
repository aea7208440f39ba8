// 宁夏 draft (assets/plans/ningxia-draft-2022.txt). Expectations read by hand: 二、主要目标 (three
// paragraphs), tasks of 三、重点任务, 责任单位 notations. The web summary before the title repeats main
// targets (50GW…) and must not be read as targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('ningxia-draft-2022.txt');

test('宁夏: title, region completed from the text, draft status, no date', () => {
  assert.equal(plan.title, '自治区碳达峰实施方案（征求意见稿）');
  assert.equal(plan.region, '宁夏回族自治区');
  assert.equal(plan.status, 'draft');
  assert.equal(plan.issued, null);
});

test('宁夏: main targets 2025, 2030, 2035', () => {
  assert.deepEqual(mainTargets(plan).sort(), [
    'carbon_intensity_reduction:2025:null', 'energy_intensity_reduction:2025:null', 'new_energy_capacity:2025:5000',
    'new_energy_capacity:2030:7450', 'non_fossil_share:2025:15', 'non_fossil_share:2030:20', 'non_fossil_share:2035:30',
    'non_hydro_renewable_power_share:2025:28', 'non_hydro_renewable_power_share:2030:35.2'].sort());
  expectTarget(plan, { code: 'new_energy_capacity', year: 2025, value: 5000, unit: '万千瓦', qualifier: 'or_more', kind: 'level' }, text);
  expectTarget(plan, { code: 'non_hydro_renewable_power_share', year: 2025, value: 28, qualifier: 'or_more', kind: 'share' });
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: null, strength: 'ensure', deferred: true });
  expectTarget(plan, { code: 'non_fossil_share', year: 2035, value: 30, qualifier: 'about' });
  assert.ok(plan.targets.every((t) => !t.quote.includes('GW')));
});

test('宁夏: targets of the tasks', () => {
  expectTarget(plan, { code: 'unit_product_energy', phrase: '电石', year: 2025, value: 10, kind: 'reduction' });
  expectTarget(plan, { code: 'unit_product_energy', phrase: '甲醇', year: 2025, value: 6, kind: 'reduction' });
  expectTarget(plan, { code: 'steel_capacity', year: 2025, value: 700, qualifier: 'within', kind: 'cap' });
  expectTarget(plan, { code: 'data_centre_pue', year: 2025, value: 1.2, qualifier: 'not_more_than', kind: 'cap' });
  expectTarget(plan, { code: 'coal_intensity', year: 2025, value: 15, kind: 'reduction' });
  expectTarget(plan, { code: 'coal_power_supply_rate', year: 2025, value: 300, qualifier: 'or_less' });
  expectTarget(plan, { code: 'forest_coverage', year: 2030, value: 21 });
  expectTarget(plan, { code: 'forest_stock', year: 2025, value: 1195 });
  expectTarget(plan, { code: 'public_charging_points', year: 2030, value: 10000, qualifier: 'or_more' });
  expectTarget(plan, { code: 'transport_carbon_intensity', year: 2030, value: 9.5, qualifier: 'about', baselineYear: 2020 });
});

test('宁夏: 10 actions, 43 tasks in them + 6 policy items that name units', () => {
  assert.equal(plan.actions.length, 10);
  assert.equal(plan.actions[9].title, '各地市因地制宜达峰行动');
  assert.equal(plan.tasks.filter((t) => t.actionIndex !== null).length, 43);
  assert.equal(plan.tasks.length, 49);
  expectUnits(plan, '大力发展新能源', { lead: [], responsible: ['自治区发展改革委', '自然资源厅', '住房城乡建设厅', '农业农村厅', '林草局', '国网宁夏电力公司'] });
  const bare = expectUnits(plan, '推动建材行业碳达峰', { responsible: ['自治区工业和信息化厅', '发展改革委', '科技厅', '住房和城乡建设厅', '市场监管厅'] });
  assert.equal(bare.notation, 'bare_list');
  expectUnits(plan, '推进氢能应用示范建设', { responsible: ['宁东管委会', '自治区发展改革委', '工业和信息化厅', '交通运输厅', '科技厅', '国网宁夏电力公司'] });
});
