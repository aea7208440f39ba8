import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addLocalFactorFile, seedFactorSet } from '../factors/index.ts';
import { computeRegionalInventory } from '../accounting/index.ts';
import { DomainError } from '../errors.ts';
import { scenarioFromInventory } from './from-inventory.ts';
import { runScenarioFile } from './run.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const set = addLocalFactorFile(seedFactorSet(read('../../../assets/reference/accounting-data.json')), read('../accounting/samples/demo-local-factors.json'));
const balance = read('../accounting/samples/demo-region-2023.json');
const inventory = computeRegionalInventory(balance, set);
const sample = read('./samples/demo-region.json');
const label = { zh: '清单 #2', en: 'inventory #2' };
const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

test('the demo 2023 inventory as a base year: the projection reproduces the inventory, figures worked by hand', () => {
  const r = scenarioFromInventory({ inventory, balance, label, valueAddedShare: { primary: 0.08, industry: 0.38, construction: 0.07, transport: 0.04, services: 0.43 } });
  const f = r.input as { baseYear: number; base: Record<string, any>; fuels: { id: string; co2PerTce?: number }[]; electricity: { kgcePerKWh: number }; scenarios: unknown[] };
  assert.equal(f.baseYear, 2023);
  // economy of demo-region-2023.json: GDP 1918.5 亿元 at 2020 prices, 259.8 万人
  assert.equal(f.base.gdp, 1918.5);
  assert.equal(f.base.population, 259.8);
  assert.equal(f.electricity.kgcePerKWh, 0.1229); // 当量值 (method.electricityConversion: calorific)
  // Households = urban + rural final use, by hand at the GB/T 2589 coefficients (万tce):
  //   urban: 焦炉煤气 2500万m³ × 0.6143 = 1.53575, 汽油 12万t × 1.4714 = 17.6568, LPG 3 × 1.7143 = 5.1429,
  //          天然气 14000万m³ × 1.2143 = 17.0002, 电力 20.5亿kWh × 1.229 = 25.1945, 热力 170万GJ × 0.03412 = 5.8004
  //   rural: 原煤 7 × 0.7143 = 5.0001, 汽油 1.2 × 1.4714 = 1.76568, 柴油 0.6 × 1.4571 = 0.87426, LPG 2.4 × 1.7143 = 4.11432,
  //          天然气 800 × 1.2143e-4 × 1e4 = 0.97144, 电力 9.3 × 1.229 = 11.4297
  const h = f.base.energy.households;
  close(h.electricity, 25.1945 + 11.4297);
  close(h.heat, 5.8004);
  close(h.coal, 5.0001);
  close(h.gas, 1.53575 + 17.0002 + 0.97144); // 焦炉煤气 is in the gas group of the fuel catalogue
  close(h.oil, 17.6568 + 5.1429 + 1.76568 + 0.87426 + 4.11432);
  // Industry feedstock: 焦炉煤气 used as raw material, 6000万m³ × 0.6143 = 3.6858 万tce (no CO2)
  close(f.base.energy.industry.feedstock, 3.6858);
  // Electricity: use = final 175.3 + losses 7.5 = 182.8 亿kWh; local non-fossil 31 + 12 + 8.5 = 51.5; the rest 131.3.
  // Thermal power CO2 5 208 767.05 t (inventory) splits by output energy: electricity 65.8 亿kWh × 1.229 = 80.8682 万tce,
  // heat 400万GJ × 0.03412 = 13.648 万tce; plus the net inflow 65 亿kWh × 0.5271 kgCO2/kWh = 3 426 150 t.
  const thermal = inventory.co2.combustion.bySector.find((s) => s.sector === 'thermalPower')!.figure.value;
  close(thermal, 5208767.05404, 1e-6);
  const alpha = 80.8682 / (80.8682 + 13.648);
  close(f.base.gridFactor, (thermal * alpha + 3426150) / (131.3 * 1e5), 1e-9);
  // Non-fossil electricity 51.5 + 65 × 30 % = 71 亿kWh; of the 131.3 not generated locally 19.5 are non-fossil.
  close(f.base.gridNonFossilShare, 19.5 / 131.3);
  // Processes: clinker 800万t at (65 % − 0.8 %) × 44/56 + (2.2 % − 0.3 %) × 44/40 = 0.525329 tCO2/t.
  const clinker = f.base.processes.find((p: { id: string }) => p.id === 'clinker');
  assert.equal(clinker.activity, 800);
  close(clinker.co2PerUnit, 0.642 * 44 / 56 + 0.019 * 44 / 40);
  // Without a template only a baseline with zero growth is generated, and the user is told.
  assert.equal(f.scenarios.length, 1);
  assert.ok(r.warnings.some((w) => w.en.includes('growth')));

  // The base year of the projection equals the inventory: totals exactly, by sector energy exactly.
  const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
  const t = inventory.co2.totals;
  close(byId.energyTotal.inventory, inventory.energy.total.value / 1e4);
  close(byId.co2Gross.inventory, t.withIndirect.value / 1e4);
  close(byId.co2Energy.inventory, t.energyWithIndirect.value / 1e4);
  close(byId.co2Net.inventory, t.netWithIndirect.value / 1e4);
  close(byId.nonFossilShare.inventory, inventory.energy.nonFossilShare.value);
  close(byId.energyIntensity.inventory, inventory.intensity.energy.value);
  close(byId.carbonIntensity.inventory, inventory.intensity.co2.value);
  close(byId['energy.households'].inventory, 72.33055 + 24.1555);
  for (const id of ['energyTotal', 'co2Energy', 'co2Process', 'co2Gross', 'sinks', 'co2Net', 'nonFossilShare', 'energyIntensity', 'carbonIntensity',
    'population', 'gdp', 'energy.primary', 'energy.industry', 'energy.construction', 'energy.transport', 'energy.services', 'energy.households']) {
    assert.equal(byId[id].equal, true, `${id}: ${byId[id].scenario} vs ${byId[id].inventory}`);
  }
  // CO2 by sector uses one average factor per fuel group (coke and raw coal share the coal factor): close, not equal.
  for (const c of r.checks.filter((x) => x.id.startsWith('directCo2.'))) {
    assert.ok(Math.abs(c.difference) <= 0.03 * c.inventory, `${c.id}: ${c.scenario} vs ${c.inventory}`);
  }
  // Every base figure says where it came from.
  const src = (field: string) => r.lineage.find((l) => l.field === field);
  assert.equal(src('base.gdp')?.source, 'inventory');
  assert.deepEqual(src('base.gdp')?.refs, ['economy.gdpComparable']);
  assert.equal(src('base.valueAddedShare.industry')?.source, 'entered');
  assert.equal(src('base.gridFactor')?.source, 'derived');
  assert.equal(src('base.generation.pv.capacity')?.source, 'assumed'); // no capacity known: average output
  assert.ok(src('base.energy.households.electricity')?.refs.includes('energy.final.residentialUrban.电力'));
});

