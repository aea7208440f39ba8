// Heading lines copied from the plans (file named); levels and titles checked by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOutline, readHeading, splitParagraphs, titleOf, walk } from './outline.ts';

test('heading levels and titles', () => {
  assert.deepEqual(readHeading('一、主要目标'), { level: 1, marker: '一、', n: 1, title: '主要目标', bodyStart: 6 }); // 万盛
  const l2 = readHeading('（一）能源绿色低碳转型行动。能源是经济社会发展的重要物质基础'); // 江西
  assert.deepEqual([l2?.level, l2?.marker, l2?.title], [2, '（一）', '能源绿色低碳转型行动']);
  const l3 = readHeading('1.推动化石能源清洁高效利用。有序控制煤炭消费增长'); // 江西
  assert.deepEqual([l3?.level, l3?.n, l3?.title], [3, 1, '推动化石能源清洁高效利用']);
  assert.equal(readHeading('（十二）推进城乡建设和管理模式低碳转型。')?.n, 12); // 石家庄
  assert.equal(readHeading('十三、切实加强组织领导')?.n, 13);
  assert.equal(readHeading('（1）推进光伏')?.level, 4);
  // Variants of other documents.
  assert.deepEqual([readHeading('（一）、能源绿色低碳转型行动')?.level, readHeading('（一）、能源绿色低碳转型行动')?.title], [2, '能源绿色低碳转型行动']);
  assert.deepEqual([readHeading('2）推进光伏。内容')?.level, readHeading('2）推进光伏。内容')?.n], [4, 2]);
});

test('bare numbers are headings only in sequence (广州 one-line text)', () => {
  assert.equal(readHeading('2强化政府引导与社会参与。加强政府', 1)?.level, 3);
  assert.equal(readHeading('3类高耗能工业将不再新增产能', 0), null); // 宁夏 web headline
  assert.equal(readHeading('2025年，全市', 1), null);
});

test('titles of un-numbered task paragraphs', () => {
  assert.equal(titleOf('推动工业绿色低碳高质量发展。推进新能源（储能）').title, '推动工业绿色低碳高质量发展'); // 万盛
  assert.equal(titleOf('依托重庆市碳市场综合服务平台，推动重点排放企业在线“一站式”管理碳资产、实现碳履约、促进碳减排、完成碳交易。运用大数据').title,
    '依托重庆市碳市场综合服务平台'); // 万盛 (no short first sentence: first clause)
});

test('outline tree', () => {
  const text = '方案\n一、主要目标\n到2025年……\n二、重点任务\n（一）能源行动\n1.推进甲。内容\n2.推进乙。内容\n（二）工业行动\n1.推进丙。内容';
  const root = buildOutline(splitParagraphs(text));
  assert.deepEqual(root.children.map((c) => c.heading?.title), ['主要目标', '重点任务']);
  assert.deepEqual(root.paras, [0]);
  const tasks = root.children[1];
  assert.deepEqual(tasks.children.map((c) => [c.heading?.title, c.children.length]), [['能源行动', 2], ['工业行动', 1]]);
  assert.equal(walk(root).length, 7);
});
