import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitInEnglish } from './english.ts';

// Expected spellings written by hand: 万 = 10⁴, 亿 = 10⁸ (the counting units), the table's symbols otherwise.
test('Chinese units in English notation', () => {
  assert.equal(unitInEnglish('万吨'), '10⁴ t');
  assert.equal(unitInEnglish('吨标准煤/万元'), 'tce/10⁴ yuan');
  assert.equal(unitInEnglish('亿千瓦时'), '10⁸ kWh');
  assert.equal(unitInEnglish('万吨二氧化碳'), '10⁴ tCO₂');
  assert.equal(unitInEnglish('亿立方米'), '10⁸ m³');
  assert.equal(unitInEnglish('万百万千焦'), '10¹⁰ kJ');
  assert.equal(unitInEnglish('家'), 'units');
});

test('English units and unknown units stay as written', () => {
  assert.equal(unitInEnglish('%'), '%');
  assert.equal(unitInEnglish('kWh'), 'kWh');
  assert.equal(unitInEnglish('奇怪单位'), '奇怪单位');
  assert.equal(unitInEnglish('万吨/奇怪'), '万吨/奇怪');
  assert.equal(unitInEnglish(null), '');
});