test('with the documented sample open: its scenarios move onto 2023, capacities and hours as entered, targets re-anchored', () => {
  const refs = (code: string, year: number) => (code === 'energy_intensity' && year === 2020
    ? { value: 0.45, unit: 'tce/万元', ref: 'observation #1', zh: '观测值', en: 'observation' } : undefined);
  const r = scenarioFromInventory({
    inventory, balance, label, template: sample, references: refs,
    capacity: { pv: { value: 70, source: 'observation', ref: 'observation #9', zh: '光伏装机', en: 'PV capacity' } },
  });
  const f = r.input as Record<string, any>;
  assert.deepEqual(f.scenarios.map((s: { id: string }) => s.id), ['baseline', 'policy', 'enhanced']);
  // PV: 8.5 亿kWh over the observed 70 万kW = 1214.29 h; wind keeps the sample's 2000 h → 60 万kW.
  const pv = f.base.generation.find((g: { id: string }) => g.id === 'pv');
  assert.equal(pv.capacity, 70);
  close(pv.hours, 8.5e4 / 70);
  assert.equal(f.base.generation.find((g: { id: string }) => g.id === 'wind').capacity, 60);
  // value-added shares stay as entered in the open file (the sample's), and say so
  assert.equal(r.lineage.find((l) => l.field === 'base.valueAddedShare.industry')?.source, 'template');
  // the sample's ei-2025 target is against its base year 2020: before 2023, so it takes the 2020 observation
  const ei = f.targets.find((t: { id: string }) => t.id === 'ei-2025');
  assert.deepEqual([ei.from, ei.fromValue], [2020, 0.45]);
  // ci-2025 has no 2020 carbon-intensity reference here: dropped, and reported
  assert.equal(f.targets.some((t: { id: string }) => t.id === 'ci-2025'), false);
  assert.ok(r.warnings.some((w) => w.en.includes('ci-2025')));
  // the file runs, and its base year is still the inventory's
  const rep = runScenarioFile(f);
  close(rep.scenarios[0].projection.co2.gross[0], inventory.co2.totals.withIndirect.value / 1e4);
  assert.ok(r.checks.filter((c) => !c.id.startsWith('directCo2.')).every((c) => c.equal));
});

test('what cannot be built is refused naming the field', () => {
  const err = (fn: () => unknown) => { try { fn(); } catch (e) { assert.ok(e instanceof DomainError); return e; } assert.fail('no error'); };
  const noShares = err(() => scenarioFromInventory({ inventory, balance, label }));
  assert.equal(noShares.field, 'valueAddedShare');
  assert.match(noShares.zh, /增加值/);
  const badSum = err(() => scenarioFromInventory({ inventory, balance, label, valueAddedShare: { primary: 0.5, industry: 0.5, construction: 0.5, transport: 0, services: 0 } }));
  assert.match(badSum.en, /add up to 1/);
  const badTemplate = err(() => scenarioFromInventory({ inventory, balance, label, template: { ...sample, endYear: 1900 } }));
  assert.equal(badTemplate.field, 'template');
  const early = err(() => scenarioFromInventory({ inventory, balance, label, template: sample, endYear: 2023 }));
  assert.equal(early.field, 'endYear');
});
