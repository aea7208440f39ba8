// Inputs are taken from the seeds (file named); expected outputs were written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizePlanText } from './normalize.ts';
import { toOriginal } from './text-map.ts';

test('traditional → simplified, offsets map back to the traditional original (成渝)', () => {
  const src = '（責任單位：重慶市能源局、市經濟信息委；四川省能源局、經濟和信息化廳；兩省市列首位的為牽頭單位，下同）';
  const n = normalizePlanText(src);
  assert.equal(n.script, 'traditional');
  assert.equal(n.mapped.text, '（责任单位：重庆市能源局、市经济信息委；四川省能源局、经济和信息化厅；两省市列首位的为牵头单位，下同）');
  const at = n.mapped.text.indexOf('重庆市能源局');
  const span = toOriginal(n.mapped, at, at + 6);
  assert.equal(src.slice(span.start, span.end), '重慶市能源局');
});

test('simplified text is left alone', () => {
  const n = normalizePlanText('非化石能源消费比重达到31.5%左右，森林覆盖率显著提升');
  assert.equal(n.script, 'simplified');
  assert.equal(n.convertedChars, 0);
});

test('full-width digits and percent; ASCII commas and parentheses in Chinese text (万盛)', () => {
  assert.equal(normalizePlanText('到２０２５年，比重达到３１．５％左右').mapped.text, '到2025年，比重达到31.5%左右');
  assert.equal(normalizePlanText('转型成效显著,煤电能源(储能)等').mapped.text, '转型成效显著，煤电能源（储能）等');
  assert.equal(normalizePlanText('年产量10,000吨').mapped.text, '年产量10000吨');
  assert.equal(normalizePlanText('2023-06-09 14:00 来源').mapped.text, '2023-06-0914:00来源');
});

test('spaces inside numbers and between Chinese characters (江西, PDF extraction)', () => {
  const src = '到 2030 年，风电、太阳能发电总装机容量 达到 0.6 亿千瓦';
  const n = normalizePlanText(src);
  assert.equal(n.mapped.text, '到2030年，风电、太阳能发电总装机容量达到0.6亿千瓦');
  const at = n.mapped.text.indexOf('0.6亿千瓦');
  const s = toOriginal(n.mapped, at, at + 6);
  assert.equal(src.slice(s.start, s.end), '0.6 亿千瓦');
  assert.equal(normalizePlanText('ESG fund').mapped.text, 'ESG fund');
});

test('a line cut in the middle of a sentence is joined; short title lines are not (岳阳, 石家庄)', () => {
  const wrapped = '加强全民绿色低碳科普教育，开展主题宣传活动，推进绿色低碳“进机关”“进社区”“进企业”\n“进校园”，增强社会公众绿色低碳意识。';
  assert.equal(normalizePlanText(wrapped).mapped.text.split('\n').length, 1);
  assert.equal(normalizePlanText('中共石家庄市委\n石家庄市人民政府').mapped.text, '中共石家庄市委\n石家庄市人民政府');
});

test('a whole document on one line is re-split at headings (广州 corpus file)', () => {
  const text = readFileSync(new URL('../../../../assets/plans/corpus/06_guangzhou.txt', import.meta.url), 'utf8');
  const n = normalizePlanText(text);
  const lines = n.mapped.text.split('\n');
  assert.ok(n.longestLine > 8000);
  assert.ok(n.insertedBreaks >= 40);
  assert.ok(lines.includes('二、主要措施'));
  assert.ok(lines.includes('（一）绿色金融发展能级提升行动。'));
  assert.ok(lines.includes('2024年4月3日'));
  assert.ok(lines.some((l) => l.startsWith('24健全绿色金融约束机制。')));
  assert.ok(lines.some((l) => l.startsWith('1提升绿色金融改革创新先行引领示范作用。')));
});

test('HTML entities and line-break tags of scraped pages', () => {
  assert.equal(normalizePlanText('一、主要目标<br/>到2025年&nbsp;，非化石能源消费比重达到20%').mapped.text, '一、主要目标\n到2025年，非化石能源消费比重达到20%');
});
