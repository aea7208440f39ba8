import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { runScenarioFile } from './run.ts';
import { LmdiFileSchema, parseLmdiFile, runLmdiFile } from './lmdi-input.ts';
import { ScenarioFileSchema } from './schema.ts';
import { decomposeProjection } from './lmdi-scenario.ts';
import { EFFECTS } from './lmdi.ts';
import { projectScenario } from './project.ts';
import { parseScenarioFile } from './validate.ts';
import { constantRateFile, edited } from './test-fixtures.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8'));
const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

test('scenario run on the demo region: three scenarios, comparison, LMDI, no Monte Carlo unless asked', () => {
  const r = runScenarioFile(read('demo-region.json'));
  assert.equal(r.format, 'shuangtan.scenario-run/v1');
  assert.deepEqual(r.comparison.map((c) => c.id), ['baseline', 'policy', 'enhanced']);
  for (const s of r.scenarios) {
    assert.equal(s.monteCarlo, undefined);
    assert.equal(s.projection.years.length, 41);
    assert.equal(s.projection.targets.length, 8);
    // LMDI periods of the file: effects add up to the change of energy CO2 between the years.
    assert.equal(s.lmdi?.length, 2);
    const [l] = s.lmdi ?? [];
    const p = s.projection;
    close(l.change, p.co2.energy[10] - p.co2.energy[0], 1e-12);
    close(EFFECTS.reduce((a, e) => a + l.additive.total[e], 0), l.change, 1e-12);
  }
  // The three scenarios start from the same base year and diverge: enhanced below policy below baseline in 2030.
  const c2030 = r.comparison.map((c) => c.co2['2030']);
  assert.equal(new Set(r.scenarios.map((s) => s.projection.co2.gross[0])).size, 1);
  assert.ok(c2030[0] > c2030[1] && c2030[1] > c2030[2]);
  assert.equal(r.comparison[0].targetsTotal, 8);
});

test('scenario run with draws and a seed is reproducible and adds the peak probability', () => {
  const sample = read('demo-region.json');
  const a = runScenarioFile(sample, { scenarios: ['policy'], draws: 300, seed: 11 });
  const b = runScenarioFile(sample, { scenarios: ['policy'], draws: 300, seed: 11 });
  assert.deepEqual(a, b);
  assert.equal(a.scenarios.length, 1);
  assert.equal(a.scenarios[0].monteCarlo?.draws, 300);
  assert.equal(a.scenarios[0].monteCarlo?.seed, 11);
  const p = a.comparison[0].probabilityPeakBy2030;
  assert.ok(p !== undefined && p >= 0 && p <= 1);
  // The file's monteCarlo block supplies the defaults: 10 000 draws, seed 2030.
  const c = runScenarioFile(sample, { scenarios: ['baseline'], draws: 20 });
  assert.equal(c.scenarios[0].monteCarlo?.seed, 2030);
  const d = runScenarioFile(edited(sample, (x) => { x.monteCarlo.draws = 50; }), { scenarios: ['baseline'], monteCarlo: true });
  assert.equal(d.scenarios[0].monteCarlo?.draws, 50);
});

test('unknown scenario id and invalid file give DomainErrors', () => {
  assert.throws(() => runScenarioFile(read('demo-region.json'), { scenarios: ['nope'] }),
    (e: unknown) => e instanceof DomainError && e.code === 'unknown_scenario' && e.field === 'scenario');
  assert.throws(() => runScenarioFile({ format: 'shuangtan.scenario/v2' }), (e: unknown) => e instanceof DomainError && e.code === 'invalid_scenario');
});

test('LMDI on scenario years of the constant-rate case, worked by hand', () => {
  // 2020 → 2025: C 125 → 125·1.0176^5. Population flat; G/P grows 1.06^5; intensity falls 0.96^5.
  // activity = L·5·ln 1.06, intensity = L·5·ln 0.96 with L = L(125·1.0176^5, 125); structure, mix, factor 0.
  const file = parseScenarioFile(constantRateFile());
  const p = projectScenario(file, 'base');
  const r = decomposeProjection(file, p, 2020, 2025);
  const cT = 125 * 1.0176 ** 5;
  const L = (cT - 125) / Math.log(cT / 125);
  close(r.additive.total.activity, L * 5 * Math.log(1.06));
  close(r.additive.total.intensity, L * 5 * Math.log(0.96));
  close(r.additive.total.structure, 0);
  close(r.additive.total.population, 0);
  assert.throws(() => decomposeProjection(file, p, 2020, 2045), (e: unknown) => e instanceof DomainError && e.field === 'year');
  assert.throws(() => decomposeProjection(file, p, 2025, 2020), DomainError);
});

