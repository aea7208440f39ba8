import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { addFactors, seedFactorSet } from '../factors/index.ts';
import { computeRegionalInventory } from './inventory.ts';
import { explain } from './lineage.ts';

/*
 * A tiny region worked by hand (year 2023). Factors: GB/T 2589 coefficients, 原煤 NCV 20 908 kJ/kg, CC 26.37 tC/TJ,
 * OF 0.94 (single-source, disputed → opt-in), 天然气 389.31 GJ/10⁴Nm³ / 15.3 tC/TJ / 0.99, MEE+NBS 2023 national
 * grid factor 0.5306 kgCO2/kWh, IPCC carbon fraction 0.47; forest parameters are test-local.
 *
 * Energy (当量值)
 *   原煤   (600 + 400) t × 0.7143 kgce/kg                 = 714.30 tce
 *   天然气  10 万 m³ = 100 000 m³ × 1.2143 kgce/m³          = 121.43 tce
 *   电力   (final 180 − thermal output 100) 万kWh × 0.1229 = 800 000 × 0.1229 / 1000 = 98.32 tce
 *   total                                                 = 934.05 tce
 *   = industry (400 × 0.7143 + 1 800 000 × 0.0001229 = 285.72 + 221.22 = 506.94)
 *   + residentialUrban 121.43 + thermal-power loss (600 × 0.7143 − 1 000 000 × 0.0001229 = 428.58 − 122.90 = 305.68)
 *   non-fossil: (hydro 500 000 + net inflow 300 000 × 40 %) kWh × 0.1229 / 1000 = 620 000 × 0.0001229 = 76.198 tce
 * CO2
 *   原煤 per tonne: 20.908 GJ × 26.37 / 1000 tC/GJ = 0.55134396 tC × 0.94 = 0.5182633224 tC × 44/12 = 1.900298849 tCO2
 *   thermal power 600 t → 1 140.1793; industry 400 t → 760.1195
 *   天然气 10 万 m³: 10 × 389.31 × 15.3 / 1000 × 0.99 × 44/12 = 216.2188809 tCO2
 *   indirect: 300 000 kWh × 0.5306 kg/kWh = 159.18 tCO2
 *   clinker 1 000 t × (0.65 × 44/56 + 0.02 × 44/40) = 1 000 × (0.5107142857 + 0.022) = 532.7142857 tCO2
 *   forest: ΔV 1 000 m³ × 0.5 × 1.5 × (1 + 0.2) × 0.47 × 44/12 = 423 tC × 44/12 = 1 551 tCO2
 */
const seed = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const set = addFactors(seed, [
  { kind: 'forest.wood_density', key: '测试树种', series: 'test', value: 0.5, unit: 't/m3', sources: ['test'] },
  { kind: 'forest.bef', key: '测试树种', series: 'test', value: 1.5, unit: '1', sources: ['test'] },
  { kind: 'forest.root_shoot', key: '测试树种', series: 'test', value: 0.2, unit: '1', sources: ['test'] },
]);
const q = (value: number, unit: string) => ({ value, unit });

function tiny(over: Record<string, unknown> = {}) {
  return {
    schema: 'shuangtan.regional-balance/1',
    region: { code: '430000-TINY', name: '测试区' },
    year: 2023,
    energyBalance: [
      { fuel: '原煤', flow: 'inflow', amount: q(1000, 't') },
      { fuel: '原煤', flow: 'transformationInput', process: 'thermalPower', amount: q(600, 't') },
      { fuel: '原煤', flow: 'final', sector: 'industry', amount: q(400, 't') },
      { fuel: '天然气', flow: 'inflow', amount: q(10, '万立方米') },
      { fuel: '天然气', flow: 'final', sector: 'residentialUrban', amount: q(10, '万立方米') },
      { fuel: '电力', flow: 'inflow', amount: q(30, '万千瓦时') },
      { fuel: '电力', flow: 'final', sector: 'industry', amount: q(180, '万千瓦时') },
    ],
    generation: [{ source: 'coal', amount: q(100, '万千瓦时') }, { source: 'hydro', amount: q(50, '万千瓦时') }],
    electricityImportNonFossilShare: { share: q(40, '%'), source: 'test' },
    process: [{ name: '熟料', category: 'cementClinker', activity: q(1000, 't'), method: { type: 'clinker', composition: { cao: q(65, '%'), mgo: q(2, '%'), caoNonCarbonate: q(0, '%'), mgoNonCarbonate: q(0, '%') }, molarRatios: 'integer' } }],
    forest: { strata: [{ name: 'A', species: '测试树种', volumeStart: q(10000, 'm3'), volumeEnd: q(11000, 'm3') }] },
    economy: { gdpCurrent: q(1.2, '亿元'), gdpComparable: { amount: q(1, '亿元'), priceBaseYear: 2020 }, population: q(1, '万人') },
    method: {
      electricityConversion: 'calorific',
      electricityFactor: { series: 'mee-nbs.national', key: '全国' },
      forest: { carbonFraction: { key: '缺省', series: 'IPCC 2006' }, parameterSeries: 'test' },
      factorPolicy: { allow: ['single-source', 'disputed'] },
    },
    ...over,
  };
}

