// 江西省 (assets/plans/corpus/01_jiangxi.txt), PDF extraction with spaces inside numbers (`到 2025 年`).
// Expectations read by hand: 二、主要目标, the tasks of 三、重点任务, `（…等按职责分工负责）` notations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/01_jiangxi.txt');

test('江西: title and region; no notice in the text', () => {
  assert.deepEqual([plan.title, plan.region, plan.docNumber, plan.issued], ['江西省碳达峰实施方案', '江西省', null, null]);
});

test('江西: main targets (18.3%, two values deferred to the state, 2030 share deferred)', () => {
  assert.deepEqual(mainTargets(plan).sort(), ['carbon_intensity_reduction:2025:null', 'energy_intensity_reduction:2025:null',
    'non_fossil_share:2025:18.3', 'non_fossil_share:2030:null'].sort());
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 18.3, qualifier: 'exact', strength: 'plain', kind: 'share' }, text);
  expectTarget(plan, { code: 'carbon_intensity_reduction', year: 2025, value: null, strength: 'ensure', deferred: true });
});

test('江西: 亿 units, 分别, cumulative and strive targets in the tasks', () => {
  const w = expectTarget(plan, { code: 'wind_solar_capacity', year: 2030, value: 6000, unit: '万千瓦' }, text);
  assert.deepEqual([w.valueAsWritten, w.unitAsWritten], ['0.6', '亿千瓦']);
  assert.equal(w.quoteOriginal, '风电、太阳能发电总装机容量 达到 0.6 亿千瓦');
  expectTarget(plan, { code: 'biomass_power_capacity', year: 2030, value: 150, qualifier: 'about', strength: 'strive' });
  expectTarget(plan, { code: 'pumped_storage_capacity', year: 2030, value: 1000, strength: 'strive' });
  expectTarget(plan, { code: 'crude_oil_processing_capacity', year: 2025, value: 1000, unit: '万吨', kind: 'cap' });
  expectTarget(plan, { code: 'transport_carbon_intensity', phrase: '营运车辆', year: 2030, value: 10, baselineYear: 2020 });
  expectTarget(plan, { code: 'transport_carbon_intensity', phrase: '船舶', year: 2030, value: 5, baselineYear: 2020 });
  expectTarget(plan, { code: 'standing_timber_stock', year: 2030, value: 90000, unit: '万立方米' });
  expectTarget(plan, { code: 'high_standard_farmland', year: 2025, value: 3079, unit: '万亩', kind: 'cumulative' });
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2030, value: 70 });
});

test('江西: 10 actions, 43 tasks + 6 policy/organisation items with units', () => {
  assert.equal(plan.actions.length, 10);
  assert.deepEqual(plan.actions.map((a) => a.taskIds.length), [4, 5, 4, 4, 5, 4, 5, 4, 4, 4]);
  assert.equal(plan.tasks.length, 49);
  expectUnits(plan, '推动化石能源清洁高效利用', { lead: [], responsible: ['省发展改革委', '省能源局', '省生态环境厅', '省工业和信息化厅', '省住房城乡建设厅',
    '省交通运输厅', '省国资委', '国网江西省电力公司'] });
  expectUnits(plan, '组织实施', { lead: ['省碳达峰碳中和工作领导小组办公室'], cooperating: ['各设区市人民政府', '各有关部门'] });
});
