import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapPlanTargets, peakCommitment, peakTarget, type PlanTargetIn } from './plan-targets.ts';
import { rebaseScenarios, scaleNum } from './rebase.ts';
import { parseScenarioFile } from './validate.ts';
import { projectScenario } from './project.ts';
import { constantRateFile, edited } from './test-fixtures.ts';
import { readFileSync } from 'node:fs';

const target = (p: Partial<PlanTargetIn> & Pick<PlanTargetIn, 'ref' | 'indicatorCode' | 'value'>): PlanTargetIn => ({
  planId: 7, planTitle: '示范市碳达峰实施方案', indicatorName: p.indicatorCode ?? '—', year: 2025, unit: '%', qualifier: 'exact', kind: 'level',
  annual: false, baselineYear: null, baselineValue: null, deferred: false, reviewStatus: 'accepted', quote: '', defaultBaselineYear: 2020, ...p,
});
const facts = { baseYear: 2023, endYear: 2060, fuels: ['coal', 'electricity'], techs: ['pv', 'wind', 'hydro'] };
const refs = (code: string, year: number) => (code === 'energy_intensity' && year === 2020
  ? { value: 0.4, unit: '吨标准煤/万元', ref: 'observation #3', zh: '2020年观测值', en: '2020 observation' } : undefined);

test('plan targets the model computes become scenario targets; the others are listed with the reason', () => {
  const r = mapPlanTargets([
    target({ ref: 'T1', indicatorCode: 'energy_intensity_reduction', value: 13.5, kind: 'reduction' }),
    target({ ref: 'T2', indicatorCode: 'carbon_intensity_reduction', value: 18, kind: 'reduction' }),
    target({ ref: 'T3', indicatorCode: 'non_fossil_share', value: 25, year: 2030, kind: 'share', qualifier: 'about' }),
    target({ ref: 'T4', indicatorCode: 'total_energy_consumption', value: 800, unit: '万吨标准煤', kind: 'cap', qualifier: 'within' }),
    target({ ref: 'T5', indicatorCode: 'solar_capacity', value: 20, unit: '万千瓦', kind: 'increase', baselineValue: 50 }),
    target({ ref: 'T6', indicatorCode: 'carbon_intensity_reduction', value: 20, year: 2030, kind: 'reduction', baselineYear: 2025 }),
    target({ ref: 'T7', indicatorCode: 'coal_share', value: 40, kind: 'cap' }),
    target({ ref: 'T8', indicatorCode: 'energy_intensity_reduction', value: null, kind: 'reduction', deferred: true }),
    target({ ref: 'T9', indicatorCode: null, value: 5, unit: '个' }),
    target({ ref: 'T10', indicatorCode: 'forest_coverage', value: 46 }),
    target({ ref: 'T11', indicatorCode: 'non_fossil_share', value: 20, year: 2020, kind: 'share' }),
    target({ ref: 'T12', indicatorCode: 'non_fossil_share', value: 25, year: 2030, kind: 'share', planId: 8 }),
    target({ ref: 'T13', indicatorCode: 'wind_solar_capacity', value: 300, unit: '万千瓦' }),
    target({ ref: 'T14', indicatorCode: 'electrification_rate', value: 30 }),
    target({ ref: 'T15', indicatorCode: 'energy_intensity_reduction', value: 3, kind: 'reduction', annual: true }),
    target({ ref: 'T16', indicatorCode: 'energy_intensity', value: 0.35, unit: '吨标准煤/万元', reviewStatus: 'rejected' }),
  ], facts, refs);
  const t = Object.fromEntries(r.targets.map((x) => [x.id, x]));
  // 13.5 % by 2025 against 2020 (the plan's default base year), before the 2023 base: the 2020 intensity 0.4 is the reference
  assert.deepEqual(t['plan7-T1'], { id: 'plan7-T1', name: '2025年energy_intensity_reduction', year: 2025, metric: 'energyIntensityReduction', value: 0.135, from: 2020, fromValue: 0.4, op: '>=', tolerance: 0 });
  assert.equal(r.mapped.find((m) => m.ref === 'T1')?.fromValue?.source, 'observation');
  // a reduction from 2025 is inside the projection: no reference value needed
  assert.deepEqual([t['plan7-T6'].from, t['plan7-T6'].fromValue, t['plan7-T6'].value], [2025, undefined, 0.2]);
  assert.deepEqual([t['plan7-T3'].metric, t['plan7-T3'].value, t['plan7-T3'].op, t['plan7-T3'].tolerance], ['nonFossilShare', 0.25, '>=', 0]);
  assert.deepEqual([t['plan7-T4'].metric, t['plan7-T4'].value, t['plan7-T4'].op], ['energyTotal', 800, '<=']);
  // 新增 20万千瓦 on a base of 50 → at least 70
  assert.deepEqual([t['plan7-T5'].metric, t['plan7-T5'].tech, t['plan7-T5'].value, t['plan7-T5'].op], ['capacity', 'pv', 70, '>=']);
  const skipped = Object.fromEntries(r.skipped.map((s) => [s.ref, s.en]));
  assert.match(skipped.T2, /no 2020 value/); // no 2020 carbon-intensity reference
  assert.match(skipped.T7, /power and heat plants/);
  assert.match(skipped.T8, /higher level/);
  assert.match(skipped.T9, /not linked/);
  assert.match(skipped.T10, /removals/);
  assert.match(skipped.T11, /not after the base year/);
  assert.match(skipped.T12, /same as plan7-T3/);
  assert.match(skipped.T13, /technologies/); // hydro is not wind or solar
  assert.match(skipped.T14, /final energy/);
  assert.match(skipped.T15, /annual/);
  assert.equal(skipped.T16, undefined); // a rejected target is not a target
  assert.equal(r.targets.length + r.skipped.length, 15);
});