const close = (a: number, b: number, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const COAL_T = 20.908 * 26.37 / 1000 * 0.94 * 44 / 12;
const GAS = 10 * 389.31 * 15.3 / 1000 * 0.99 * 44 / 12;
const CLINKER = 1000 * (0.65 * 44 / 56 + 0.02 * 44 / 40);
const SINK = 1000 * 0.5 * 1.5 * 1.2 * 0.47 * 44 / 12;

test('energy: total, by fuel, by sector, transformation loss and non-fossil share match the hand working', () => {
  const inv = computeRegionalInventory(tiny(), set);
  close(inv.energy.total.value, 934.05);
  assert.equal(inv.energy.total.unit, 'tce');
  const fuel = Object.fromEntries(inv.energy.byFuel.map((x) => [x.fuel, x.figure.value]));
  close(fuel['原煤'], 714.3);
  close(fuel['天然气'], 121.43);
  close(fuel['电力'], 98.32);
  const sector = Object.fromEntries(inv.energy.bySector.map((x) => [x.sector, x.figure.value]));
  close(sector.industry, 506.94);
  close(sector.residentialUrban, 121.43);
  close(inv.energy.transformation.find((t) => t.process === 'thermalPower')!.figure.value, 305.68);
  close(inv.energy.nonFossil.value, 76.198);
  close(inv.energy.nonFossilShare.value, 76.198 / 934.05);
  close(inv.energy.assessmentBasis.value, 934.05 - 76.198);
  assert.equal(inv.method.electricityConversionLabel.zh.includes('当量值'), true);
});

test('CO2: sectoral by sector and fuel, reference approach, indirect, process, sinks and totals', () => {
  const inv = computeRegionalInventory(tiny(), set);
  const c = inv.co2;
  const sector = Object.fromEntries(c.combustion.bySector.map((x) => [x.sector, x.figure.value]));
  close(sector.thermalPower, 600 * COAL_T);
  close(sector.industry, 400 * COAL_T);
  close(sector.residentialUrban, GAS);
  close(c.combustion.total.value, 1000 * COAL_T + GAS);
  close(c.combustion.byFuel.find((f) => f.fuel === '原煤')!.figure.value, 1000 * COAL_T);
  // balanced region: apparent consumption = consumption, so the approaches agree
  close(c.reference.total.value, 1000 * COAL_T + GAS);
  assert.ok(Math.abs(c.reference.difference.value) < 1e-6);
  close(c.indirect.electricity.co2.value, 300000 * 0.5306 / 1000);
  assert.equal(c.indirect.electricity.factor?.value, 0.5306);
  assert.equal(c.indirect.electricity.factor?.year, 2023);
  close(c.indirect.heat.co2.value, 0);
  close(c.process.co2.value, CLINKER);
  close(c.sinks.total.value, SINK);
  close(c.totals.direct.value, 1000 * COAL_T + GAS + CLINKER);
  close(c.totals.withIndirect.value, 1000 * COAL_T + GAS + CLINKER + 159.18);
  close(c.totals.energyWithIndirect.value, 1000 * COAL_T + GAS + 159.18);
  close(c.totals.netWithIndirect.value, 1000 * COAL_T + GAS + CLINKER + 159.18 - SINK);
  // intensities: GDP 1 亿元 = 10 000 万元 (comparable, 2020 prices), 10 000 persons
  close(inv.intensity.energy.value, 934.05 / 10000);
  assert.equal(inv.intensity.energy.unit, 'tce/万元');
  close(inv.intensity.co2.value, (1000 * COAL_T + GAS + 159.18) / 10000);
  close(inv.intensity.co2PerCapita.value, (1000 * COAL_T + GAS + 159.18) / 10000);
});

test('no double counting: fuel burnt for local power is direct; only NET electricity inflow is indirect; net outflow is negative', () => {
  const exporter = tiny({
    energyBalance: [
      { fuel: '原煤', flow: 'inflow', amount: q(1000, 't') },
      { fuel: '原煤', flow: 'transformationInput', process: 'thermalPower', amount: q(1000, 't') },
      { fuel: '电力', flow: 'outflow', amount: q(30, '万千瓦时') },
      { fuel: '电力', flow: 'final', sector: 'industry', amount: q(120, '万千瓦时') },
    ],
    electricityImportNonFossilShare: undefined,
  });
  const inv = computeRegionalInventory(exporter, set);
  close(inv.co2.combustion.total.value, 1000 * COAL_T); // all coal once, in thermal power
  close(inv.co2.indirect.electricity.netImport.value, -300000);
  close(inv.co2.indirect.electricity.co2.value, -300000 * 0.5306 / 1000);
  // non-fossil consumed = hydro 50 × (local generation 150 − outflow 30) / 150 = 40 万kWh × 0.1229 kgce/kWh
  close(inv.energy.nonFossil.value, 400000 * 0.1229 / 1000);
  assert.ok(/调出/.test(inv.lineage['energy.nonFossil'].notes.join()));
});

test('lineage: every figure has a node; a total explains down to input lines and factor versions', () => {
  const inv = computeRegionalInventory(tiny(), set);
  const figures: { lineage: string }[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.lineage === 'string' && typeof o.value === 'number') figures.push(o as { lineage: string });
      for (const [k, v] of Object.entries(o)) if (k !== 'lineage') walk(v);
    }
  };
  walk({ ...inv, lineage: undefined });
  assert.ok(figures.length > 40);
  for (const f of figures) assert.ok(inv.lineage[f.lineage], f.lineage);
  const e = explain(inv.lineage, inv.co2.totals.withIndirect.lineage);
  for (const line of ['energyBalance.1', 'energyBalance.2', 'energyBalance.4', 'energyBalance.5', 'process.0']) assert.ok(e.inputs.includes(line), line);
  assert.ok(e.factors.includes('fuel.carbon_content|原煤|cn-default|*-*@1'));
  assert.ok(e.factors.includes('grid.co2|全国|mee-nbs.national|2023-2023@1'));
  assert.equal(inv.lineage['co2.combustion.thermalPower.原煤'].formula?.includes('44/12'), true);
  assert.ok(inv.factorsUsed.some((u) => u.ref === 'fuel.carbon_content|原煤|cn-default|*-*@1' && u.status === 'single-source' && u.disputed));
  assert.ok(inv.qualityFlags.some((f) => f.ref === 'fuel.carbon_content|原煤|cn-default|*-*@1'));
});

