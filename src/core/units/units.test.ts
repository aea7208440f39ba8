import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { parseUnit, normaliseUnitText, isKnownUnit } from './parse.ts';
import { convert, valueIn, multiply, divide, sum, quantity, asQuantity, areCompatible, requireCompatible } from './quantity.ts';
import { formatDimension, sameDimension, baseDimension } from './dimensions.ts';

const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('Chinese counting units: 万吨, 亿立方米, 万千瓦时, 亿千瓦时, 万吨标准煤, 万吨CO2e, 万元, 万人', () => {
  close(valueIn({ value: 3, unit: '万吨' }, 't'), 30000);
  close(valueIn({ value: 1.5, unit: '亿立方米' }, 'm3'), 150_000_000);
  close(valueIn({ value: 1.5, unit: '亿立方米' }, '万立方米'), 15000);
  close(valueIn({ value: 2, unit: '万千瓦时' }, 'kWh'), 20000);
  close(valueIn({ value: 1, unit: '亿千瓦时' }, '万千瓦时'), 10000);
  close(valueIn({ value: 0.25, unit: '万吨标准煤' }, 'tce'), 2500);
  close(valueIn({ value: 7, unit: '万吨CO2e' }, 'tCO2e'), 70000);
  close(valueIn({ value: 12, unit: '亿元' }, '万元'), 120000);
  close(valueIn({ value: 455, unit: '万人' }, '人'), 4_550_000);
  close(valueIn({ value: 25, unit: '万千瓦' }, 'MW'), 250);
});

test('energy: 1 kWh = 3.6 MJ; 1 TJ = 1000 GJ; 1 kcal = 4.1868 kJ; 百万千焦 = GJ', () => {
  close(valueIn({ value: 1, unit: 'kWh' }, 'MJ'), 3.6);
  close(valueIn({ value: 1, unit: '万千瓦时' }, 'GJ'), 36);
  close(valueIn({ value: 1, unit: 'TJ' }, 'GJ'), 1000);
  close(valueIn({ value: 7000, unit: 'kcal' }, 'kJ'), 29307.6); // 1 kgce = 7000 kcal = 29 307.6 kJ
  close(valueIn({ value: 1, unit: '百万千焦' }, 'GJ'), 1);
  close(valueIn({ value: 1, unit: '度' }, 'kWh'), 1);
  // the statistics' heat unit: 万百万千焦 = 10⁴ × 10⁶ kJ = 10⁴ GJ; prefixes stack
  close(valueIn({ value: 1, unit: '万百万千焦' }, 'GJ'), 10000);
  close(valueIn({ value: 1, unit: '万吉焦' }, 'GJ'), 10000);
});

test('compound units from the reference data parse and convert', () => {
  // 389.31 GJ/10^4 Nm3 = 38 931 kJ/Nm3 = 38.931 MJ/m3
  close(valueIn({ value: 389.31, unit: 'GJ/10^4 Nm3' }, 'kJ/Nm3'), 38931);
  close(valueIn({ value: 389.31, unit: 'GJ/10⁴Nm³' }, 'MJ/m³'), 38.931);
  close(valueIn({ value: 389.31, unit: 'GJ/万立方米' }, 'GJ/10^4 m3'), 389.31);
  // tC/TJ = 10^-2 tC/GJ as printed in GB/T 32151.x
  close(valueIn({ value: 26.1, unit: 'tC/TJ' }, 'tC/GJ'), 0.0261);
  close(valueIn({ value: 2.61, unit: '10^-2 tC/GJ' }, 'tC/TJ'), 26.1);
  // kgCO2/kWh = tCO2/MWh
  close(valueIn({ value: 0.5306, unit: 'kgCO2/kWh' }, 'tCO2/MWh'), 0.5306);
  // TJ/Gg = GJ/t
  close(valueIn({ value: 26.7, unit: 'TJ/Gg' }, 'GJ/t'), 26.7);
  // 0.1229 kgce/kWh = 1229 tce/10^4... : 1 万千瓦时 × 0.1229 kgce/kWh = 1.229 tce
  close(valueIn({ value: 0.1229, unit: 'kgce/kWh' }, 'tce/万千瓦时'), 1.229);
  close(valueIn({ value: 0.03412, unit: 'kgce/MJ' }, 'kgce/GJ'), 34.12);
  close(valueIn({ value: 12.143, unit: 'tce/10^4 m3' }, 'kgce/m3'), 1.2143);
  close(valueIn({ value: 0.5, unit: 'tce/万元' }, 'kgce/元'), 0.05);
  close(valueIn({ value: 45, unit: '%' }, 'fraction'), 0.45);
  close(valueIn({ value: 15, unit: '亩' }, 'hm2'), 1);
  close(valueIn({ value: 0.5, unit: '吨/万元' }, 'kg/元'), 0.05);
  close(valueIn({ value: 3, unit: '千克标准煤每千瓦时' }, 'kgce/kWh'), 3);
});

