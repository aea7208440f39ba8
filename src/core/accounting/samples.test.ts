import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { addLocalFactorFile, seedFactorSet } from '../factors/index.ts';
import { aggregateEnterprises, compareBottomUp } from './aggregate.ts';
import { computeEnterpriseReport } from './enterprise.ts';
import { compareWithBase } from './intensity.ts';
import { computeRegionalInventory } from './inventory.ts';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const seed = seedFactorSet(read('../../../assets/reference/accounting-data.json'));
const set = addLocalFactorFile(seed, read('./samples/demo-local-factors.json'));
const inv2023 = computeRegionalInventory(read('./samples/demo-region-2023.json'), set);
const inv2020 = computeRegionalInventory(read('./samples/demo-region-2020.json'), set);
const close = (a: number, b: number, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const sum = (xs: { value: number }[]) => xs.reduce((a, x) => a + x.value, 0);

test('demo region: the local factors are a new set version; both years compute', () => {
  assert.equal(set.version, 2);
  assert.equal(set.parent, seed.fingerprint);
  assert.equal(inv2023.factorSet.fingerprint, set.fingerprint);
  assert.equal(inv2020.year, 2020);
});

test('demo region: the parts add up to the totals (energy and CO2)', () => {
  for (const inv of [inv2020, inv2023]) {
    const e = inv.energy;
    close(sum(e.byFuel.map((x) => x.figure)), e.total.value);
    close(sum(e.bySector.map((x) => x.figure)) + sum(e.transformation.map((x) => x.figure)) + e.losses.value, e.total.value);
    const c = inv.co2;
    close(sum(c.combustion.bySector.map((x) => x.figure)), c.combustion.total.value);
    close(sum(c.combustion.byFuel.map((x) => x.figure)), c.combustion.total.value);
    close(c.totals.withIndirect.value, c.combustion.total.value + c.process.co2.value + c.indirect.total.value);
    // the reference approach is a cross-check within the usual ±5 %
    assert.ok(Math.abs(c.reference.relativeDifference!.value) < 0.05);
    assert.ok(e.nonFossilShare.value > 0 && e.nonFossilShare.value < 0.3);
    assert.ok(e.balanceDifferences.every((b) => Math.abs(b.relative) < 0.03), 'the demo balance closes within 3 % per fuel');
  }
});

test('demo region 2023, figures checked by hand', () => {
  // net electricity inflow (73 − 8) 亿kWh × 华中 2023 0.5271 kgCO2/kWh = 6.5e9 × 0.5271 / 1000 tCO2
  close(inv2023.co2.indirect.electricity.co2.value, 6.5e9 * 0.5271 / 1000);
  // clinker 800 万t × [(0.650 − 0.008) × 44/56 + (0.022 − 0.003) × 44/40]
  close(inv2023.co2.process.lines[0].co2e.value, 8e6 * (0.642 * 44 / 56 + 0.019 * 44 / 40));
  // lime 40 万t × 0.768 (IPCC, single-source); desulphurisation CaCO3 25 万t × 90 % × 100 % × 0.4397
  close(inv2023.co2.process.lines[1].co2e.value, 4e5 * 0.768);
  close(inv2023.co2.process.lines[2].co2e.value, 2.5e5 * 0.9 * 0.4397);
  // thermal-power coal 265 万t × 20.908 GJ/t × 26.37 tC/TJ / 1000 × 0.94 × 44/12
  const coal = inv2023.co2.combustion.lines.find((l) => l.sector === 'thermalPower' && l.fuel === '原煤')!;
  close(coal.co2.value, 2.65e6 * 20.908 * 26.37 / 1000 * 0.94 * 44 / 12);
  // 杉木 ΔV 60 万m³ × 0.31 × 1.6 × 1.25 × 0.47 × 44/12 (illustrative local parameters)
  close(inv2023.co2.sinks.strata[0].removal.value, 6e5 * 0.31 * 1.6 * 1.25 * 0.47 * 44 / 12);
  // 2020 uses the explicitly named 2021 factor of the same series: (53.5 − 7) 亿kWh × 0.5354
  close(inv2020.co2.indirect.electricity.co2.value, 4.65e9 * 0.5354 / 1000);
  assert.equal(inv2020.co2.indirect.electricity.factor?.year, 2021);
});

test('reduction rates against the 2020 base year, worked from the two inventories\' intensities', () => {
  const r = compareWithBase(inv2023, inv2020);
  close(r.energyIntensity.value, 1 - inv2023.intensity.energy.value / inv2020.intensity.energy.value);
  close(r.co2Intensity.value, 1 - inv2023.intensity.co2.value / inv2020.intensity.co2.value);
  close(r.energyIntensityAnnual.value, 1 - (inv2023.intensity.energy.value / inv2020.intensity.energy.value) ** (1 / 3));
  close(r.energyGrowth.value, inv2023.energy.total.value / inv2020.energy.total.value - 1);
  // plausible for the illustrative city: intensity falls by a few percent a year
  assert.ok(r.energyIntensity.value > 0.03 && r.energyIntensity.value < 0.2);
  // the energy intensity is tce per 万元 of GDP at 2020 prices: (E23 / GDP23) / (E20 / GDP20)
  close(1 - r.energyIntensity.value, (inv2023.energy.total.value / 1918.5e4) / (inv2020.energy.total.value / 1650e4));
  const rounded = compareWithBase(inv2023, inv2020, { roundIntensityTo: 4 });
  close(rounded.energyIntensity.value, 1 - Number(inv2023.intensity.energy.value.toFixed(4)) / Number(inv2020.intensity.energy.value.toFixed(4)));
});

test('comparison refuses mixed electricity series, different factor sets and the wrong order', () => {
  const other = read('./samples/demo-region-2020.json');
  other.method.electricityFactor = { series: 'mee-ets.national', key: '全国' };
  const ets2020 = computeRegionalInventory(other, set);
  assert.throws(() => compareWithBase(inv2023, ets2020), (e: unknown) => e instanceof DomainError && e.code === 'inventories_incomparable' && /不得混用/.test(e.zh));
  const seedOnly = addLocalFactorFile(seed, { ...read('./samples/demo-local-factors.json'), factors: read('./samples/demo-local-factors.json').factors.slice().reverse().map((f: Record<string, unknown>) => ({ ...f, notes: ['other'] })) });
  const again2020 = computeRegionalInventory(read('./samples/demo-region-2020.json'), seedOnly);
  assert.throws(() => compareWithBase(inv2023, again2020), (e: unknown) => e instanceof DomainError && /因子集/.test(e.zh));
  assert.throws(() => compareWithBase(inv2020, inv2023), (e: unknown) => e instanceof DomainError && /应早于/.test(e.zh));
});

test('bottom-up: the cement enterprise sums into the region and its coverage is reported', () => {
  const cement = computeEnterpriseReport(read('./samples/enterprise-cement-2023.json'), set);
  const second = read('./samples/enterprise-cement-2023.json');
  second.enterprise.name = '示范建材有限公司（虚构）';
  second.enterprise.creditCode = '91430000MA4DEM002J';
  second.combustion = [{ fuel: '天然气', amount: { value: 100, unit: '万立方米' } }];
  second.process = [];
  second.method.coalEquivalent = {};
  const b = computeEnterpriseReport(second, set);
  const bu = aggregateEnterprises([cement, b], { regionCode: '430000-DEMO', year: 2023 });
  close(bu.combustion.total.value, cement.combustion.total.value + b.combustion.total.value);
  close(bu.process.co2.value, cement.process.co2.value);
  close(bu.indirect.electricity.value, cement.indirect.electricity.co2.value + b.indirect.electricity.co2.value);
  close(bu.energy.value, cement.energy.total.value + b.energy.total.value);
  assert.deepEqual(bu.combustion.byFuel.map((x) => x.fuel), ['烟煤', '柴油', '天然气']);
  assert.ok(bu.lineage['bottomUp.combustion.total'].from.length === 3);
  assert.ok(bu.lineage['bottomUp.combustion.烟煤'].inputs.includes('91430000MA4DEM001F:ent.combustion.0'));
  // coverage: the cement plant's clinker CO2 against the city's clinker CO2 (regional inventory)
  const cov = compareBottomUp(bu, inv2023);
  const clinker = cov.process.find((c) => c.category === 'cementClinker')!;
  close(clinker.share.value, cement.process.co2.value / inv2023.co2.process.byCategory.find((c) => c.category === 'cementClinker')!.co2e.value);
  const industry = inv2023.co2.combustion.bySector.find((s) => s.sector === 'industry')!.figure.value;
  close(cov.industryCombustion.value, bu.combustion.total.value / industry);
  // refused: another year, another factor set, another region
  assert.throws(() => aggregateEnterprises([cement], { regionCode: '430000-DEMO', year: 2022 }), (e: unknown) => e instanceof DomainError && e.code === 'bottom_up_incompatible');
  assert.throws(() => aggregateEnterprises([cement, computeEnterpriseReport(second, seed)], { regionCode: '430000-DEMO', year: 2023 }), (e: unknown) => e instanceof DomainError && /因子集/.test(e.zh));
  assert.throws(() => aggregateEnterprises([cement], { regionCode: '510500', year: 2023 }), (e: unknown) => e instanceof DomainError && /510500/.test(e.zh));
});
