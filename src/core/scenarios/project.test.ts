import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioFile } from './validate.ts';
import { projectScenario } from './project.ts';
import { constantRateFile, edited, mixedFile } from './test-fixtures.ts';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
const at = (series: number[], year: number, base = 2020) => series[year - base];

test('constant-rate case: CO2 grows 1.06·0.96 a year to 2025, then falls; peak 2025', () => {
  // CO2 = 2.5 · I · G with I falling 4 %/yr and G growing 6 %, 4 %, 2 %.
  //   2021–2025: factor 1.06 · 0.96 = 1.0176 (> 1, rising)
  //   2026–2030: factor 1.04 · 0.96 = 0.9984 (< 1, falling)
  //   2031–2040: factor 1.02 · 0.96 = 0.9792 (falling)
  // Base CO2 = 2.5 · 50 = 125, so the peak is in 2025 at 125 · 1.0176^5 = 136.394075 (1.0176^5 = 1.0911526).
  const p = projectScenario(parseScenarioFile(constantRateFile()), 'base');
  close(at(p.co2.gross, 2020), 125);
  close(at(p.co2.gross, 2025), 125 * 1.0176 ** 5);
  close(at(p.co2.gross, 2030), 125 * 1.0176 ** 5 * 0.9984 ** 5);
  close(at(p.co2.gross, 2040), 125 * 1.0176 ** 5 * 0.9984 ** 5 * 0.9792 ** 10);
  assert.equal(p.peak.year, 2025);
  assert.equal(p.peak.reached, true);
  assert.equal(p.peak.basis, 'gross');
  close(p.peak.value, 136.394075, 1e-7);
  // Energy intensity 0.5 · 0.96^t; energy = 50 · 1.0176^5 in 2025 (CO2 / 2.5).
  close(at(p.intensity.energy, 2025), 0.5 * 0.96 ** 5);
  close(at(p.energy.total, 2025), 50 * 1.0176 ** 5);
  close(at(p.gdp, 2030), 100 * 1.06 ** 5 * 1.04 ** 5);
});

test('a path still rising at the horizon has not peaked', () => {
  const f = edited(constantRateFile(), (x) => { x.scenarios[0].drivers.intensity.industry.growth = { '2021-2040': 0 }; });
  const p = projectScenario(parseScenarioFile(f), 'base');
  assert.equal(p.peak.reached, false);
  assert.equal(p.peak.year, null);
  assert.equal(p.peak.maxYear, 2040);
});

test('base year reproduces a hand-computed inventory with electricity, PV, process and sinks', () => {
  // Electricity: 50 + 20 + 10 = 80 万tce → D = 80 / (10 · 0.3) = 26.667 亿kWh.
  // PV: 100 万kW · 1000 h / 10⁴ = 10 亿kWh → bought N = 16.667 亿kWh → CO2 = 16.667 · 0.6 · 10 = 100 万t.
  // Electricity factor per tce = 0.6 · 16.667 / (26.667 · 0.3) = 1.25 → industry 62.5, services 25, households 12.5.
  // Coal 100 · 2.6 = 260; gas 10 · 1.6 = 16; process 10 · 0.5 = 5.
  // Energy CO2 = 260 + 16 + 100 = 376; gross = 381; net = 381 − 20 = 361.
  // Non-fossil: electricity (10 + 16.667 · 0.4) / 26.667 = 0.625 → 5 + 80 · 0.625 = 55 of 195 万tce = 0.282051.
  const p = projectScenario(parseScenarioFile(mixedFile()), 'base');
  close(p.electricity.demand[0], 80 / 3);
  close(p.electricity.localGeneration[0], 10);
  close(p.electricity.gridPurchase[0], 50 / 3);
  close(p.electricity.factorPerTce[0], 1.25);
  close(p.co2.bySectorFuel.industry.electricity[0], 62.5);
  close(p.co2.bySectorFuel.services.electricity[0], 25);
  close(p.co2.bySectorFuel.households.electricity[0], 12.5);
  close(p.co2.byFuel.coal[0], 260);
  close(p.co2.byFuel.gas[0], 16);
  close(p.co2.energy[0], 376);
  close(p.co2.process[0], 5);
  close(p.co2.gross[0], 381);
  close(p.co2.net[0], 361);
  close(p.co2.bySector.industry[0], 260 + 62.5 + 5);
  close(p.energy.total[0], 195);
  close(p.shares.nonFossil[0], 55 / 195);
  close(p.shares.electrification[0], 80 / 195);
  close(p.intensity.energy[0], 0.195);           // 195 万tce / 1000 亿元 = 0.195 tce/万元
  close(p.intensity.energyPerCapita[0], 1.95);   // 195 万tce / 100 万人
  close(p.valueAdded.industry[0], 600);
  // Flat drivers: every year equals the base year, so the path has no peak within the horizon.
  close(p.co2.gross[10], 381);
  assert.equal(p.peak.reached, false);
});

