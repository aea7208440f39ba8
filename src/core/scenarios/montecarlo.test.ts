import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { parseScenarioFile } from './validate.ts';
import { runMonteCarlo } from './montecarlo.ts';
import { projectScenario } from './project.ts';
import { constantRateFile, edited, mixedFile } from './test-fixtures.ts';

const near = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (±${tol})`);

/** Constant-rate case with GDP growth 2026–2030 uniform on [2 %, 6 %] and flat GDP afterwards. */
function uncertainGrowth() {
  return parseScenarioFile(edited(constantRateFile(), (x) => {
    x.scenarios[0].drivers.gdp.growth = {
      '2021-2025': 0.06, '2026-2030': { dist: 'uniform', min: 0.02, max: 0.06 }, '2031-2040': 0,
    };
  }));
}

test('same seed, same results; another seed, other results', () => {
  const sample = parseScenarioFile(JSON.parse(readFileSync(new URL('./samples/demo-region.json', import.meta.url), 'utf8')));
  const a = runMonteCarlo(sample, 'policy', { draws: 400, seed: 42 });
  const b = runMonteCarlo(sample, 'policy', { draws: 400, seed: 42 });
  const c = runMonteCarlo(sample, 'policy', { draws: 400, seed: 43 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.fan.co2Gross.p50, c.fan.co2Gross.p50);
  // Uncertain inputs of "policy", counted in the sample: baseline GDP growth milestones 6, industry intensity 3,
  // households intensity 1, grid factor 4 (= 14); policy levers pv-2030, industry-efficiency, afforestation
  // (distributions) and wind-2030 (probability 0.8) (= 4) → 18.
  assert.equal(a.uncertainInputs, 18);
});

test('draw k does not depend on the number of draws', () => {
  // With one draw every percentile is that draw; with two draws, P0/P100 are the two draws, one of them the first.
  const f = uncertainGrowth();
  const one = runMonteCarlo(f, 'base', { draws: 1, seed: 9, percentiles: [0, 100] });
  const two = runMonteCarlo(f, 'base', { draws: 2, seed: 9, percentiles: [0, 100] });
  const first = one.fan.co2Gross.p0[10];
  assert.equal(one.fan.co2Gross.p100[10], first);
  assert.ok(two.fan.co2Gross.p0[10] === first || two.fan.co2Gross.p100[10] === first);
});

test('probability of peaking by 2025 from one uniform growth rate, worked by hand', () => {
  // CO2 grows by (1.06 · 0.96) = 1.0176 a year to 2025, then by (1 + g) · 0.96 in 2026–2030, then falls (0.96).
  // It peaks in 2025 iff (1 + g) · 0.96 < 1 ⇔ g < 1/0.96 − 1 = 0.0416667, otherwise in 2030.
  // g ~ U(0.02, 0.06): P(peak ≤ 2025) = (0.0416667 − 0.02) / 0.04 = 0.5416667; P(peak ≤ 2030) = 1.
  // 20 000 draws: standard error sqrt(0.54 · 0.46 / 20 000) = 0.0035; allow 4 SE.
  const r = runMonteCarlo(uncertainGrowth(), 'base', { draws: 20_000, seed: 2025, peakBy: [2025, 2030, 2045] });
  near(r.peak.probabilityBy['2025'], 0.5416667, 0.014, 'P(peak by 2025)');
  assert.equal(r.peak.probabilityBy['2030'], 1);
  assert.equal(r.peak.probabilityReached, 1);
  assert.deepEqual(r.peak.yearDistribution.map((d) => d.year), [2025, 2030]);
  assert.deepEqual(Object.keys(r.peak.probabilityBy), ['2025', '2030'], 'years after the horizon (2040) are left out');
  // Fan: CO2(2030) = 125 · 1.0176^5 · ((1 + g) · 0.96)^5 rises with g, so its percentiles are those of g:
  // P50 at g = 0.04, P5 at g = 0.022, P95 at g = 0.058 (sample quantiles of g within ±0.001 here → ±0.5 %).
  const co2 = (g: number) => 125 * 1.0176 ** 5 * ((1 + g) * 0.96) ** 5;
  const rel = (a: number, b: number) => Math.abs(a / b - 1);
  assert.ok(rel(r.fan.co2Gross.p50[10], co2(0.04)) < 0.005);
  assert.ok(rel(r.fan.co2Gross.p5[10], co2(0.022)) < 0.005);
  assert.ok(rel(r.fan.co2Gross.p95[10], co2(0.058)) < 0.005);
  // Before the uncertain period every draw is identical: P5 = P95 = 125 · 1.0176^5 in 2025.
  near(r.fan.co2Gross.p5[5], 125 * 1.0176 ** 5, 1e-9);
  near(r.fan.co2Gross.p95[5], 125 * 1.0176 ** 5, 1e-9);
});

test('probability of meeting an intensity target, worked by hand', () => {
  // Intensity rate r ~ U(−5 %, −1 %) over 2021–2030: reduction 2030 vs 2020 = 1 − (1 + r)^10 ≥ 0.25
  // ⇔ r ≤ 0.75^0.1 − 1 = −0.0283589 ⇒ P = (−0.0283589 + 0.05) / 0.04 = 0.541027. 20 000 draws, 4 SE ≈ 0.014.
  const f = parseScenarioFile(edited(constantRateFile(), (x) => {
    x.scenarios[0].drivers.intensity.industry.growth = { '2021-2030': { dist: 'uniform', min: -0.05, max: -0.01 }, '2031-2040': -0.04 };
    x.targets = [{ id: 'ei', metric: 'energyIntensityReduction', year: 2030, value: 0.25 }];
  }));
  const r = runMonteCarlo(f, 'base', { draws: 20_000, seed: 7 });
  near(r.targets[0].probability, 0.541027, 0.014, 'P(target met)');
  assert.equal(r.targets[0].definedShare, 1);
  // Margin median: r median −0.03 → 1 − 0.97^10 − 0.25 = 0.0125759 (sample median of r within ±0.0006 → ±0.005).
  near(r.targets[0].margin?.p50 ?? NaN, 1 - 0.97 ** 10 - 0.25, 0.005, 'median margin');
});

test('a lever carried out with probability 0.3', () => {
  // PV +50 万kW by 2025 with probability 0.3: capacity 150 in 30 % of draws, 100 otherwise; target ≥ 150.
  // 5000 draws: SE sqrt(0.3 · 0.7 / 5000) = 0.0065; allow 4 SE.
  const f = parseScenarioFile(edited(mixedFile(), (x) => {
    x.scenarios[0].levers = [{ id: 'pv', type: 'capacity', tech: 'pv', add: 50, start: 2021, end: 2025, probability: 0.3 }];
    x.targets = [{ id: 'pv', metric: 'capacity', tech: 'pv', year: 2025, value: 150 }];
  }));
  const r = runMonteCarlo(f, 'base', { draws: 5000, seed: 3 });
  assert.equal(r.uncertainInputs, 1);
  near(r.targets[0].probability, 0.3, 0.026, 'P(lever)');
  assert.equal(r.targets[0].margin?.p5, -50);
  assert.equal(r.targets[0].margin?.p95, 0);
});

test('without uncertain inputs every draw is the deterministic run', () => {
  const f = parseScenarioFile(mixedFile());
  const r = runMonteCarlo(f, 'base', { draws: 50, seed: 1 });
  const d = projectScenario(f, 'base');
  assert.equal(r.uncertainInputs, 0);
  assert.deepEqual(r.fan.co2Gross.p5, d.co2.gross);
  assert.deepEqual(r.fan.co2Gross.p95, d.co2.gross);
  assert.deepEqual(r.fan.nonFossilShare.p50, d.shares.nonFossil);
  assert.equal(r.peak.probabilityReached, 0); // flat path
  assert.equal(r.peak.year, null);
});

test('truncation bounds hold in every draw', () => {
  // GDP growth 2021–2025 ~ N(4 %, 3 %) truncated to [3 %, 5 %]: CO2(2025) = 125 · ((1 + g) · 0.96)^5 stays between
  // the values at g = 0.03 and g = 0.05.
  const f = parseScenarioFile(edited(constantRateFile(), (x) => {
    x.scenarios[0].drivers.gdp.growth['2021-2025'] = { dist: 'normal', mean: 0.04, sd: 0.03, min: 0.03, max: 0.05 };
  }));
  const r = runMonteCarlo(f, 'base', { draws: 3000, seed: 5, percentiles: [0, 100] });
  const co2 = (g: number) => 125 * ((1 + g) * 0.96) ** 5;
  assert.ok(r.fan.co2Gross.p0[5] >= co2(0.03) - 1e-9);
  assert.ok(r.fan.co2Gross.p100[5] <= co2(0.05) + 1e-9);
});

test('bad Monte Carlo options get a clear error', () => {
  const f = parseScenarioFile(mixedFile());
  for (const [opts, field] of [[{ draws: 0, seed: 1 }, 'draws'], [{ draws: 1.5, seed: 1 }, 'draws'], [{ draws: 10, seed: -1 }, 'seed'],
    [{ draws: 10, seed: 1, percentiles: [150] }, 'percentiles']] as const) {
    assert.throws(() => runMonteCarlo(f, 'base', opts), (e: unknown) => e instanceof DomainError && e.field === field && /[\u4e00-\u9fff]/.test(e.zh));
  }
  assert.throws(() => runMonteCarlo(f, 'nope', { draws: 10, seed: 1 }), (e: unknown) => e instanceof DomainError && e.code === 'unknown_scenario');
});
