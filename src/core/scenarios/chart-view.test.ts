import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runScenarioFile } from './run.ts';
import { chartView } from './chart-view.ts';
import { PROGRESS_EVERY } from './montecarlo.ts';

const sample = JSON.parse(readFileSync(new URL('./samples/demo-region.json', import.meta.url), 'utf8'));

test('progress is reported across scenarios and does not change the result', () => {
  const seen: [number, number][] = [];
  const a = runScenarioFile(sample, { draws: 1200, seed: 7, onProgress: (done, total) => seen.push([done, total]) });
  const b = runScenarioFile(sample, { draws: 1200, seed: 7 });
  assert.deepEqual(a, b);
  // three scenarios × 1200 draws: every 500 draws and at the end of each scenario
  assert.deepEqual(seen.map(([d]) => d), [500, 1000, 1200, 1700, 2200, 2400, 2900, 3400, 3600]);
  assert.ok(seen.every(([, t]) => t === 3600));
  assert.equal(PROGRESS_EVERY, 500);
});

test('the chart view keeps what the charts show, with the same numbers, and is much smaller', () => {
  const full = runScenarioFile(sample, { draws: 200, seed: 1 });
  const view = chartView(full);
  assert.deepEqual(view.comparison, full.comparison);
  const [v, f] = [view.scenarios[1], full.scenarios[1]];
  assert.deepEqual(v.projection.co2.gross, f.projection.co2.gross);
  assert.deepEqual(v.projection.energy.byFuel, f.projection.energy.byFuel);
  assert.deepEqual(v.projection.targets, f.projection.targets);
  assert.deepEqual(v.monteCarlo?.fan.co2Gross, f.monteCarlo?.fan.co2Gross);
  assert.deepEqual(Object.keys(v.monteCarlo?.fan ?? {}), ['co2Gross']); // the sample's peak basis is gross
  assert.deepEqual(v.monteCarlo?.peak, f.monteCarlo?.peak);
  assert.deepEqual(v.lmdi, f.lmdi);
  assert.ok(JSON.stringify(view).length < JSON.stringify(full).length / 2);
});
