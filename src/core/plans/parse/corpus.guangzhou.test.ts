// 广州市 (assets/plans/corpus/06_guangzhou.txt): the whole document on one line, numbering without dots
// (`1提升…`), 牵头/配合/支持 notations, a 文号 that lost its brackets. Expectations read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectUnits, loadPlan } from './expect-plan.ts';

const { plan } = loadPlan('corpus/06_guangzhou.txt');

test('广州: metadata from the glued header', () => {
  assert.deepEqual([plan.title, plan.region, plan.issued, plan.docNumber], ['广州市发展绿色金融支持碳达峰行动实施方案', '广州市', '2024-04-03', '穗金委办20242号']);
  assert.deepEqual(plan.issuers, ['中共广州市委金融委员会办公室']);
  assert.ok(plan.warnings.some((w) => w.code === 'one_line_resplit'));
  assert.ok(plan.warnings.some((w) => w.code === 'doc_number_reconstructed' && w.zh.includes('穗金委办〔2024〕2号')));
});

test('广州: the 目标要求 are qualitative — no quantified target', () => {
  assert.equal(plan.targets.length, 0);
});

test('广州: 8 actions, 24 tasks numbered 1…24 across them', () => {
  assert.equal(plan.actions.length, 8);
  assert.deepEqual(plan.actions.map((a) => a.taskIds.length), [3, 5, 3, 3, 3, 3, 2, 2]);
  assert.equal(plan.tasks.length, 24);
  assert.deepEqual([plan.tasks[23].number, plan.tasks[23].title], ['24', '健全绿色金融约束机制']);
});

test('广州: 牵头 / 配合 / 支持 and 按职责分工落实', () => {
  expectUnits(plan, '提升绿色金融改革创新先行引领示范作用', { lead: ['花都区', '黄埔区', '南沙区政府'],
    cooperating: ['市委金融办', '市发展改革委', '市生态环境局'], supporting: ['中国人民银行广东省分行', '国家金融监督管理总局广东监管局'] });
  expectUnits(plan, '推动金融机构绿色转型', { lead: [], responsible: ['市委金融办', '市财政局'],
    supporting: ['中国人民银行广东省分行', '国家金融监督管理总局广东监管局', '广东证监局'] });
  expectUnits(plan, '发挥金融科技对绿色金融推动作用', { lead: ['市委金融办'], cooperating: [] });
  expectUnits(plan, '强化金融机构应对转型风险能力', { lead: [], cooperating: ['市委金融办', '市财政局'],
    supporting: ['中国人民银行广东省分行', '国家金融监督管理总局广东监管局', '广东证监局'] });
});
