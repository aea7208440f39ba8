import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addFactors, seedFactorSet } from '../factors/index.ts';
import { prng, type Prng } from '../units/prng.ts';
import { computeRegionalInventory } from './inventory.ts';
import { computeEnterpriseReport } from './enterprise.ts';

const seed = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const set = addFactors(seed, [
  { kind: 'forest.wood_density', key: 'sp', series: 'test', value: 0.45, unit: 't/m3', sources: ['test'] },
  { kind: 'forest.bef', key: 'sp', series: 'test', value: 1.4, unit: '1', sources: ['test'] },
  { kind: 'forest.root_shoot', key: 'sp', series: 'test', value: 0.22, unit: '1', sources: ['test'] },
]);
const SECTORS = ['agriculture', 'industry', 'construction', 'transport', 'commerce', 'otherServices', 'residentialUrban', 'residentialRural'];
const FUELS: [string, string][] = [['原煤', '万吨'], ['焦炭', 't'], ['汽油', '万吨'], ['柴油', 't'], ['液化石油气', 't'], ['天然气', '万立方米'], ['燃料油', '万吨']];
const q = (value: number, unit: string) => ({ value, unit });

/** A random but valid regional balance; every extensive quantity is multiplied by k. */
function randomBalance(r: Prng, k: number) {
  const rows: unknown[] = [];
  const x = (v: number) => v * k;
  const fuels = FUELS.filter(() => r.next() < 0.7);
  if (!fuels.some(([f]) => f === '原煤')) fuels.unshift(FUELS[0]);
  for (const [fuel, unit] of fuels) {
    rows.push({ fuel, flow: 'inflow', amount: q(x(r.range(50, 500)), unit) });
    if (r.next() < 0.4) rows.push({ fuel, flow: 'stockChange', amount: q(x(r.range(-10, 10)), unit) });
    if (fuel === '原煤') rows.push({ fuel, flow: 'transformationInput', process: 'thermalPower', amount: q(x(r.range(20, 200)), unit) });
    const sectors = SECTORS.filter(() => r.next() < 0.5);
    for (const sector of sectors.length ? sectors : ['industry']) {
      const fin = r.range(1, 100);
      rows.push({ fuel, flow: 'final', sector, amount: q(x(fin), unit) });
      if (sector === 'industry' && r.next() < 0.3) rows.push({ fuel, flow: 'finalNonEnergy', sector, amount: q(x(fin * r.range(0, 0.5)), unit) });
    }
    if (r.next() < 0.5) rows.push({ fuel, flow: 'loss', amount: q(x(r.range(0, 5)), unit) });
  }
  rows.push({ fuel: '电力', flow: 'inflow', amount: q(x(r.range(10, 80)), '亿千瓦时') });
  rows.push({ fuel: '电力', flow: 'outflow', amount: q(x(r.range(0, 8)), '亿千瓦时') });
  for (const sector of ['industry', 'residentialUrban', 'commerce']) rows.push({ fuel: '电力', flow: 'final', sector, amount: q(x(r.range(5, 60)), '亿千瓦时') });
  rows.push({ fuel: '热力', flow: 'transformationOutput', process: 'thermalPower', amount: q(x(r.range(10, 100)), '万百万千焦') });
  rows.push({ fuel: '热力', flow: 'final', sector: 'industry', amount: q(x(r.range(10, 100)), '万百万千焦') });
  rows.push({ fuel: '热力', flow: 'inflow', amount: q(x(r.range(0, 5)), '万百万千焦') });
  return {
    schema: 'shuangtan.regional-balance/1',
    region: { code: '430000-PROP', name: 'p' },
    year: r.pick([2021, 2022, 2023]),
    energyBalance: rows,
    generation: [{ source: 'coal', amount: q(x(r.range(5, 60)), '亿千瓦时') }, { source: 'hydro', amount: q(x(r.range(0, 30)), '亿千瓦时') }, { source: 'wind', amount: q(x(r.range(0, 10)), '亿千瓦时') }],
    electricityImportNonFossilShare: { share: q(r.range(0, 60), '%'), source: 'test' },
    process: [{ name: 'c', category: 'cementClinker', activity: q(x(r.range(10, 900)), '万吨'), method: { type: 'clinker', composition: { cao: q(r.range(60, 67), '%'), mgo: q(r.range(1, 3), '%'), caoNonCarbonate: q(r.range(0, 1), '%'), mgoNonCarbonate: q(r.range(0, 0.5), '%') }, molarRatios: r.pick(['integer', 'precise']) } }],
    forest: { strata: [{ name: 'f', species: 'sp', volumeStart: q(x(r.range(100, 1000)), '万立方米'), volumeEnd: q(x(r.range(100, 1000)), '万立方米') }] },
    economy: { gdpCurrent: q(x(r.range(500, 5000)), '亿元'), gdpComparable: { amount: q(x(r.range(500, 5000)), '亿元'), priceBaseYear: 2020 }, population: q(x(r.range(50, 900)), '万人') },
    method: {
      electricityConversion: 'calorific', electricityFactor: { series: 'mee-nbs.national', key: '全国' },
      forest: { carbonFraction: { series: 'cn-common', key: '缺省' }, parameterSeries: 'test' },
      factorPolicy: { allow: ['single-source', 'disputed'] },
    },
  };
}

/** Extensive figures scale with the inputs; ratios (unit '1' or 'x/y') do not. */
const extensive = (unit: string) => unit !== '1' && !unit.includes('/');

test('property: scaling every activity input (and GDP, population) by k scales every absolute figure by k and leaves ratios unchanged', () => {
  for (let i = 0; i < 40; i++) {
    const caseSeed = 1000 + i;
    const k = prng(caseSeed * 7).magnitude(0.01, 100);
    const a = computeRegionalInventory(randomBalance(prng(caseSeed), 1), set);
    const b = computeRegionalInventory(randomBalance(prng(caseSeed), k), set);
    assert.deepEqual(Object.keys(b.lineage).sort(), Object.keys(a.lineage).sort());
    for (const [id, node] of Object.entries(a.lineage)) {
      const want = extensive(node.unit) ? node.value * k : node.value;
      const got = b.lineage[id].value;
      assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `case ${caseSeed} k=${k} ${id} (${node.unit}): ${got} vs ${want}`);
    }
  }
});

test('property: the result depends only on the input and the set (same seed → identical result)', () => {
  for (let i = 0; i < 10; i++) {
    const a = computeRegionalInventory(randomBalance(prng(i), 1), set);
    const b = computeRegionalInventory(randomBalance(prng(i), 1), set);
    assert.equal(JSON.stringify(b), JSON.stringify(a));
  }
});

test('property: enterprise emissions scale with activity; intensities per product do not', () => {
  const sample = JSON.parse(readFileSync(new URL('./samples/enterprise-cement-2023.json', import.meta.url), 'utf8'));
  const r = prng(77);
  for (let i = 0; i < 20; i++) {
    const k = r.magnitude(0.01, 100);
    const s = JSON.parse(JSON.stringify(sample));
    for (const l of s.combustion) l.amount.value *= k;
    for (const l of s.process) l.activity.value *= k;
    s.electricity.purchased.value *= k;
    for (const o of s.output) o.amount.value *= k;
    const a = computeEnterpriseReport(sample, set);
    const b = computeEnterpriseReport(s, set);
    for (const [id, node] of Object.entries(a.lineage)) {
      const want = extensive(node.unit) ? node.value * k : node.value;
      assert.ok(Math.abs(b.lineage[id].value - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${id}: ${b.lineage[id].value} vs ${want}`);
    }
  }
});
