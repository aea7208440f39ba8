// Hand-checked expectations: unit factors follow the SI/Chinese magnitudes (万 = 1e4, 亿 = 1e8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertValue, parseMeasureUnit, readMeasureUnit } from './measures.ts';

test('magnitude + base unit: 亿千瓦, 万吨标准煤, 万辆', () => {
  assert.deepEqual(parseMeasureUnit('亿千瓦'), { symbol: '亿千瓦', dimension: 'power', factor: 1e8 });
  assert.deepEqual(parseMeasureUnit('万吨标准煤'), { symbol: '万吨标准煤', dimension: 'energy_sce', factor: 1e4 });
  assert.deepEqual(parseMeasureUnit('万辆'), { symbol: '万辆', dimension: 'count', factor: 1e4 });
  assert.equal(parseMeasureUnit('千瓦时')?.dimension, 'electricity');
  assert.equal(parseMeasureUnit('千瓦')?.factor, 1);
});

test('江西 0.6 亿千瓦 = 6000 万千瓦; 宁夏 50GW = 5000 万千瓦', () => {
  const wan = parseMeasureUnit('万千瓦')!;
  assert.equal(convertValue(0.6, parseMeasureUnit('亿千瓦')!, wan), 6000);
  assert.equal(convertValue(50, parseMeasureUnit('GW')!, wan), 5000);
  assert.equal(convertValue(9, parseMeasureUnit('亿立方米')!, parseMeasureUnit('万立方米')!), 90000);
});

test('incompatible dimensions do not convert', () => {
  assert.equal(convertValue(5, parseMeasureUnit('%')!, parseMeasureUnit('万千瓦')!), null);
});

test('units read after a number; voltages and unknown words are not units', () => {
  assert.deepEqual(readMeasureUnit('392吨/日的医废', 3), { unit: { symbol: '吨/日', dimension: 'mass_rate', factor: 365 }, length: 3 });
  assert.equal(readMeasureUnit('110千伏输变电', 3), null);
  assert.equal(readMeasureUnit('5类', 1), null);
  assert.equal(readMeasureUnit('3个百分点', 1)?.unit.dimension, 'percentage_point');
  assert.equal(readMeasureUnit('300克/千瓦时', 3)?.unit.symbol, '克/千瓦时');
  assert.equal(parseMeasureUnit(''), parseMeasureUnit(''));
  assert.equal(parseMeasureUnit('')?.dimension, 'ratio');
});