test('local generation above demand is not credited', () => {
  // PV 400 万kW · 1000 h = 40 亿kWh > 26.667 demand → nothing bought, electricity CO2 0, all electricity non-fossil.
  const f = edited(mixedFile(), (x) => { x.base.generation[0].capacity = 400; });
  const p = projectScenario(parseScenarioFile(f), 'base');
  assert.equal(p.electricity.gridPurchase[0], 0);
  assert.equal(p.co2.byFuel.electricity[0], 0);
  close(p.shares.nonFossil[0], 85 / 195); // 5 biomass + 80 electricity
});

test('levers, worked by hand', () => {
  const f = edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [
      // PV +25 万kW over 2021–2025: +5 a year, 2023 → 115, from 2025 on → 125.
      { id: 'pv', type: 'capacity', tech: 'pv', add: 25, start: 2021, end: 2025, probability: 0.4 },
      // Industry coal share −1.5 points a year to gas, 2021–2030: industry mix coal 2/3 → 2/3 − 0.015 t.
      { id: 'coal', type: 'fuelShift', sector: 'industry', from: ['coal'], to: 'gas', perYear: 0.015, start: 2021, end: 2030 },
      // Extra −1 %/yr industry intensity 2021–2025 (base path flat): 2025 → ×0.99^5, then held.
      { id: 'eff', type: 'intensity', sector: 'industry', perYear: -0.01, start: 2021, end: 2025 },
      // Services gains 1 point of GDP share a year from industry, 2021–2030: 2023 → industry 0.57, services 0.43.
      { id: 'str', type: 'structureShift', from: 'industry', to: 'services', perYear: 0.01, start: 2021, end: 2030 },
      // Capture ramps to 50 % over 2026–2030 (5 years): 2028 → 30 %.
      { id: 'ccus', type: 'capture', process: 'clinker', share: 0.5, start: 2026, end: 2030 },
      // Sinks +30 over 2021–2030: 2025 → +15.
      { id: 'sink', type: 'sink', add: 30, start: 2021, end: 2030 },
      // Grid factor −2 %/yr 2021–2025: 2025 → 0.6 · 0.98^5, then held.
      { id: 'grid', type: 'gridFactor', perYear: -0.02, start: 2021, end: 2025 },
      // Clinker activity −10 %/yr 2021–2022: 2022 → 10 · 0.9² = 8.1.
      { id: 'proc', type: 'process', process: 'clinker', perYear: -0.1, start: 2021, end: 2022 },
    ];
  });
  const p = projectScenario(parseScenarioFile(f), 'base');
  close(at(p.electricity.capacity.pv, 2023), 115);   // probability < 1: a deterministic run applies the lever
  close(at(p.electricity.capacity.pv, 2025), 125);
  close(at(p.electricity.capacity.pv, 2030), 125);
  const mix = (y: number, fuel: string) => at(p.energy.bySectorFuel.industry[fuel], y) / at(p.energy.bySector.industry, y);
  close(mix(2025, 'coal'), 2 / 3 - 5 * 0.015);
  close(mix(2025, 'gas'), 5 * 0.015);
  close(mix(2030, 'coal'), 2 / 3 - 10 * 0.015);
  close(mix(2025, 'electricity'), 1 / 3);
  close(at(p.valueAdded.industry, 2023), 570);
  close(at(p.valueAdded.services, 2023), 430);
  // Industry energy 2025 = intensity (150/600) · 0.99^5 · value added 1000 · (0.6 − 0.05).
  close(at(p.energy.bySector.industry, 2025), 0.25 * 0.99 ** 5 * 550);
  close(at(p.co2.byProcess.clinker, 2022), 8.1 * 0.5);
  close(at(p.co2.byProcess.clinker, 2028), 8.1 * 0.5 * (1 - 0.3));
  close(at(p.co2.sinks, 2025), 35);
  close(at(p.electricity.gridFactor, 2025), 0.6 * 0.98 ** 5);
  close(at(p.electricity.gridFactor, 2030), 0.6 * 0.98 ** 5);
});