test('re-running with the same set and input gives the same result, bit for bit; a new set version is named', () => {
  const a = computeRegionalInventory(tiny(), set);
  const b = computeRegionalInventory(JSON.parse(JSON.stringify(tiny())), set);
  assert.deepEqual(b, a);
  assert.equal(JSON.stringify(b), JSON.stringify(a));
  assert.equal(a.factorSet.fingerprint, set.fingerprint);
  assert.equal(a.factorSet.version, 2);
  assert.match(a.inputHash, /^[0-9a-f]{64}$/);
  const changed = computeRegionalInventory(tiny({ year: 2022 }), set);
  assert.notEqual(changed.inputHash, a.inputHash);
  close(changed.co2.indirect.electricity.co2.value, 300000 * 0.5366 / 1000); // the 2022 factor, not 2023's
});

test('a year without a grid factor, or a missing import share, is an explicit error — never a zero or a neighbour', () => {
  assert.throws(() => computeRegionalInventory(tiny({ year: 2024 }), set),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && e.field === 'method.electricityFactor' && /2024/.test(e.zh) && /2021、2022、2023/.test(e.zh));
  assert.throws(() => computeRegionalInventory(tiny({ electricityImportNonFossilShare: undefined }), set),
    (e: unknown) => e instanceof DomainError && e.code === 'import_share_missing' && e.field === 'electricityImportNonFossilShare');
  const noPolicy = tiny();
  (noPolicy.method as Record<string, unknown>).factorPolicy = undefined;
  assert.throws(() => computeRegionalInventory(noPolicy, set), (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && /原煤/.test(e.zh));
  assert.throws(() => computeRegionalInventory(tiny(), seed), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && e.field === 'forest.strata.0.species' && /测试树种/.test(e.zh));
  const ch4 = tiny({ process: [{ name: 'x', category: 'other', activity: q(1, 't'), gas: 'CH4', method: { type: 'measured', factor: q(0.1, 't/t'), source: 's' } }] });
  assert.throws(() => computeRegionalInventory(ch4, set), (e: unknown) => e instanceof DomainError && e.code === 'gas_not_supported' && e.field === 'process.0.gas');
});

test('an explicit factor year is used and flagged, with its reason', () => {
  const inv = computeRegionalInventory(tiny({ year: 2020, method: { ...tiny().method, electricityFactor: { series: 'mee-nbs.national', key: '全国', year: 2021, yearReason: '该系列自2021年起' } } }), set);
  close(inv.co2.indirect.electricity.co2.value, 300000 * 0.5568 / 1000);
  assert.equal(inv.co2.indirect.electricity.factor?.year, 2021);
  assert.ok(inv.qualityFlags.some((f) => f.field === 'method.electricityFactor.year' && /2021/.test(f.zh)));
  assert.ok(inv.lineage['indirect.electricity'].notes.some((n) => /2021/.test(n)));
});

test('missing forest data is flagged as not accounted, not reported as a computed zero', () => {
  const inv = computeRegionalInventory(tiny({ forest: undefined }), set);
  assert.equal(inv.co2.sinks.total.value, 0);
  assert.ok(inv.lineage['sink.total'].notes.some((n) => /未核算/.test(n)));
  assert.ok(inv.qualityFlags.some((f) => f.field === 'forest'));
  close(inv.co2.totals.netWithIndirect.value, inv.co2.totals.withIndirect.value);
});