test('LMDI file: the demo inventories decompose and add up', () => {
  const r = runLmdiFile(read('demo-lmdi.json'));
  assert.deepEqual(r.periods.map((p) => [p.from, p.to]), [[2010, 2015], [2015, 2020], [2010, 2020]]);
  for (const p of r.periods) close(EFFECTS.reduce((a, e) => a + p.additive.total[e], 0), p.change, 1e-12);
  // Chained periods add up to the whole period's change (each sums exactly).
  close(r.periods[0].change + r.periods[1].change, r.periods[2].change, 1e-12);
  // 2020 CO2 of the inventory file equals the demo scenario's base-year energy CO2 (same data, factor rounded to 1e-4).
  const base = projectScenario(parseScenarioFile(read('demo-region.json')), 'baseline');
  close(r.periods[1].co2To, base.co2.energy[0], 1e-5);
  // CO2 computed from the observation's factors: 2010 industry coal 320 · 2.664.
  const parsed = parseLmdiFile(read('demo-lmdi.json'));
  close(parsed.observations[0].co2.industry.coal, 320 * 2.664);
  // "chained" pairs consecutive observations.
  const chained = runLmdiFile({ ...read('demo-lmdi.json'), periods: 'chained' });
  assert.deepEqual(chained.periods.map((p) => [p.from, p.to]), [[2010, 2015], [2015, 2020]]);
});

test('LMDI file errors name the field', () => {
  const isErr = (field: string, en: RegExp) => (e: unknown) => {
    assert.ok(e instanceof DomainError);
    const i = e.issues.find((x) => x.field === field);
    assert.ok(i, `no issue on ${field}: ${e.issues.map((x) => x.field).join(', ')}`);
    assert.match(i.en, en);
    return true;
  };
  const f = () => read('demo-lmdi.json');
  assert.throws(() => runLmdiFile(edited(f(), (x) => { x.observations[0].energy.mining = { coal: 1 }; })),
    isErr('observations.0.energy.mining', /unknown sector "mining"/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { x.observations[1].energy.industry.lng = 1; })),
    isErr('observations.1.energy.industry.lng', /unknown fuel "lng"/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { x.periods = [[2010, 2025]]; })),
    isErr('periods.0.1', /2025 is outside the observations/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { x.observations[1].year = 2010; })),
    isErr('observations.1.year', /appears twice/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { delete x.observations[2].emissionFactors.gas; })),
    isErr('observations.2.co2.construction.gas', /neither CO2 nor an emission factor/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { x.observations[0].gdp = -1; })),
    isErr('observations.0.gdp', /greater than 0/));
  assert.throws(() => runLmdiFile(edited(f(), (x) => { delete x.observations[0].valueAdded.services; })),
    isErr('observations.0.valueAdded', /value added missing for sector "services"/));
});

test('both input schemas convert to JSON Schema (for OpenAPI)', () => {
  const scenario = z.toJSONSchema(ScenarioFileSchema, { io: 'input' }) as { properties: Record<string, unknown> };
  const lmdiSchema = z.toJSONSchema(LmdiFileSchema, { io: 'input' }) as { properties: Record<string, unknown> };
  assert.ok('scenarios' in scenario.properties && 'base' in scenario.properties);
  assert.ok('observations' in lmdiSchema.properties);
  // A number-or-distribution field is a number or one of the three distribution objects.
  assert.match(JSON.stringify(scenario), /"anyOf":\[\{"type":"number"\},\{"oneOf":\[\{"type":"object","properties":\{"dist":\{"type":"string","const":"normal"\}/);
});

test('the engine is pure: no clock, no Math.random, no file system outside tests', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
  assert.ok(sources.length >= 15);
  for (const n of sources) {
    const text = readFileSync(new URL(n, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(text, /Math\.random|Date\.now|new Date\(\s*\)|performance\.now/, n);
    assert.doesNotMatch(text, /from ['"](node:)?(fs|fs\/promises|child_process|http|net)['"]/, n);
    assert.ok(text.split('\n').length <= 320, `${n} is longer than ~300 lines`);
  }
});
