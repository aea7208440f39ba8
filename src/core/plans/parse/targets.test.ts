// Target sentences copied from the plans (file named; normalised form: no PDF spaces, Chinese commas).
// Every expected field was read by hand from the sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTargets, type FoundTarget } from './targets.ts';

function targets(text: string): FoundTarget[] {
  return extractTargets([{ text, start: 0, section: '', main: false, taskId: null }]);
}
function pick(t: FoundTarget) {
  return { code: t.indicatorCode, year: t.year, value: t.value, unit: t.unit, qualifier: t.qualifier, strength: t.strength, kind: t.kind,
    base: t.baselineYear };
}

test('万盛 main targets: reduction against 2020; the elliptical CO2 clause is the intensity, deferred to 重庆市', () => {
  const t = targets('到2025年，单位地区生产总值能源消费比2020年下降16%，二氧化碳排放完成重庆市下达目标，非化石能源消费比重稳步提升，为全区如期实现碳达峰奠定坚实基础。');
  assert.deepEqual(t.map(pick), [
    { code: 'energy_intensity_reduction', year: 2025, value: 16, unit: '%', qualifier: 'exact', strength: 'plain', kind: 'reduction', base: 2020 },
    { code: 'carbon_intensity_reduction', year: 2025, value: null, unit: null, qualifier: 'exact', strength: 'plain', kind: 'reduction', base: 2020 },
  ]);
  assert.equal(t[0].baselineInferred, false);
  assert.equal(t[0].quote, '单位地区生产总值能源消费比2020年下降16%');
  assert.deepEqual([t[1].indicatorPhrase, t[1].deferredTo], ['单位地区生产总值二氧化碳排放', 'higher_level']);
});

test('泸州 main targets: five in one sentence, base year inferred for the reductions', () => {
  const t = targets('到2025年，风电总装机容量达到25万千瓦，非化石能源消费比重达到31.5%左右，单位生产总值能源消耗下降14.5%，单位地区生产总值二氧化碳排放下降19.5%，全市森林覆盖率达到46.4%，为实现碳达峰奠定坚实基础。');
  assert.deepEqual(t.map(pick), [
    { code: 'wind_capacity', year: 2025, value: 25, unit: '万千瓦', qualifier: 'exact', strength: 'plain', kind: 'level', base: null },
    { code: 'non_fossil_share', year: 2025, value: 31.5, unit: '%', qualifier: 'about', strength: 'plain', kind: 'share', base: null },
    { code: 'energy_intensity_reduction', year: 2025, value: 14.5, unit: '%', qualifier: 'exact', strength: 'plain', kind: 'reduction', base: 2020 },
    { code: 'carbon_intensity_reduction', year: 2025, value: 19.5, unit: '%', qualifier: 'exact', strength: 'plain', kind: 'reduction', base: 2020 },
    { code: 'forest_coverage', year: 2025, value: 46.4, unit: '%', qualifier: 'exact', strength: 'plain', kind: 'level', base: null },
  ]);
  assert.ok(t[2].baselineInferred);
});

test('宁夏: one sentence, two subjects, two values (分别下降10%、6%)', () => {
  const t = targets('到2025年，不再新增焦化、电石、煤制甲醇产能，单位电石、甲醇生产综合能耗分别下降10%、6%；到2030年，化工行业能效达到国内先进水平。');
  assert.deepEqual(t.map((x) => [x.indicatorPhrase, x.value, x.kind, x.year]), [['单位电石生产综合能耗', 10, 'reduction', 2025], ['单位甲醇生产综合能耗', 6, 'reduction', 2025]]);
});

test('江西: 分别 with a base year', () => {
  const t = targets('到2030年，营运车辆、船舶单位换算周转量碳排放强度比2020年分别下降10%、5%。');
  assert.deepEqual(t.map((x) => [x.indicatorCode, x.indicatorPhrase, x.value, x.baselineYear]), [
    ['transport_carbon_intensity', '营运车辆单位换算周转量碳排放强度', 10, 2020], ['transport_carbon_intensity', '船舶单位换算周转量碳排放强度', 5, 2020]]);
});

test('上海: five-year period, 2005 base year, 力争 inside the clause', () => {
  const p = targets('“十四五”期间本市煤炭消费总量下降5%左右，煤炭消费占一次能源消费比重下降到30%以下。');
  assert.deepEqual(p.map(pick), [
    { code: 'coal_consumption', year: 2025, value: 5, unit: '%', qualifier: 'about', strength: 'plain', kind: 'reduction', base: 2020 },
    { code: 'coal_share', year: 2025, value: 30, unit: '%', qualifier: 'or_less', strength: 'plain', kind: 'share', base: null },
  ]);
  const m = targets('到2030年，非化石能源占能源消费总量比重力争达到25%，单位生产总值二氧化碳排放比2005年下降70%，确保2030年前实现碳达峰。');
  assert.deepEqual(m.map(pick), [
    { code: 'non_fossil_share', year: 2030, value: 25, unit: '%', qualifier: 'exact', strength: 'strive', kind: 'share', base: null },
    { code: 'carbon_intensity_reduction', year: 2030, value: 70, unit: '%', qualifier: 'exact', strength: 'plain', kind: 'reduction', base: 2005 },
  ]);
});

