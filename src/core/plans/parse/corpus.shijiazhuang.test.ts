// 石家庄 (assets/plans/corpus/03_shijiazhuang.txt): an 实施方案 of the 意见 type, whose top-level sections
// 三、…十二、 are the action areas and （一）…（三十） the tasks. Expectations read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/03_shijiazhuang.txt');

test('石家庄: title in 《》, region from the issuers', () => {
  assert.equal(plan.title, '关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施方案');
  assert.equal(plan.region, '石家庄市');
  assert.deepEqual(plan.issuers, ['中共石家庄市委', '石家庄市人民政府']);
});

test('石家庄: eight main targets', () => {
  assert.deepEqual(mainTargets(plan).sort(), ['carbon_intensity_reduction:2025:null', 'energy_intensity_reduction:2025:null',
    'forest_coverage:2025:43', 'forest_coverage:2030:43.25', 'forest_stock:2025:1467', 'forest_stock:2030:1695',
    'non_fossil_share:2025:8', 'non_fossil_share:2030:12'].sort());
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 8, qualifier: 'or_more', kind: 'share' }, text);
  expectTarget(plan, { code: 'forest_coverage', year: 2030, value: 43.25, qualifier: 'about' }, text);
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: null, strength: 'ensure', deferred: true });
});

test('石家庄: ten action sections (三…十二), 30 tasks, no units', () => {
  assert.equal(plan.actions.length, 10);
  assert.deepEqual([plan.actions[0].number, plan.actions[0].title], ['三、', '加快产业结构绿色转型发展']);
  assert.equal(plan.actions[9].title, '有效发挥市场配置能源资源作用');
  assert.equal(plan.tasks.length, 30);
  assert.equal(plan.tasks[0].title, '坚决遏制高耗能、高排放、低水平项目盲目发展');
  assert.ok(plan.tasks.every((t) => t.notation === 'none'));
});
