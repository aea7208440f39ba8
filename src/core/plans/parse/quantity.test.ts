// Clauses from the plans (file named, normalised form); expected values and qualifiers read by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanQuantities } from './quantity.ts';

function one(clause: string) {
  const q = scanQuantities(clause);
  assert.equal(q.length, 1, `${clause}: ${q.length} quantities`);
  return q[0];
}

test('comparators and qualifiers', () => {
  const cap = one('原煤消费量不超过620万吨'); // 泸州
  assert.deepEqual([cap.value, cap.unit.symbol, cap.qualifier, cap.qualifierText], [620, '万吨', 'not_more_than', '不超过']);
  const above = one('森林覆盖率稳定在30.31%以上'); // 岳阳
  assert.deepEqual([above.value, above.unit.symbol, above.qualifier], [30.31, '%', 'or_more']);
  const within = one('钢铁产能控制在700万吨以内'); // 宁夏
  assert.deepEqual([within.qualifier, within.qualifierText], ['within', '控制在…以内']);
  const about = one('非化石能源消费比重达到31.5%左右'); // 泸州
  assert.deepEqual([about.value, about.qualifier], [31.5, 'about']);
  assert.equal(one('建设约160万千瓦燃机').qualifier, 'about'); // 上海
  assert.equal(one('企业超1000家').qualifier, 'more_than'); // 南京江北
  assert.equal(one('不低于5%').qualifier, 'not_less_than');
});

test('ranges, ratios and doubling', () => {
  const r = one('建成3-5个循环利用产业基地'); // 上海
  assert.deepEqual([r.value, r.valueMax, r.unit.symbol, r.valueText], [3, 5, '个', '3-5']);
  const pue = one('新建数据中心能源利用效率（PUE）不高于1.3'); // 上海
  assert.deepEqual([pue.value, pue.unit.dimension, pue.qualifier], [1.3, 'ratio', 'not_more_than']);
  const d = one('海铁联运箱量翻一番'); // 上海
  assert.deepEqual([d.value, d.unit.symbol, d.doubling], [100, '%', true]);
});

test('numbers that are not quantities', () => {
  assert.deepEqual(scanQuantities('对30万千瓦级和部分60万千瓦级燃煤机组灵活性改造'), []); // 万盛
  assert.deepEqual(scanQuantities('推进叙永兴隆110千伏输变电工程建设'), []); // 泸州
  assert.deepEqual(scanQuantities('（国发〔2021〕23号）'), []);
  assert.deepEqual(scanQuantities('到2025年'), []);
  assert.deepEqual(scanQuantities('推进5G网络建设'), []);
  assert.deepEqual(scanQuantities('合理布局新增和扩建市外清洁能源通道（可再生能源电量比例原则上不低于50%）'), []); // 上海
  assert.deepEqual(scanQuantities('国家“十四五”规划《2030年前碳达峰行动方案》'), []);
});

test('several quantities in order (宁夏 分别下降10%、6%)', () => {
  const q = scanQuantities('单位电石、甲醇生产综合能耗分别下降10%、6%');
  assert.deepEqual(q.map((x) => x.value), [10, 6]);
  const w = scanQuantities('风电、太阳能发电总装机容量达到0.6亿千瓦'); // 江西
  assert.deepEqual([w[0].value, w[0].unit.symbol, w[0].unit.factor], [0.6, '亿千瓦', 1e8]);
});