test('the peak commitment is read from the plan text', () => {
  const c = peakCommitment([
    { id: 1, title: '甲方案', text: '工业领域力争2025年前率先达峰。确保2030年前实现碳达峰。' },
    { id: 2, title: '乙方案', text: '到2030年，…，二氧化碳排放量2030年前达到峰值并实现稳中有降。' },
  ]);
  assert.deepEqual(c, { year: 2030, planId: 1, planTitle: '甲方案', quote: '2030年前实现碳达峰' });
  assert.equal(peakCommitment([{ id: 1, title: '无', text: '推动绿色低碳发展。' }]), null);
  const t = peakTarget(c!);
  assert.deepEqual([t.id, t.metric, t.value], ['plan1-peak', 'peakYear', 2030]);
});

test('a reduction from before the base year uses the given reference intensity (fromValue)', () => {
  // constant-rate case: intensity 0.5 in 2020, −4 % a year → 0.5 · 0.96^5 = 0.407686 in 2025.
  // Against a 2018 intensity of 0.55: 1 − 0.407686 / 0.55 = 0.258752 ≥ 0.25 → pass, margin 0.008752.
  const f = edited(constantRateFile(), (x) => { x.targets = [{ id: 'ei', metric: 'energyIntensityReduction', year: 2025, from: 2018, fromValue: 0.55, value: 0.25 }]; });
  const [r] = projectScenario(parseScenarioFile(f), 'base').targets;
  const v = 1 - (0.5 * 0.96 ** 5) / 0.55;
  assert.ok(Math.abs((r.value as number) - v) < 1e-12);
  assert.ok(Math.abs((r.margin as number) - (v - 0.25)) < 1e-12);
  assert.deepEqual([r.pass, r.from, r.fromValue], [true, 2018, 0.55]);
  // without fromValue a year before the base is out of range; fromValue on a reference year inside it is refused
  const bad = (t: Record<string, unknown>) => { try { parseScenarioFile(edited(constantRateFile(), (x) => { x.targets = [t]; })); } catch (e) { return (e as { issues: { field: string }[] }).issues.map((i) => i.field); } return []; };
  assert.deepEqual(bad({ id: 'a', metric: 'energyIntensityReduction', year: 2025, from: 2018, value: 0.2 }), ['targets.0.from']);
  assert.deepEqual(bad({ id: 'b', metric: 'energyIntensityReduction', year: 2025, from: 2021, fromValue: 0.5, value: 0.2 }), ['targets.0.fromValue']);
  assert.deepEqual(bad({ id: 'c', metric: 'nonFossilShare', year: 2025, fromValue: 0.5, value: 0.2 }), ['targets.0.fromValue']);
});

test('rebasing the sample from 2020 to 2023: past knots and measures go, straddling ones are cut', () => {
  const sample = JSON.parse(readFileSync(new URL('./samples/demo-region.json', import.meta.url), 'utf8'));
  const { scenarios, notes } = rebaseScenarios(sample.scenarios, 2020, 2023, 2060);
  const [baseline, policy] = scenarios as Record<string, any>[];
  // population growth periods 2021-2025 … → 2024-2025 …
  assert.deepEqual(Object.keys(baseline.drivers.population.growth), ['2024-2025', '2026-2030', '2031-2045', '2046-2060']);
  // GDP growth knots 2021, 2025, … : the 2021 knot moves to 2024
  assert.deepEqual(Object.keys(baseline.drivers.gdp.growthMilestones), ['2024', '2025', '2030', '2035', '2045', '2060']);
  assert.deepEqual(baseline.drivers.gdp.growthMilestones['2024'], sample.scenarios[0].drivers.gdp.growthMilestones['2021']);
  const lever = (id: string) => policy.levers.find((l: { id: string }) => l.id === id);
  // PV +25 over 2021–2025: 2 of 5 years left → +10 over 2024–2025
  assert.deepEqual([lever('pv-2025').start, lever('pv-2025').end, lever('pv-2025').add], [2024, 2025, 10]);
  // wind +20 over 2023–2030: 7 of 8 years left → 17.5
  assert.deepEqual([lever('wind-2030').start, lever('wind-2030').add], [2024, 17.5]);
  // afforestation uniform 15–35 over 2021–2030: 7 of 10 left → uniform 10.5–24.5
  const sink = lever('afforestation').add;
  assert.ok(Math.abs(sink.min - 10.5) < 1e-12 && Math.abs(sink.max - 24.5) < 1e-12);
  // the coal cut 2021–2030 keeps its rate, from 2024
  assert.deepEqual([lever('industry-coal-cut').start, lever('industry-coal-cut').perYear], [2024, 0.015]);
  assert.equal(notes.length, 1);
  assert.deepEqual(scaleNum({ dist: 'normal', mean: 2, sd: 1, min: 0 }, 0.5), { dist: 'normal', mean: 1, sd: 0.5, min: 0 });
  // a lever that ended before the new base is dropped, and a child's disableLevers forgets it
  const r = rebaseScenarios([
    { id: 'a', name: 'a', drivers: {}, levers: [{ id: 'old', type: 'sink', add: 5, start: 2021, end: 2022 }] },
    { id: 'b', name: 'b', extends: 'a', drivers: {}, levers: [], disableLevers: ['old'] },
  ], 2020, 2023, 2060);
  assert.deepEqual(r.scenarios.map((s) => [(s.levers as unknown[]).length, s.disableLevers]), [[0, undefined], [0, []]]);
});