test('江西: subject carried to the next year; 亿 scaled to the catalogue unit', () => {
  const t = targets('到2025年，城乡生活垃圾分类闭环体系基本建成，城镇生活垃圾资源化利用率提升至60%左右，到2030年提升至70%。');
  assert.deepEqual(t.map((x) => [x.indicatorCode, x.year, x.value, x.qualifier]), [['msw_resource_recovery', 2025, 60, 'about'], ['msw_resource_recovery', 2030, 70, 'exact']]);
  const w = targets('到2030年，风电、太阳能发电总装机容量达到0.6亿千瓦，生物质发电装机容量力争达到150万千瓦左右。');
  assert.deepEqual(w.map((x) => [x.indicatorCode, x.value, x.unit, x.valueAsWritten, x.unitAsWritten, x.strength]), [
    ['wind_solar_capacity', 6000, '万千瓦', '0.6', '亿千瓦', 'plain'], ['biomass_power_capacity', 150, '万千瓦', '150', '万千瓦', 'strive']]);
});

test('岳阳: generic subject completed from the clause before; values deferred to the higher level', () => {
  const t = targets('到2025年，全区非化石能源消费比例逐步提升，比重达到20%左右，单位地区生产总值能耗下降率、单位地区生产总值二氧化碳排放下降率完成岳阳市下达目标任务，森林覆盖率稳定在30.31%以上。');
  assert.deepEqual(t.map((x) => [x.indicatorCode, x.value, x.deferredTo, x.kind]), [
    ['non_fossil_share', 20, null, 'share'], ['energy_intensity_reduction', null, 'higher_level', 'reduction'],
    ['carbon_intensity_reduction', null, 'higher_level', 'reduction'], ['forest_coverage', 30.31, null, 'level']]);
});

test('counted objects (万盛, 上海) and a standing requirement without a year (泸州)', () => {
  assert.deepEqual(targets('到2025年，建设智能工厂5个、数字化车间17个，规上工业单位增加值能耗比2020年下降14.5%。').map((x) => [x.indicatorPhrase, x.value, x.unit]),
    [['智能工厂', 5, '个'], ['数字化车间', 17, '个'], ['规上工业单位增加值能耗', 14.5, '%']]);
  assert.deepEqual(targets('到2025年，建设10个碳中和相关领域的重点实验室和5个绿色技术创新中心。').map((x) => [x.indicatorPhrase, x.value]),
    [['碳中和相关领域的重点实验室', 10], ['绿色技术创新中心', 5]]);
  const pue = targets('加快既有数据中心升级改造，力争能源效率指标值不超过1.5。');
  assert.deepEqual(pue.map(pick), [{ code: 'data_centre_pue', year: null, value: 1.5, unit: '', qualifier: 'not_more_than', strength: 'strive', kind: 'cap', base: null }]);
});

test('上海: elliptical subject completed from the previous one; a start year clears the year', () => {
  const t = targets('到2025年，全市生活垃圾回收利用率达到45%、资源化利用率达到85%以上，全面实现原生生活垃圾零填埋。');
  assert.deepEqual(t.map((x) => [x.indicatorCode, x.indicatorPhrase, x.value]), [['msw_recycling_rate', '生活垃圾回收利用率', 45], ['msw_resource_recovery', '生活垃圾资源化利用率', 85]]);
  const s = targets('到2030年，进一步提升到15%。推进适宜的新建建筑安装光伏，2022年起新建政府机关、学校、工业厂房等建筑屋顶安装光伏的面积比例不低于50%。');
  assert.ok(s.every((x) => !(x.year === 2030 && x.value === 50)));
});

test('annual growth and cumulative totals (泸州, 上海)', () => {
  const a = targets('“十四五”期间，全市集装箱铁水联运年均增长率达到15%。');
  assert.deepEqual(a.map((x) => [x.year, x.value, x.kind, x.annual, x.baselineYear]), [[2025, 15, 'increase', true, 2020]]);
  const c = targets('“十四五”期间新建各类充电桩20万个，到2025年，港口泊位配备岸电设备实现全覆盖。');
  assert.deepEqual(c.map((x) => [x.indicatorCode, x.value, x.unit, x.kind, x.baselineYear]), [['public_charging_points', 200000, '个', 'cumulative', 2020]]);
});

test('forms of other plans: a colon between indicator and value; a base value 由…的…提高到', () => {
  const c = targets('到2025年，主要指标如下：非化石能源消费比重：20%左右；单位地区生产总值能耗：比2020年下降14%。');
  assert.deepEqual(c.map((x) => [x.indicatorCode, x.value, x.qualifier, x.kind, x.baselineYear]), [
    ['non_fossil_share', 20, 'about', 'share', null], ['energy_intensity_reduction', 14, 'exact', 'reduction', 2020]]);
  const b = targets('到2025年，非化石能源消费比重由2020年的17.6%提高到2025年的20%。');
  assert.deepEqual(b.map((x) => [x.indicatorCode, x.year, x.value, x.baselineYear, x.baselineValue, x.kind]), [['non_fossil_share', 2025, 20, 2020, 17.6, 'share']]);
});
