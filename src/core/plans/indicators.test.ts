// Hand-checked: each phrase below is copied from a plan (file named in the test) and the expected code
// is the catalogue indicator that phrase means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { getIndicator, INDICATORS, matchIndicator } from './indicators.ts';
import { parseMeasureUnit } from './measures.ts';

test('catalogue integrity: unique codes, parseable units, synonyms, kinds, rateOf links', () => {
  const codes = new Set<string>();
  for (const i of INDICATORS) {
    assert.ok(!codes.has(i.code), `duplicate ${i.code}`);
    codes.add(i.code);
    assert.ok(parseMeasureUnit(i.unit), `${i.code} unit ${i.unit}`);
    assert.ok(i.synonyms.length > 0 && i.kinds.length > 0 && i.computedFrom.length > 0, i.code);
    assert.ok(i.zh && i.en, i.code);
    if (i.rateOf) assert.ok(getIndicator(i.rateOf), `${i.code} rateOf`);
  }
  assert.ok(INDICATORS.length >= 50);
});

test('the indicators named in the platform brief are in the catalogue', () => {
  for (const code of ['energy_intensity_reduction', 'carbon_intensity_reduction', 'non_fossil_share', 'coal_consumption', 'coal_share',
    'renewable_power_consumption_share', 'new_energy_capacity', 'forest_coverage', 'forest_stock', 'green_building_share',
    'prefab_building_share', 'nev_share', 'msw_resource_recovery', 'data_centre_pue']) {
    assert.ok(getIndicator(code), code);
  }
  assert.equal(getIndicator('data_centre_pue')?.direction, 'lower_better');
  assert.equal(getIndicator('forest_coverage')?.aggregation, 'ratio_of_sums');
});

test('phrasings of the seeds and corpus', () => {
  const cases: Array<[string, string]> = [
    ['单位地区生产总值能源消费', 'energy_intensity'], // 万盛
    ['单位生产总值能源消耗', 'energy_intensity'], // 泸州
    ['非化石能源占能源消费总量比重', 'non_fossil_share'], // 上海
    ['非化石能源消费占比', 'non_fossil_share'], // 成都
    ['营运交通工具单位换算周转量碳排放强度', 'transport_carbon_intensity'], // 泸州
    ['营运车辆单位周转量二氧化碳排放量下降率', 'transport_carbon_intensity'], // 岳阳
    ['风电、太阳能发电总装机容量', 'wind_solar_capacity'], // 江西
    ['原煤消费量', 'coal_consumption'], // 泸州
    ['全市森林覆盖率', 'forest_coverage'], // 泸州
    ['单位GDP煤炭消耗', 'coal_intensity'], // 宁夏
    ['新能源发电装机容量', 'new_energy_capacity'], // 宁夏
    ['非水可再生能源电力消纳比重', 'non_hydro_renewable_power_share'], // 宁夏
    ['绿色建材在新建建筑中的应用比例', 'green_building_materials_share'], // 万盛
    ['装配式建筑占同期新开工建筑面积比重', 'prefab_building_share'], // 宁夏
    ['生活垃圾资源化比例', 'msw_resource_recovery'], // 岳阳
    ['活立木蓄积量', 'standing_timber_stock'], // 江西
  ];
  for (const [phrase, code] of cases) assert.equal(matchIndicator(phrase)?.indicator.code, code, phrase);
});

test('kind and unit steer the match', () => {
  assert.equal(matchIndicator('单位地区生产总值能耗', { kind: 'reduction' })?.indicator.code, 'energy_intensity_reduction');
  assert.equal(matchIndicator('单位地区生产总值二氧化碳排放', { kind: 'reduction' })?.indicator.code, 'carbon_intensity_reduction');
  assert.equal(matchIndicator('新建数据中心能源利用效率（PUE）', { unit: '' })?.indicator.code, 'data_centre_pue');
  // A percentage is not a PUE value.
  assert.notEqual(matchIndicator('能源利用效率', { unit: '%' })?.indicator.code, 'data_centre_pue');
  // 大宗固体废物年利用量 in 万吨 is the amount, not the rate.
  assert.equal(matchIndicator('大宗固体废物年利用量', { unit: '万吨' })?.indicator.code, 'bulk_solid_waste_utilised');
});

test('no match and bad input', () => {
  assert.equal(matchIndicator('智慧农业示范点'), null);
  assert.equal(matchIndicator(''), null);
  assert.throws(() => matchIndicator(42 as unknown as string), (e: unknown) => e instanceof DomainError && e.field === 'phrase');
});
