import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { compareWithBase, computeIntensities, type Comparable } from './intensity.ts';
import { LineageBuilder } from './lineage.ts';

const q = (value: number, unit: string) => ({ value, unit });

/** An inventory reduced to what a comparison reads: energy (tce), energy CO2 and total CO2 (tCO2), GDP (亿元, 2020 prices). */
function inv(year: number, energy: number, co2: number, gdp亿: number, over: Partial<Comparable> = {}): Comparable {
  const lb = new LineageBuilder();
  const e = lb.add({ id: 'e', label: { zh: 'e', en: 'e' }, value: energy, unit: 'tce' });
  const c = lb.add({ id: 'c', label: { zh: 'c', en: 'c' }, value: co2, unit: 'tCO2' });
  const intensity = computeIntensities({ gdpCurrent: q(gdp亿, '亿元'), gdpComparable: { amount: q(gdp亿, '亿元'), priceBaseYear: 2020 }, population: q(100, '万人') }, e, c, c, lb);
  return {
    region: { code: '430000-X' }, year, factorSet: { fingerprint: 'f', name: 's', version: 1 },
    method: { electricityConversion: 'calorific', electricityFactor: { series: 'mee-nbs.national', key: '全国' } },
    energy: { total: e }, co2: { totals: { energyWithIndirect: c, withIndirect: c } }, intensity, ...over,
  };
}

test('intensity per 万元 at comparable prices: 1 000 000 tce ÷ 200 亿元 (= 2 000 000 万元) = 0.5 tce/万元', () => {
  const a = inv(2020, 1_000_000, 2_000_000, 200);
  assert.equal(a.intensity.energy.value, 0.5);
  assert.equal(a.intensity.energy.unit, 'tce/万元');
  assert.equal(a.intensity.co2.value, 1);
  assert.equal(a.intensity.energyPerCapita.value, 1); // 1 000 000 tce ÷ 1 000 000 persons
});

test('reduction rate = 1 − I_t / I_0, annual average = 1 − (I_t / I_0)^(1/n); growth of the total', () => {
  // 2020: 1 000 000 tce / 200 亿元 = 0.5; 2023: 1 050 000 tce / 240 亿元 = 0.4375 → 1 − 0.875 = 12.5 %
  const r = compareWithBase(inv(2023, 1_050_000, 2_100_000, 240), inv(2020, 1_000_000, 2_000_000, 200));
  assert.ok(Math.abs(r.energyIntensity.value - 0.125) < 1e-12);
  assert.ok(Math.abs(r.energyIntensityAnnual.value - (1 - 0.875 ** (1 / 3))) < 1e-12);
  assert.ok(Math.abs(r.energyGrowth.value - 0.05) < 1e-12);
  assert.ok(Math.abs(r.co2Intensity.value - 0.125) < 1e-12);
  // reference §8: a 14 % five-year target means 2.97 %/yr (重庆 "逐年下降2.97%")
  const five = compareWithBase(inv(2025, 860_000, 1, 200), inv(2020, 1_000_000, 1, 200));
  assert.equal((five.energyIntensityAnnual.value * 100).toFixed(2), '2.97');
});

test('rounding the intensities to 4 decimals first, as the statistics bureau does', () => {
  // I_0 = 1 000 000 / 3 000 000 = 0.333333… → 0.3333; I_t = 1 000 000 / 3 300 000 = 0.303030… → 0.3030
  const r = compareWithBase(inv(2021, 1_000_000, 1_000_000, 330), inv(2020, 1_000_000, 1_000_000, 300), { roundIntensityTo: 4 });
  assert.ok(Math.abs(r.energyIntensity.value - (1 - 0.303 / 0.3333)) < 1e-12);
  // an intensity that rounds to zero cannot be a base
  assert.throws(() => compareWithBase(inv(2021, 1, 1, 330), inv(2020, 1, 1, 300), { roundIntensityTo: 4 }), (e: unknown) => e instanceof DomainError && e.code === 'division_by_zero');
});

test('incomparable inventories are refused with the reason', () => {
  const base = inv(2020, 1, 1, 1);
  const cur = inv(2023, 1, 1, 1);
  const bad = (o: Partial<Comparable>, re: RegExp) =>
    assert.throws(() => compareWithBase({ ...cur, ...o }, base), (e: unknown) => e instanceof DomainError && e.code === 'inventories_incomparable' && re.test(e.zh));
  bad({ method: { electricityConversion: 'calorific', electricityFactor: { series: 'mee-ets.national', key: '全国' } } }, /系列不同/);
  bad({ method: { electricityConversion: 'generation-coal', electricityFactor: { series: 'mee-nbs.national', key: '全国' } } }, /当量值/);
  bad({ factorSet: { fingerprint: 'g', name: 's', version: 2 } }, /因子集/);
  bad({ region: { code: '510500' } }, /地区不同/);
  bad({ intensity: { ...cur.intensity, priceBaseYear: 2015 } }, /可比价基年/);
});
