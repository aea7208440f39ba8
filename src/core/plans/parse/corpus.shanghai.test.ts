// 上海市 (assets/plans/corpus/02_shanghai.txt). Expectations read by hand: 一、主要目标 (2005 base year for
// 2030), （责任单位：…） notations, the targets of the ten actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/02_shanghai.txt');

test('上海: main targets', () => {
  assert.equal(plan.title, '上海市碳达峰实施方案');
  assert.equal(plan.region, '上海市');
  assert.deepEqual(mainTargets(plan).sort(), ['carbon_intensity_reduction:2025:null', 'carbon_intensity_reduction:2030:70',
    'energy_intensity_reduction:2025:14', 'non_fossil_share:2025:20', 'non_fossil_share:2030:25'].sort());
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: 14, kind: 'reduction', baselineYear: 2020 }, text);
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 20, qualifier: 'exact', strength: 'strive', kind: 'share' }, text);
  expectTarget(plan, { code: 'carbon_intensity_reduction', year: 2030, value: 70, baselineYear: 2005 }, text);
});

test('上海: targets of the actions', () => {
  expectTarget(plan, { code: 'solar_capacity', year: 2025, value: 400, strength: 'strive' });
  expectTarget(plan, { code: 'solar_capacity', year: 2030, value: 700, strength: 'strive' });
  expectTarget(plan, { code: 'wind_capacity', year: 2030, value: 500, strength: 'strive' });
  expectTarget(plan, { code: 'coal_consumption', year: 2025, value: 5, qualifier: 'about', kind: 'reduction', baselineYear: 2020 });
  expectTarget(plan, { code: 'coal_share', year: 2025, value: 30, qualifier: 'or_less' });
  expectTarget(plan, { code: 'data_centre_pue', year: null, value: 1.3, qualifier: 'not_more_than', kind: 'cap' });
  expectTarget(plan, { code: 'data_centre_pue', year: null, value: 1.4, strength: 'strive' });
  expectTarget(plan, { code: 'forest_coverage', year: 2025, value: 19.5, qualifier: 'or_more' });
  expectTarget(plan, { code: 'forest_stock', year: 2030, value: 1100, qualifier: 'about' });
  expectTarget(plan, { code: 'public_charging_points', year: 2025, value: 200000, kind: 'cumulative' });
  expectTarget(plan, { code: 'green_travel_share', year: 2035, value: 85 });
});

test('上海: 10 actions, 41 tasks + 11 cooperation/policy/organisation items', () => {
  assert.equal(plan.actions.length, 10);
  assert.deepEqual(plan.actions.map((a) => a.taskIds.length), [4, 4, 4, 4, 4, 5, 4, 5, 4, 3]);
  assert.equal(plan.tasks.length, 52);
  const t = expectUnits(plan, '大力发展非化石能源', { lead: [], responsible: ['市发展改革委', '市经济信息化委', '市规划资源局', '市住房城乡建设管理委',
    '市机管局', '市交通委', '市农业农村委', '市生态环境局', '市绿化市容局'] });
  assert.equal(t.notation, 'responsible_label');
  expectUnits(plan, '支持推动碳达峰、碳中和“一岛一企”试点示范', { responsible: ['市发展改革委', '崇明区', '宝武集团'] });
});