test('full-width, superscripts and case are tolerated', () => {
  assert.equal(normaliseUnitText(' 万立方米 '), '万立方米');
  assert.equal(normaliseUnitText('ｔＣＯ₂／ＭＷｈ'), 'tCO2/MWh');
  assert.equal(normaliseUnitText('GJ/10⁴ Nm³'), 'GJ/10^4 Nm3');
  close(valueIn({ value: 1, unit: 'KWH' }, 'kWh'), 1);
  close(valueIn({ value: 1, unit: 'mwh' }, 'kWh'), 1000);
  assert.ok(isKnownUnit('tCO₂e'));
  // ambiguous capitalisations are refused rather than guessed: MT (metric ton? megatonne?)
  assert.equal(isKnownUnit('MT'), false);
  assert.equal(isKnownUnit('Mt'), true);
});

test('dimensions keep CO2, CO2e, carbon and coal equivalent apart', () => {
  for (const [a, b] of [['tCO2', 'tC'], ['tCO2', 'tCO2e'], ['tce', 'GJ'], ['t', 'tce'], ['kWh', 'kgce'], ['m3', 't'], ['tC/TJ', 'tCO2/TJ']]) {
    assert.equal(areCompatible(a, b), false, `${a} vs ${b}`);
    assert.throws(() => convert({ value: 1, unit: a }, b), (e: unknown) => e instanceof DomainError && e.code === 'unit_incompatible');
  }
  assert.ok(sameDimension(parseUnit('GJ/t').dimension, parseUnit('MJ/kg').dimension));
  assert.equal(formatDimension(parseUnit('GJ/t').dimension, 'zh'), '能量/质量');
  assert.equal(formatDimension(parseUnit('%').dimension), 'dimensionless');
  assert.ok(sameDimension(parseUnit('吨').dimension, baseDimension('mass')));
});

test('a missing or unknown unit is an error naming the field', () => {
  assert.throws(() => parseUnit('', 'energyBalance.3.unit'), (e: unknown) => e instanceof DomainError && e.code === 'unit_missing' && e.field === 'energyBalance.3.unit' && /缺少单位/.test(e.zh));
  assert.throws(() => parseUnit(undefined, 'x'), (e: unknown) => e instanceof DomainError && e.code === 'unit_missing');
  assert.throws(() => parseUnit('斤两', 'q.unit'), (e: unknown) => e instanceof DomainError && e.code === 'unit_unknown' && /斤两/.test(e.zh) && /斤两/.test(e.en));
  assert.throws(() => parseUnit('t/m3/s'), (e: unknown) => e instanceof DomainError && e.code === 'unit_unknown');
  assert.throws(() => asQuantity({ value: 3 }, 'rows.0.amount'), (e: unknown) => e instanceof DomainError && e.field === 'rows.0.amount.unit');
  assert.throws(() => quantity(Number.NaN, 't', 'a'), (e: unknown) => e instanceof DomainError && e.code === 'value_invalid');
  assert.throws(() => requireCompatible({ value: 1, unit: '万吨' }, 'm3', 'fuel'), (e: unknown) => e instanceof DomainError && /万吨/.test(e.zh));
});

test('multiply / divide follow dimensions: 1 t 烟煤 × 19.57 GJ/t = 19.57 GJ; 2 500 tce ÷ 5 000 万元', () => {
  close(multiply({ value: 1, unit: 't' }, { value: 19.57, unit: 'GJ/t' }, 'GJ').value, 19.57);
  // 2 万立方米 × 389.31 GJ/10^4 Nm3 = 778.62 GJ
  close(multiply({ value: 2, unit: '万立方米' }, { value: 389.31, unit: 'GJ/10^4 Nm3' }, 'GJ').value, 778.62);
  close(divide({ value: 2500, unit: 'tce' }, { value: 5000, unit: '万元' }, 'tce/万元').value, 0.5);
  assert.throws(() => multiply({ value: 1, unit: 't' }, { value: 1, unit: 'GJ/m3' }, 'GJ'), (e: unknown) => e instanceof DomainError && e.code === 'unit_incompatible');
  assert.throws(() => divide({ value: 1, unit: 'tce' }, { value: 0, unit: '万元' }, 'tce/万元'), (e: unknown) => e instanceof DomainError && e.code === 'division_by_zero');
  close(sum([{ value: 1, unit: '万吨' }, { value: 500, unit: 't' }], 't').value, 10500);
  assert.equal(sum([], 'tCO2').value, 0);
});
