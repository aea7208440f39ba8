// 成渝 joint plan in traditional characters (assets/plans/chengdu-chongqing-joint-2022.txt). Expectations
// read by hand from the traditional text; names are compared in simplified form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectUnits, loadPlan, taskTitled } from './expect-plan.ts';

const { text, plan } = loadPlan('chengdu-chongqing-joint-2022.txt');

test('成渝: converted from traditional, metadata of the joint notice', () => {
  assert.equal(plan.script, 'traditional');
  assert.ok(plan.warnings.some((w) => w.code === 'traditional_converted'));
  assert.equal(plan.title, '成渝地区双城经济圈碳达峰碳中和联合行动方案');
  assert.equal(plan.region, '成渝地区双城经济圈');
  assert.deepEqual(plan.issuers, ['重庆市人民政府办公厅', '四川省人民政府办公厅']);
  assert.equal(plan.docNumber, '渝府办发〔2022〕22号');
  assert.equal(plan.issued, '2022-02-15');
});

test('成渝: the 主要目标 are qualitative — no quantified target', () => {
  assert.equal(plan.targets.length, 0);
});

test('成渝: 10 actions, 26 numbered tasks', () => {
  assert.equal(plan.actions.length, 10);
  assert.equal(plan.actions[0].title, '区域能源绿色低碳转型行动');
  assert.equal(plan.tasks.length, 26);
  assert.deepEqual(plan.actions.map((a) => a.taskIds.length), [4, 3, 4, 3, 2, 2, 2, 2, 2, 2]);
});

test('成渝: 两省市列首位的为牵头单位，下同 — first unit of each province leads, for every task', () => {
  const first = expectUnits(plan, '协同开发油气资源', { lead: ['重庆市能源局', '四川省能源局'], cooperating: ['市经济信息委', '经济和信息化厅'] });
  assert.equal(first.notation, 'group_first_lead');
  assert.ok(text.slice(first.unitSpan!.start, first.unitSpan!.end).includes('責任單位'));
  expectUnits(plan, '提高公共交通出行比例', { lead: ['重庆市交通局', '四川省交通运输厅'],
    cooperating: ['市发展改革委', '市公安局', '省发展改革委', '公安厅', '中国铁路成都局集团公司'] });
  expectUnits(plan, '加强金融支持绿色低碳发展', { lead: ['人行重庆营管部', '人行成都分行'] });
  assert.equal(taskTitled(plan, '推进绿色低碳创建').lead.length, 2);
});
