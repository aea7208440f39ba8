// Sentences from the plans (file named); expected years and kinds read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseNumeralValue, fiveYearPlan, parseChineseDate } from './numbers.ts';
import { scanYears } from './years.ts';

test('Chinese numerals', () => {
  assert.equal(chineseNumeralValue('十二'), 12);
  assert.equal(chineseNumeralValue('二十三'), 23);
  assert.equal(chineseNumeralValue('一百零五'), 105);
  assert.equal(chineseNumeralValue('二〇二三'), 2023);
  assert.ok(Number.isNaN(chineseNumeralValue('甲')));
});

test('five-year plans: 十四五 = 2021–2025, 十五五 ends 2030, 十六五 ends 2035', () => {
  assert.deepEqual(fiveYearPlan('十四五'), { from: 2021, to: 2025 });
  assert.deepEqual(fiveYearPlan('十五五'), { from: 2026, to: 2030 });
  assert.deepEqual(fiveYearPlan('十六五'), { from: 2031, to: 2035 });
  assert.equal(fiveYearPlan('十五'), null);
});

test('dates', () => {
  assert.equal(parseChineseDate('2023年5月26日'), '2023-05-26');
  assert.equal(parseChineseDate('二〇二二年二月十五日'), '2022-02-15');
  assert.equal(parseChineseDate('2023年2月30日'), null);
});

test('target year and base year (万盛)', () => {
  const m = scanYears('到2025年，单位地区生产总值能源消费比2020年下降16%');
  assert.deepEqual(m.map((x) => [x.kind, x.year]), [['by', 2025], ['base', 2020]]);
});

test('periods, strength, start years, dates and book titles', () => {
  const p = scanYears('“十四五”期间，全市集装箱铁水联运年均增长率达到15%'); // 泸州
  assert.deepEqual(p.map((x) => [x.kind, x.year, x.from]), [['period', 2025, 2021]]);
  const s = scanYears('力争到2025年，与碳达峰相适应的绿色金融服务体系更加优化'); // 广州
  assert.equal(s[0].strength, 'strive');
  assert.equal(scanYears('2022 年起新建公共建筑'.replace(/ /g, ''))[0].kind, 'from'); // 上海
  assert.equal(scanYears('2023年5月26日')[0].kind, 'date');
  assert.deepEqual(scanYears('根据《2030年前碳达峰行动方案》'), []);
  assert.equal(scanYears('“十五五”末进入峰值平台期')[0].kind, 'by');
  assert.equal(scanYears('2030年前碳达峰')[0].year, 2030);
});

test('two adjacent periods make one (上海: “十四五”和“十五五”期间累计完成…)', () => {
  const m = scanYears('“十四五”和“十五五”期间累计完成既有建筑节能改造8000万平方米以上');
  assert.deepEqual(m.map((x) => [x.kind, x.year, x.from]), [['period', 2030, 2021]]);
});
