// 岳阳经开区 (assets/plans/yueyang-etdz-2023.txt), real mojibake on lines 26 and 60. Expectations read by
// hand: 二、主要目标 (two paragraphs), 三、重点任务 (10 sections), notations, damaged places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, expectUnits, loadPlan, taskTitled } from './expect-plan.ts';

const { text, plan } = loadPlan('yueyang-etdz-2023.txt');

test('岳阳: no title or region in the text — reported, not invented', () => {
  assert.equal(plan.title, null);
  assert.equal(plan.region, null);
  assert.ok(plan.warnings.some((w) => w.code === 'no_title'));
  assert.ok(plan.warnings.some((w) => w.code === 'no_region'));
});

test('岳阳: main targets 2025 and 2030', () => {
  expectTarget(plan, { code: 'non_fossil_share', year: 2025, value: 20, qualifier: 'about', kind: 'share', main: true }, text);
  expectTarget(plan, { code: 'energy_intensity_reduction', year: 2025, value: null, deferred: true, main: true });
  expectTarget(plan, { code: 'carbon_intensity_reduction', year: 2025, value: null, deferred: true, main: true });
  expectTarget(plan, { code: 'forest_coverage', year: 2025, value: 30.31, qualifier: 'or_more', main: true });
  expectTarget(plan, { code: 'forest_stock', year: 2025, value: 61.33, unit: '万立方米', qualifier: 'not_less_than', main: true });
  expectTarget(plan, { code: 'non_fossil_share', year: 2030, value: 25, qualifier: 'about', main: true });
  expectTarget(plan, { code: 'forest_coverage', year: 2030, value: 31.55, qualifier: 'or_more', main: true });
  expectTarget(plan, { code: 'forest_stock', year: 2030, value: 72.85, qualifier: 'or_more', strength: 'strive', main: true });
  assert.equal(plan.targets.filter((t) => t.main).length, 10);
});

test('岳阳: body targets', () => {
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2025, value: 60 });
  expectTarget(plan, { code: 'msw_resource_recovery', year: 2030, value: 65 });
  expectTarget(plan, { code: 'transport_carbon_intensity', year: 2025, value: null, deferred: true, strength: 'ensure' });
  expectTarget(plan, { code: 'star_green_building_share', year: 2025, value: 30, qualifier: 'or_more' });
  expectTarget(plan, { code: 'prefab_building_share', year: 2030, value: 40 });
});

test('岳阳: 10 actions of 三、重点任务, 35 tasks (31 + 4 in 组织实施 that name units)', () => {
  assert.equal(plan.actions.length, 10);
  assert.equal(plan.actions[0].title, '推进产业结构绿色升级');
  assert.equal(plan.actions[9].title, '开展试点示范建设');
  assert.equal(plan.tasks.length, 35);
  expectUnits(plan, '装备制造业与绿色智造融合发展', { lead: ['区产业发展局'], cooperating: ['区经济合作局', '区开发建设局', '区自然资源局'] });
  expectUnits(plan, '优化交通运输结构', { lead: [], responsible: ['区开发建设局', '区产业发展局'] });
  expectUnits(plan, '加强统筹协调', { responsible: ['市直派驻各单位', '区直各单位', '各乡镇', '管理处'] });
});

test('岳阳: damaged text is flagged where it is; parsing goes on', () => {
  const moji = plan.warnings.filter((w) => w.code === 'mojibake');
  assert.deepEqual(moji.map((w) => w.line), [26, 60, 60]);
  for (const w of moji) assert.ok(w.span && text.slice(w.span.start, w.span.end).length > 0);
  const t = taskTitled(plan, '实施节能降碳重点工程');
  assert.ok(t.damaged);
  assert.deepEqual(t.lead, ['区产业发展局']);
  assert.ok(plan.warnings.some((w) => w.code === 'unclosed_unit_notation' && w.line === 26));
  assert.ok(plan.warnings.some((w) => w.code === 'damaged_unit' && w.zh.includes('区经济合作帧⑶建设局')));
});
