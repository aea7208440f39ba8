// Hand-checked cases. The higher plan is modelled on the 泸州 plan's 主要目标 (assets/plans: luzhou-2024.txt,
// “单位生产总值能源消耗下降14.5%”, “非化石能源消费比重达到31.5%左右”, “原煤消费量不超过620万吨”, “森林覆盖率达到46.4%”,
// “风电总装机容量达到25万千瓦”); each lower target below is chosen so the expected verdict follows from the rule
// in the file comment of consistency.ts by reading the two numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency, describeTarget, type ConsistencyTarget } from './consistency.ts';

const t = (p: Partial<ConsistencyTarget> & Pick<ConsistencyTarget, 'ref' | 'indicatorCode' | 'kind'>): ConsistencyTarget => ({
  indicatorName: p.indicatorCode ?? '', year: 2025, value: null, unit: '%', main: true, ...p,
});

const city = [
  t({ ref: 'T3', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', value: 14.5, baselineYear: 2020 }),
  t({ ref: 'T2', indicatorCode: 'non_fossil_share', kind: 'share', value: 31.5, qualifier: 'about' }),
  t({ ref: 'T11', indicatorCode: 'coal_consumption', kind: 'cap', value: 620, unit: '万吨', qualifier: 'not_more_than', main: false }),
  t({ ref: 'T5', indicatorCode: 'forest_coverage', kind: 'level', value: 46.4 }),
  t({ ref: 'T1', indicatorCode: 'wind_capacity', kind: 'level', value: 25, unit: '万千瓦' }),
  t({ ref: 'T16', indicatorCode: 'data_centre_pue', kind: 'cap', value: 1.5, unit: '', year: 2030, main: false }),
  // skipped: deferred by the city itself, and a target without a catalogue indicator
  t({ ref: 'T8', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', year: 2030, value: null, deferred: true }),
  t({ ref: 'T19', indicatorCode: null, kind: 'increase', value: 15, annual: true }),
];

const find = (fs: ReturnType<typeof checkConsistency>, code: string) => fs.find((f) => f.indicatorCode === code)!;

test('a district promising less than the city is flagged; equal or more is consistent', () => {
  const district = [
    t({ ref: 'A', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', value: 13, baselineYear: 2020 }), // 13 < 14.5
    t({ ref: 'B', indicatorCode: 'non_fossil_share', kind: 'share', value: 30 }), // 30 < 31.5 (higher is better)
    t({ ref: 'C', indicatorCode: 'coal_consumption', kind: 'cap', value: 0.07, unit: '亿吨' }), // 0.07 亿吨 = 700 万吨 > 620
    t({ ref: 'D', indicatorCode: 'forest_coverage', kind: 'level', value: 47 }), // 47 > 46.4
    t({ ref: 'E', indicatorCode: 'data_centre_pue', kind: 'cap', value: 1.6, unit: '', year: 2030 }), // PUE cap 1.6 > 1.5
  ];
  const fs = checkConsistency(city, district);
  // six findings: T3, T2, T11, T5, T1, T16 (T8 deferred and T19 without indicator are skipped)
  assert.deepEqual(fs.map((f) => f.higher.ref), ['T3', 'T2', 'T11', 'T5', 'T1', 'T16']);
  const ei = find(fs, 'energy_intensity_reduction');
  assert.deepEqual([ei.status, ei.flagged, ei.lower?.ref], ['weaker', true, 'A']);
  assert.equal(ei.reasonZh, '降幅小于上级要求（上级：下降14.5%；本级：下降13%）');
  assert.match(ei.reasonEn, /smaller reduction/);
  assert.deepEqual([find(fs, 'non_fossil_share').status, find(fs, 'non_fossil_share').flagged], ['weaker', true]);
  const coal = find(fs, 'coal_consumption');
  assert.deepEqual([coal.status, coal.flagged], ['weaker', true]);
  assert.match(coal.reasonZh, /本级上限高于上级总量上限/);
  assert.deepEqual([find(fs, 'forest_coverage').status, find(fs, 'forest_coverage').flagged], ['consistent', false]);
  assert.match(find(fs, 'forest_coverage').reasonZh, /^高于上级要求/);
  assert.deepEqual([find(fs, 'data_centre_pue').status, find(fs, 'data_centre_pue').flagged], ['weaker', true]);
  // wind capacity is a total (aggregation sum): the district is a part of it, missing is not a flag
  const wind = find(fs, 'wind_capacity');
  assert.deepEqual([wind.status, wind.flagged, wind.lower], ['missing', false, null]);
  assert.match(wind.reasonZh, /总量指标/);
});

test('equal values, stronger values, deferred targets and caps within the total are not flagged', () => {
  const district = [
    t({ ref: 'A', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', value: 14.5, baselineYear: 2020 }),
    t({ ref: 'B', indicatorCode: 'non_fossil_share', kind: 'share', year: null, value: null, deferred: true }), // 完成市下达目标
    t({ ref: 'C', indicatorCode: 'coal_consumption', kind: 'cap', value: 100, unit: '万吨' }), // 100 ≤ 620
    t({ ref: 'D', indicatorCode: 'forest_coverage', kind: 'level', value: 46.4 }),
    t({ ref: 'E', indicatorCode: 'wind_capacity', kind: 'level', value: 5, unit: '万千瓦' }),
    t({ ref: 'F', indicatorCode: 'data_centre_pue', kind: 'cap', value: 1.3, unit: '', year: 2030 }), // 1.3 < 1.5
  ];
  const fs = checkConsistency(city, district);
  assert.deepEqual(fs.map((f) => [f.higher.ref, f.status, f.flagged]), [
    ['T3', 'consistent', false], ['T2', 'follows_higher', false], ['T11', 'consistent', false], ['T5', 'consistent', false],
    ['T1', 'not_comparable', false], ['T16', 'consistent', false],
  ]);
  assert.equal(find(fs, 'energy_intensity_reduction').reasonZh, '与上级目标一致（上级：下降14.5%；本级：下降14.5%）');
  assert.equal(find(fs, 'non_fossil_share').statusZh, '执行上级下达目标');
});

test('a later or missing target the city has is flagged; a missing non-main target only noted', () => {
  const district = [
    t({ ref: 'A', indicatorCode: 'forest_coverage', kind: 'level', year: 2030, value: 47 }), // only for 2030, the city asks 2025
    t({ ref: 'B', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', year: 2027, value: 16, baselineYear: 2020 }),
    t({ ref: 'C', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', year: 2030, value: 20, baselineYear: 2020 }),
  ];
  const fs = checkConsistency(city, district);
  const forest = find(fs, 'forest_coverage');
  assert.deepEqual([forest.status, forest.flagged, forest.lower?.ref], ['later', true, 'A']);
  assert.equal(forest.reasonZh, '上级要求2025年达到46.4%，本级仅在2030年设置该目标');
  assert.equal(find(fs, 'energy_intensity_reduction').lower?.ref, 'B'); // the earliest later one (2027)
  // non_fossil_share is a main target and a share: missing ⇒ flagged
  assert.deepEqual([find(fs, 'non_fossil_share').status, find(fs, 'non_fossil_share').flagged], ['missing', true]);
  // coal_consumption (not main in the city plan) missing ⇒ noted, not flagged
  const coal = find(fs, 'coal_consumption');
  assert.deepEqual([coal.status, coal.flagged], ['missing', false]);
  // data_centre_pue is not main either
  assert.deepEqual([find(fs, 'data_centre_pue').status, find(fs, 'data_centre_pue').flagged], ['missing', false]);
});

test('different base years, annual rates and kinds are not compared', () => {
  const higher = [
    t({ ref: 'H1', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', value: 14.5, baselineYear: 2020 }),
    t({ ref: 'H2', indicatorCode: 'non_fossil_share', kind: 'share', value: 31.5 }),
    t({ ref: 'H3', indicatorCode: 'carbon_intensity_reduction', kind: 'reduction', value: 19.5, baselineYear: 2020 }),
  ];
  const lower = [
    t({ ref: 'L1', indicatorCode: 'energy_intensity_reduction', kind: 'reduction', value: 3, baselineYear: 2024 }),
    t({ ref: 'L2', indicatorCode: 'non_fossil_share', kind: 'increase', value: 2 }), // “提高2个百分点” style
    t({ ref: 'L3', indicatorCode: 'carbon_intensity_reduction', kind: 'reduction', value: 4, annual: true, baselineYear: 2020 }),
  ];
  const fs = checkConsistency(higher, lower);
  assert.deepEqual(fs.map((f) => [f.status, f.flagged]), [['not_comparable', false], ['not_comparable', false], ['not_comparable', false]]);
  assert.match(fs[0].reasonZh, /^基准年不同（上级2020年，本级2024年）/);
  assert.match(fs[1].reasonZh, /^目标表述方式不同/);
  assert.match(fs[2].reasonZh, /^一为年均/);
});

test('of several statements of one lower target the best counts; of several higher ones the main one', () => {
  const higher = [
    t({ ref: 'H0', indicatorCode: 'forest_coverage', kind: 'level', value: 46.5, main: false }),
    t({ ref: 'H1', indicatorCode: 'forest_coverage', kind: 'level', value: 46.4 }),
  ];
  const lower = [
    t({ ref: 'L1', indicatorCode: 'forest_coverage', kind: 'level', value: 45 }),
    t({ ref: 'L2', indicatorCode: 'forest_coverage', kind: 'level', value: 46.4 }),
  ];
  const [f] = checkConsistency(higher, lower);
  assert.deepEqual([f.higher.ref, f.lower?.ref, f.status], ['H1', 'L2', 'consistent']);
  // a lower-better level (energy intensity 0.50 吨标准煤/万元): 0.55 is weaker
  const [g] = checkConsistency(
    [t({ ref: 'H', indicatorCode: 'energy_intensity', kind: 'level', value: 0.5, unit: '吨标准煤/万元' })],
    [t({ ref: 'L', indicatorCode: 'energy_intensity', kind: 'level', value: 0.55, unit: '吨标准煤/万元' })],
  );
  assert.deepEqual([g.status, g.flagged], ['weaker', true]);
  assert.match(g.reasonZh, /越低越好/);
});

test('describeTarget writes the target as the plans do', () => {
  assert.deepEqual(describeTarget(city[0]), { zh: '下降14.5%', en: 'reduce by 14.5 %' });
  assert.deepEqual(describeTarget(city[1]), { zh: '达到31.5%左右', en: 'reach 31.5 % (about)' });
  assert.deepEqual(describeTarget(city[2]), { zh: '不超过620万吨', en: 'at most 620 10⁴ t' });
  assert.equal(describeTarget(t({ ref: 'x', indicatorCode: 'natural_gas_output', kind: 'level', value: 50, unit: '亿立方米', strength: 'strive' })).zh, '力争达到50亿立方米');
  assert.equal(describeTarget(t({ ref: 'x', indicatorCode: 'green_factories', kind: 'level', value: 15, unit: '家', qualifier: 'or_more' })).zh, '达到15家以上');
  assert.equal(describeTarget(t({ ref: 'x', indicatorCode: 'forest_coverage', kind: 'level', value: 46, qualifier: 'not_less_than' })).zh, '不低于46%');
  assert.equal(describeTarget(t({ ref: 'x', indicatorCode: null, kind: 'increase', value: 15, annual: true })).zh, '年均增长15%');
  assert.equal(describeTarget(city[6]).zh, '完成上级下达目标');
});