test('fuel shifts take from several fuels in proportion and never more than they hold', () => {
  // Services mix electricity 2/3, gas 1/3. Shift 0.2 a year from [electricity, gas] to oil in 2021:
  // available 1 → electricity 2/3 · 0.8, gas 1/3 · 0.8, oil 0.2. A shift of 0.5/yr from gas alone
  // (1/3 available) in 2021 moves only 1/3: gas 0, oil 1/3.
  const f1 = edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.fuelShifts = [{ sector: 'services', from: ['electricity', 'gas'], to: 'oil', perYear: 0.2, start: 2021, end: 2021 }];
  });
  const p1 = projectScenario(parseScenarioFile(f1), 'base');
  const s1 = (fuel: string) => p1.energy.bySectorFuel.services[fuel][1] / p1.energy.bySector.services[1];
  close(s1('electricity'), (2 / 3) * 0.8);
  close(s1('gas'), (1 / 3) * 0.8);
  close(s1('oil'), 0.2);
  const f2 = edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.fuelShifts = [{ sector: '*', from: ['gas'], to: { oil: 3, coal: 1 }, perYear: 0.5, start: 2021, end: 2030 }];
  });
  const p2 = projectScenario(parseScenarioFile(f2), 'base');
  const s2 = (fuel: string, y: number) => at(p2.energy.bySectorFuel.services[fuel], y) / at(p2.energy.bySector.services, y);
  close(s2('gas', 2021), 0);
  close(s2('oil', 2021), (1 / 3) * 0.75);
  close(s2('coal', 2030), (1 / 3) * 0.25);
  close(s2('electricity', 2030), 2 / 3);
});

test('milestone paths interpolate linearly and hold after the last milestone', () => {
  // Grid non-fossil share 0.4 (2020) → 0.6 (2030): 2025 → 0.5. Population milestones 100 → 110 in 2025: 2023 → 106.
  const f = edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.gridNonFossilShare = { milestones: { 2030: 0.6 } };
    x.scenarios[0].drivers.population = { milestones: { 2025: 110 } };
  });
  const p = projectScenario(parseScenarioFile(f), 'base');
  close(at(p.electricity.gridNonFossilShare, 2025), 0.5);
  close(at(p.population, 2023), 106);
  close(at(p.population, 2030), 110);
  // Household energy follows population: 15 万tce · 110/100 in 2030.
  close(at(p.energy.bySector.households, 2030), 16.5);
});

test('growth milestones: annual rates interpolated between milestone years', () => {
  // GDP growth 5 % in 2021 falling linearly to 1 % in 2025, flat after: rates 5, 4, 3, 2, 1 % then 1 %.
  // GDP 2025 = 1000 · 1.05 · 1.04 · 1.03 · 1.02 · 1.01 = 1158.8193; 2030 = that · 1.01^5.
  // Population growth milestone only in 2023 (0.2 %): flat before and after → 0.2 % every year.
  const f = edited(mixedFile(), (x) => {
    x.scenarios[0].drivers.gdp = { growthMilestones: { 2021: 0.05, 2025: 0.01 } };
    x.scenarios[0].drivers.population = { growthMilestones: { 2023: 0.002 } };
  });
  const p = projectScenario(parseScenarioFile(f), 'base');
  const g2025 = 1000 * 1.05 * 1.04 * 1.03 * 1.02 * 1.01;
  close(at(p.gdp, 2025), g2025);
  close(at(p.gdp, 2030), g2025 * 1.01 ** 5);
  close(at(p.population, 2030), 100 * 1.002 ** 10);
});

test('inheritance: a child lever with the same id replaces the parent one; disableLevers drops one', () => {
  const f = edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [
      { id: 'pv', type: 'capacity', tech: 'pv', add: 10, start: 2021, end: 2021 },
      { id: 'sink', type: 'sink', add: 10, start: 2021, end: 2021 },
    ];
    x.scenarios.push({ id: 'policy', name: '政策', extends: 'base', levers: [{ id: 'pv', type: 'capacity', tech: 'pv', add: 50, start: 2021, end: 2021 }] });
    x.scenarios.push({ id: 'nosink', name: '无汇', extends: 'policy', disableLevers: ['sink'] });
  });
  const file = parseScenarioFile(f);
  assert.equal(at(projectScenario(file, 'base').electricity.capacity.pv, 2021), 110);
  const policy = projectScenario(file, 'policy');
  assert.equal(at(policy.electricity.capacity.pv, 2021), 150);
  assert.equal(at(policy.co2.sinks, 2021), 30);
  const nosink = projectScenario(file, 'nosink');
  assert.deepEqual(nosink.scenario.lineage, ['base', 'policy', 'nosink']);
  assert.equal(at(nosink.co2.sinks, 2021), 20);
  assert.equal(at(nosink.electricity.capacity.pv, 2021), 150);
  assert.deepEqual(nosink.inputs.levers.map((l) => l.id), ['pv']);
});
