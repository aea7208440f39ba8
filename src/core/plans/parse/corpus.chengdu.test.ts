// 成都市 (assets/plans/corpus/05_chengdu.txt): `［责任单位：…；逗号前为牵头单位，下同］`. Expectations read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/05_chengdu.txt');

test('成都: metadata and the two main targets', () => {
  assert.deepEqual([plan.title, plan.region], ['成都市优化能源结构促进城市绿色低碳发展行动方案', '成都市']);
  assert.deepEqual(mainTargets(plan).sort(), ['clean_energy_share:2025:68', 'non_fossil_share:2025:50']);
  expectTarget(plan, { code: 'clean_energy_share', year: 2025, value: 68, qualifier: 'or_more', kind: 'share' }, text);
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 50, qualifier: 'or_more' }, text);
});

test('成都: task targets', () => {
  expectTarget(plan, { code: 'data_centre_pue', year: 2025, value: 1.25, qualifier: 'or_less' });
  expectTarget(plan, { code: 'solar_capacity', year: 2025, value: 50, unit: '万千瓦', qualifier: 'or_more' });
  expectTarget(plan, { code: 'electricity_substitution', year: 2025, value: 50, unit: '亿千瓦时' });
  expectTarget(plan, { code: 'public_charging_points', year: 2025, value: 160000, qualifier: 'or_more' });
});

test('成都: 逗号前为牵头单位 applies to every notation after it', () => {
  assert.equal(plan.actions.length, 4);
  assert.equal(plan.tasks.length, 16);
  const first = expectUnits(plan, '加快生产方式低碳化转型', { lead: ['市经信局', '市生态环境局', '市市场监管局'], cooperating: ['各区（市）县政府（管委会）'] });
  assert.equal(first.notation, 'comma_lead');
  expectUnits(plan, '推进燃煤发电机组升级改造', { lead: ['市经信局', '市发改委'], cooperating: ['彭州市', '金堂县', '大邑县政府'] });
  expectUnits(plan, '加快推进天然气稳产增产', { lead: ['市经信局'], cooperating: ['相关区（市）县政府（管委会）'] });
});
