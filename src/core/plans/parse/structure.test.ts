// Small documents built like the plans; the expected actions and tasks follow the rules of structure.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOutline, splitParagraphs } from './outline.ts';
import { buildStructure, sectionRole } from './structure.ts';

function structure(text: string, withUnits = false) {
  const paras = splitParagraphs(text);
  const s = buildStructure(buildOutline(paras), paras, (ps) => withUnits && ps.some((p) => /牵头/.test(paras[p].text)));
  return { paras, s, actions: s.actions.map((a) => a.heading?.title), tasks: s.tasks.map((t) => [t.actionIndex, t.title]) };
}

test('section roles', () => {
  assert.equal(sectionRole('主要目标'), 'goals');
  assert.equal(sectionRole('工作目标'), 'goals');
  assert.equal(sectionRole('总体要求'), 'preamble');
  assert.equal(sectionRole('保障措施'), 'support');
  assert.equal(sectionRole('保障体系支撑碳达峰'), 'support');
  assert.equal(sectionRole('全面系统推进碳达峰'), 'other');
  assert.equal(sectionRole('重点任务'), 'tasks');
});

test('(a) second-level sections named …行动, wherever they are (万盛-like)', () => {
  const { actions, tasks } = structure('一、主要目标\n到2025年……\n二、全面推进\n（一）产业行动。\n推动甲。内容（A局牵头）\n推动乙。内容\n三、保障体系支撑\n（一）科技支撑行动。\n推动丙。内容');
  assert.deepEqual(actions, ['产业行动', '科技支撑行动']);
  assert.deepEqual(tasks, [[0, '推动甲'], [0, '推动乙'], [1, '推动丙']]);
});

test('(b) children of a 重点任务 section (岳阳-like), intro paragraphs are not tasks', () => {
  const { actions, tasks } = structure('一、总体要求\n（一）工作目标\n内容\n二、重点任务\n（一）推进产业结构绿色升级\n引言段落。\n1.装备制造业发展。内容\n2.生物医药发展。内容\n（二）推动能源结构绿色转型\n1.保障能源供应安全。内容');
  assert.deepEqual(actions, ['推进产业结构绿色升级', '推动能源结构绿色转型']);
  assert.deepEqual(tasks, [[0, '装备制造业发展'], [0, '生物医药发展'], [1, '保障能源供应安全']]);
});

test('(c) top-level sections that are neither preamble, goals nor support (石家庄-like)', () => {
  const { actions, tasks } = structure('一、指导思想\n内容\n二、主要目标\n内容\n三、加快产业结构绿色转型发展\n（一）坚决遏制两高项目。内容\n（二）推动产业结构优化升级。内容\n四、构建能源体系\n（三）强化双控。内容\n五、切实加强组织领导\n（四）强化组织协调。内容');
  assert.deepEqual(actions, ['加快产业结构绿色转型发展', '构建能源体系']);
  assert.deepEqual(tasks, [[0, '坚决遏制两高项目'], [0, '推动产业结构优化升级'], [1, '强化双控']]);
});

test('sections outside the actions give tasks only where units are named; goals flag', () => {
  const { s, paras, tasks } = structure('一、主要目标\n到2025年……\n二、重点任务\n（一）能源行动\n1.推进甲。内容\n（二）工业行动\n1.推进乙。内容\n三、组织实施\n（一）加强统筹协调。内容（办公室牵头）\n（二）加强宣传。内容', true);
  assert.deepEqual(tasks, [[0, '推进甲'], [1, '推进乙'], [null, '加强统筹协调']]);
  assert.ok(s.isGoal(1));
  assert.ok(!s.isGoal(paras.length - 1));
});
