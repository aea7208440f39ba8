// 泸州市 (assets/plans/luzhou-2024.txt). Expectations read by hand: （三）主要目标 (two paragraphs), the
// task paragraphs of 二、碳达峰重点行动, the notice. The plan names no responsible units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('luzhou-2024.txt');

test('泸州: metadata', () => {
  assert.deepEqual([plan.title, plan.region, plan.docNumber, plan.issued], ['泸州市碳达峰实施方案', '泸州市', '泸市府发〔2024〕2号', '2024-01-19']);
  assert.deepEqual(plan.issuers, ['泸州市人民政府']);
});

test('泸州: main targets of 2025 and 2030', () => {
  assert.deepEqual(mainTargets(plan).sort(), [
    'carbon_intensity_reduction:2025:19.5', 'carbon_intensity_reduction:2030:null', 'energy_intensity_reduction:2025:14.5',
    'energy_intensity_reduction:2030:null', 'forest_coverage:2025:46.4', 'forest_coverage:2030:46.5', 'non_fossil_share:2025:31.5',
    'non_fossil_share:2030:33.5', 'wind_capacity:2025:25', 'wind_capacity:2030:35'].sort());
  expectTarget(plan, { code: 'wind_capacity', year: 2025, value: 25, unit: '万千瓦', qualifier: 'exact', kind: 'level' }, text);
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 31.5, unit: '%', qualifier: 'about', strength: 'plain', kind: 'share' }, text);
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: 14.5, kind: 'reduction', baselineYear: 2020 }, text);
  expectTarget(plan, { code: 'carbon_intensity_reduction', year: 2025, value: 19.5, kind: 'reduction' });
  // 风电新增装机容量35万千瓦: an addition.
  expectTarget(plan, { code: 'wind_capacity', year: 2030, value: 35, kind: 'increase' });
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2030, value: null, deferred: true });
});

test('泸州: caps, strive targets and a standing PUE limit in the tasks', () => {
  expectTarget(plan, { code: 'coal_consumption', year: 2025, value: 620, unit: '万吨', qualifier: 'not_more_than', kind: 'cap' }, text);
  expectTarget(plan, { code: 'coal_consumption', year: 2030, value: 660, kind: 'cap' });
  expectTarget(plan, { code: 'natural_gas_output', year: 2025, value: 50, unit: '亿立方米', strength: 'strive' });
  expectTarget(plan, { code: 'natural_gas_output', year: 2030, value: 100, strength: 'strive' });
  expectTarget(plan, { code: 'data_centre_pue', year: null, value: 1.5, qualifier: 'not_more_than', strength: 'strive', kind: 'cap' });
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2025, value: 75, qualifier: 'about' });
  expectTarget(plan, { code: 'forest_stock', year: 2025, value: 2640, unit: '万立方米' });
  expectTarget(plan, { code: 'transport_carbon_intensity', year: 2030, value: 9.5, qualifier: 'about', baselineYear: 2020 });
});

test('泸州: 10 actions, 40 numbered tasks, no unit notation anywhere', () => {
  assert.equal(plan.actions.length, 10);
  assert.equal(plan.actions[9].title, '区县梯次有序碳达峰行动');
  assert.deepEqual(plan.actions.map((a) => a.taskIds.length), [5, 4, 5, 4, 5, 3, 4, 3, 4, 3]);
  assert.ok(plan.tasks.every((t) => t.notation === 'none' && t.lead.length === 0));
  assert.equal(plan.tasks[0].title, '推动能源消费低碳化');
  assert.equal(plan.tasks[0].deadline, 2030);
});
