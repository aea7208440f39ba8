// 江西 in traditional characters (assets/plans/corpus/07_jiangxi_zht_derived.txt, an OpenCC s2tw conversion
// of 01_jiangxi.txt): the same expectations as the simplified file, read by hand, plus the quotes that must
// come back in traditional characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/07_jiangxi_zht_derived.txt');

test('江西 (traditional): converted, same metadata', () => {
  assert.equal(plan.script, 'traditional');
  assert.deepEqual([plan.title, plan.region], ['江西省碳达峰实施方案', '江西省']);
});

test('江西 (traditional): main targets; quotes highlight the traditional original', () => {
  assert.deepEqual(mainTargets(plan).sort(), ['carbon_intensity_reduction:2025:null', 'energy_intensity_reduction:2025:null',
    'non_fossil_share:2025:18.3', 'non_fossil_share:2030:null'].sort());
  const t = expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 18.3, kind: 'share' }, text);
  assert.equal(t.quote, '非化石能源消费比重达到18.3%');
  assert.equal(t.quoteOriginal, '非化石能源消費比重達到 18.3%');
  expectTarget(plan, { code: 'wind_solar_capacity', year: 2030, value: 6000, unit: '万千瓦' }, text);
});

test('江西 (traditional): actions and units', () => {
  assert.equal(plan.actions.length, 10);
  assert.equal(plan.tasks.length, 49);
  expectUnits(plan, '组织实施', { lead: ['省碳达峰碳中和工作领导小组办公室'], cooperating: ['各设区市人民政府', '各有关部门'] });
});
