// 南京江北新区 (assets/plans/corpus/04_nanjing_jiangbei.txt), a trial action plan without quantified main
// targets. Expectations read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTarget, loadPlan, mainTargets } from './expect-plan.ts';

const { text, plan } = loadPlan('corpus/04_nanjing_jiangbei.txt');

test('南京江北: title with （试行）, trial status, region', () => {
  assert.deepEqual([plan.title, plan.region, plan.status], ['南京江北新区碳达峰、碳中和行动计划（试行）', '南京江北新区', 'trial']);
});

test('南京江北: no quantified main target; 争取到“十四五”末 targets are strive 2025', () => {
  assert.deepEqual(mainTargets(plan), []);
  expectTarget(plan, { code: 'industrial_energy_intensity', year: 2025, value: 20, kind: 'reduction', baselineYear: 2020, strength: 'strive' }, text);
  expectTarget(plan, { code: null, phrase: '新兴产业产值占比', year: 2025, value: 50, qualifier: 'not_less_than', strength: 'strive' });
  expectTarget(plan, { code: null, phrase: '化工生产企业数', year: 2025, value: 80, qualifier: 'within', kind: 'cap' });
});

test('南京江北: 5 actions of 二、主要任务 and 19 tasks', () => {
  assert.equal(plan.actions.length, 5);
  assert.equal(plan.actions[0].title, '推进产业结构优化升级');
  assert.equal(plan.tasks.length, 19);
  assert.equal(plan.tasks[18].title, '大力发展绿色金融');
});
