// parsePlan on a plan written for this test with conventions the seeds do not use (top-level 行动 sections,
// 牵头单位/配合单位 lines, full-width digits, 分别…和…, a 十四五 period), then the same plan in traditional
// characters and on one line. Expected values are those written into the text below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Converter } from 'opencc-js/cn2t';
import { DomainError } from '../../errors.ts';
import type { PlanDraft } from '../types.ts';
import { parsePlan } from './parse-plan.ts';
import { summarizePlan } from './summary.ts';

const FILLER = '坚持节约优先，推动经济社会发展全面绿色转型。'.repeat(60);
const LINES = [
  '临江市碳达峰实施方案',
  `为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，结合我市实际，制定本方案。${FILLER}`,
  '一、主要目标',
  '“十四五”期间，全市单位地区生产总值能耗和二氧化碳排放分别下降１４％和１９．５％，可再生能源装机容量达到 120 万千瓦以上。到2030年，非化石能源消费比重提高到25%左右，力争可再生能源电力消纳比重达到30%。',
  '二、能源绿色低碳转型行动',
  '（一）大力发展可再生能源。推进风电、光伏规模化开发。到2025年，光伏装机容量达到80万千瓦。',
  '牵头单位：市发展改革委',
  '配合单位：市自然资源局、市住房城乡建设局',
  '（二）严格控制煤炭消费。到2025年，煤炭消费总量控制在900万吨以内。',
  '牵头单位：市发展改革委；配合单位：市生态环境局',
  '三、城乡建设碳达峰行动',
  '（一）推广绿色建筑。到2025年，城镇新建建筑中绿色建筑面积占比达到100%。（责任单位：市住房城乡建设局（牵头）、市自然资源局）',
  '四、保障措施',
  '（一）加强组织领导。建立工作机制。',
];

function check(plan: PlanDraft, text: string) {
  assert.equal(plan.title, '临江市碳达峰实施方案');
  assert.equal(plan.region, '临江市');
  const main = plan.targets.filter((t) => t.main).map((t) => [t.indicatorCode, t.year, t.value, t.qualifier, t.strength, t.kind, t.baselineYear]);
  assert.deepEqual(main, [
    ['energy_intensity_reduction', 2025, 14, 'exact', 'plain', 'reduction', 2020],
    ['carbon_intensity_reduction', 2025, 19.5, 'exact', 'plain', 'reduction', 2020],
    ['renewable_capacity', 2025, 120, 'or_more', 'plain', 'level', null],
    ['non_fossil_share', 2030, 25, 'about', 'plain', 'share', null],
    ['renewable_power_consumption_share', 2030, 30, 'exact', 'strive', 'share', null],
  ]);
  const other = plan.targets.filter((t) => !t.main).map((t) => [t.indicatorCode, t.year, t.value, t.qualifier, t.kind, t.taskId]);
  assert.deepEqual(other, [
    ['solar_capacity', 2025, 80, 'exact', 'level', '1.1'],
    ['coal_consumption', 2025, 900, 'within', 'cap', '1.2'],
    ['green_building_share', 2025, 100, 'exact', 'share', '2.1'],
  ]);
  for (const t of plan.targets) assert.equal(text.slice(t.span.start, t.span.end), t.quoteOriginal);
  assert.deepEqual(plan.actions.map((a) => [a.number, a.title, a.taskIds]), [
    ['二、', '能源绿色低碳转型行动', ['1.1', '1.2']], ['三、', '城乡建设碳达峰行动', ['2.1']]]);
  assert.deepEqual(plan.tasks.map((t) => [t.id, t.title, t.lead, t.cooperating, t.deadline]), [
    ['1.1', '大力发展可再生能源', ['市发展改革委'], ['市自然资源局', '市住房城乡建设局'], 2025],
    ['1.2', '严格控制煤炭消费', ['市发展改革委'], ['市生态环境局'], 2025],
    ['2.1', '推广绿色建筑', ['市住房城乡建设局'], ['市自然资源局'], 2025],
  ]);
}

test('a plan with conventions the seeds do not use', () => {
  const text = LINES.join('\n');
  check(parsePlan(text), text);
});

test('the same plan in traditional characters: same draft, quotes in the original script', () => {
  const text = Converter({ from: 'cn', to: 't' })(LINES.join('\n'));
  const plan = parsePlan(text);
  assert.equal(plan.script, 'traditional');
  check(plan, text);
  assert.ok(plan.targets[0].quoteOriginal.includes('單位地區生產總值'));
});

test('the same plan on a single line', () => {
  const text = LINES.join(' ');
  const plan = parsePlan(text);
  check(plan, text);
});

test('the same plan on a single line with PDF line-wrap spaces every 27 characters', () => {
  const wrap = (l: string) => (l.match(/.{1,27}/g) ?? []).join(' ');
  const text = LINES.map(wrap).join(' ');
  check(parsePlan(text), text);
});

test('the compact summary printed by the CLI', () => {
  const s = summarizePlan(parsePlan(LINES.join('\n')));
  assert.equal(s.title, '临江市碳达峰实施方案');
  assert.deepEqual(s.actions, ['能源绿色低碳转型行动', '城乡建设碳达峰行动']);
  assert.deepEqual(s.targets[0], { indicator: '单位地区生产总值能源消耗降低率', indicator_code: 'energy_intensity_reduction', year: 2025, value: 14,
    unit: '%', qualifier: 'exact', strength: 'plain', kind: 'reduction', baseline_year: 2020, main: true, quote: '全市单位地区生产总值能耗和二氧化碳排放分别下降14%' });
  assert.deepEqual(s.tasks[2], { title: '推广绿色建筑', lead: ['市住房城乡建设局'], cooperating: ['市自然资源局'], responsible: [], supporting: [] });
});

test('bad input is a DomainError naming the field', () => {
  for (const bad of ['', '   \n ', null, 42]) {
    assert.throws(() => parsePlan(bad as unknown as string), (e: unknown) => e instanceof DomainError && e.field === 'text' && Boolean(e.zh) && Boolean(e.en));
  }
});

test('a text without structure still gives a draft, with warnings', () => {
  const plan = parsePlan('到2025年，森林覆盖率达到40%。');
  assert.deepEqual(plan.targets.map((t) => [t.indicatorCode, t.year, t.value]), [['forest_coverage', 2025, 40]]);
  assert.deepEqual(plan.actions, []);
  assert.ok(plan.warnings.some((w) => w.code === 'no_actions'));
  assert.ok(plan.warnings.some((w) => w.code === 'no_title'));
});
