import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioFile } from './validate.ts';
import { projectScenario } from './project.ts';
import { findPeak } from './peak.ts';
import { constantRateFile, edited, mixedFile } from './test-fixtures.ts';

const close = (a: number | null, b: number, tol = 1e-9) => {
  assert.ok(a !== null);
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
};

test('targets on the constant-rate case: pass/fail with margins worked by hand', () => {
  const f = edited(constantRateFile(), (x) => {
    x.targets = [
      // Energy intensity 2025 vs 2020: 1 − 0.96^5 = 0.1846273 ≥ 0.18 → pass, margin 0.0046273.
      { id: 'ei', metric: 'energyIntensityReduction', year: 2025, value: 0.18 },
      // Same for carbon intensity (one fuel, constant factor), against 0.19 → fail, margin −0.0053727.
      { id: 'ci', metric: 'carbonIntensityReduction', year: 2025, value: 0.19 },
      // …and with a 0.006 tolerance ("左右") it passes, margin still −0.0053727.
      { id: 'ci-about', metric: 'carbonIntensityReduction', year: 2025, value: 0.19, tolerance: 0.006 },
      // 2030 vs 2025: 1 − 0.96^5 again (intensity falls 4 % every year).
      { id: 'ei-2030', metric: 'energyIntensityReduction', year: 2030, from: 2025, value: 0.18 },
      // Peak 2025: by 2030 → pass with 5 years to spare; by 2024 → fail by one year.
      { id: 'peak', metric: 'peakYear', value: 2030 },
      { id: 'peak-early', metric: 'peakYear', value: 2024 },
      // Coal 2025 = 50 · 1.0176^5 = 54.558 ≤ 60 → margin 5.442; CO2 cap 130 < 136.394 → fail by 6.394.
      { id: 'coal', metric: 'fuelConsumption', fuel: 'coal', year: 2025, value: 60 },
      { id: 'co2', metric: 'co2', year: 2025, value: 130 },
      // Energy intensity level 2025 = 0.5 · 0.96^5 = 0.407686 ≤ 0.41 → margin 0.002314.
      { id: 'ei-level', metric: 'energyIntensity', year: 2025, value: 0.41 },
      // Coal share of energy is 1 → "≤ 0.9" fails by 0.1.
      { id: 'coal-share', metric: 'fuelShare', fuel: 'coal', year: 2025, value: 0.9 },
    ];
  });
  const p = projectScenario(parseScenarioFile(f), 'base');
  const t = Object.fromEntries(p.targets.map((r) => [r.id, r]));
  const red = 1 - 0.96 ** 5;
  close(t.ei.value, red); close(t.ei.margin, red - 0.18); assert.equal(t.ei.pass, true);
  assert.equal(t.ei.op, '>='); assert.equal(t.ei.from, 2020); assert.equal(t.ei.unit, 'fraction');
  close(t.ci.margin, red - 0.19); assert.equal(t.ci.pass, false);
  close(t['ci-about'].margin, red - 0.19); assert.equal(t['ci-about'].pass, true);
  close(t['ei-2030'].value, red); assert.equal(t['ei-2030'].from, 2025);
  assert.equal(t.peak.value, 2025); assert.equal(t.peak.margin, 5); assert.equal(t.peak.pass, true);
  assert.equal(t['peak-early'].margin, -1); assert.equal(t['peak-early'].pass, false);
  close(t.coal.margin, 60 - 50 * 1.0176 ** 5); assert.equal(t.coal.pass, true); assert.equal(t.coal.op, '<=');
  close(t.co2.margin, 130 - 125 * 1.0176 ** 5); assert.equal(t.co2.pass, false);
  close(t['ei-level'].margin, 0.41 - 0.5 * 0.96 ** 5); assert.equal(t['ei-level'].pass, true);
  close(t['coal-share'].margin, -0.1); assert.equal(t['coal-share'].pass, false);
});

test('shares, capacity and sinks targets on the mixed case', () => {
  // Non-fossil 55/195 = 0.282051; electrification 80/195 = 0.410256; PV 100 万kW; sinks 20.
  const f = edited(mixedFile(), (x) => {
    x.targets = [
      { id: 'nf', metric: 'nonFossilShare', year: 2025, value: 0.25 },
      { id: 'el', metric: 'electrificationShare', year: 2025, value: 0.5 },
      { id: 'pv', metric: 'capacity', tech: 'pv', year: 2030, value: 120 },
      { id: 'all', metric: 'capacity', tech: '*', year: 2030, value: 100 },
      { id: 'sink', metric: 'sinks', year: 2030, value: 20 },
      { id: 'net', metric: 'co2', basis: 'net', year: 2030, value: 361 },
      { id: 'peak', metric: 'peakYear', value: 2030 },
    ];
  });
  const p = projectScenario(parseScenarioFile(f), 'base');
  const t = Object.fromEntries(p.targets.map((r) => [r.id, r]));
  close(t.nf.margin, 55 / 195 - 0.25); assert.equal(t.nf.pass, true);
  close(t.el.margin, 80 / 195 - 0.5); assert.equal(t.el.pass, false);
  assert.equal(t.pv.margin, -20); assert.equal(t.pv.pass, false);
  assert.equal(t.all.margin, 0); assert.equal(t.all.pass, true);
  assert.equal(t.sink.pass, true);
  close(t.net.margin, 0); assert.equal(t.net.pass, true);
  // Flat emissions: no peak within the horizon → the peak target fails with no value.
  assert.equal(t.peak.value, null); assert.equal(t.peak.margin, null); assert.equal(t.peak.pass, false);
});

test('findPeak: plateau, base-year peak, float noise', () => {
  const years = [2020, 2021, 2022, 2023, 2024];
  assert.deepEqual(findPeak([1, 3, 3, 2, 1], years), { year: 2021, value: 3, maxYear: 2021, reached: true, atBaseYear: false });
  assert.deepEqual(findPeak([5, 4, 3, 2, 1], years), { year: 2020, value: 5, maxYear: 2020, reached: true, atBaseYear: true });
  // A plateau that lasts to the horizon has not peaked.
  assert.equal(findPeak([1, 2, 3, 3, 3], years).reached, false);
  // 1e-13 relative wobble on a plateau does not move the peak to the later year.
  assert.equal(findPeak([1, 2, 2 * (1 + 1e-13), 1.5, 1], years).year, 2021);
  assert.throws(() => findPeak([1, 2], years), RangeError);
});
