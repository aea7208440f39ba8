import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { seedFactorSet } from '../factors/index.ts';
import { computeEnterpriseReport } from './enterprise.ts';
import { explain } from './lineage.ts';

const set = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const sample = () => JSON.parse(readFileSync(new URL('./samples/enterprise-cement-2023.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

/*
 * The cement sample, by hand:
 *   烟煤 246 000 t × 21.85 GJ/t (measured)            = 5 375 100 GJ = 5 375.1 TJ
 *        × 26.1 tC/TJ (default, single-source, disputed — allowed by ref) = 140 290.11 tC
 *        × 0.93 × 44/12                              = 478 389.2751 tCO2
 *   柴油 1 150 t × 42.652 GJ/t = 49 049.8 GJ × 20.2 tC/TJ = 990.80596 tC × 0.98 × 44/12 = 3 560.2961 tCO2
 *   clinker 1 600 000 t × [(0.653 − 0.011) × 44/56 + (0.024 − 0.004) × 44/40]
 *        = 1 600 000 × (0.5044285714 + 0.022)        = 842 285.7143 tCO2
 *   raw-meal organic carbon 2 500 000 t × 0.0036667 tCO2/t = 9 166.75 tCO2
 *   electricity 14 500 万kWh = 145 000 000 kWh × 0.5306 kgCO2/kWh (MEE+NBS 2023) = 76 937 tCO2
 *   energy: 烟煤 5 375 100 GJ ÷ 29.3076 GJ/tce = 183 402.94 tce; 柴油 1 150 t × 1.4571 = 1 675.665 tce;
 *           electricity 145 000 000 × 0.1229 / 1000 = 17 820.5 tce
 */
const COAL = 246000 * 21.85 * 26.1 / 1000 * 0.93 * 44 / 12;
const DIESEL = 1150 * 42.652 * 20.2 / 1000 * 0.98 * 44 / 12;
const CLINKER = 1600000 * ((0.653 - 0.011) * 44 / 56 + (0.024 - 0.004) * 44 / 40);
const RAW = 2500000 * 0.0036667;
const ELEC = 145000000 * 0.5306 / 1000;

test('cement sample: combustion, clinker, purchased electricity, totals and intensities', () => {
  const r = computeEnterpriseReport(sample(), set);
  close(r.combustion.lines[0].co2.value, COAL);
  close(r.combustion.lines[0].energyGJ, 5375100);
  close(r.combustion.lines[1].co2.value, DIESEL);
  close(r.process.lines[0].co2e.value, CLINKER);
  close(r.process.lines[1].co2e.value, RAW);
  close(r.indirect.electricity.co2.value, ELEC);
  assert.equal(r.indirect.electricity.factor?.ref, 'grid.co2|全国|mee-nbs.national|2023-2023@1');
  close(r.totals.co2Direct.value, COAL + DIESEL + CLINKER + RAW);
  close(r.totals.total.value, COAL + DIESEL + CLINKER + RAW + ELEC);
  assert.equal(r.totals.total.unit, 'tCO2e');
  close(r.energy.total.value, 5375100 / 29.3076 + 1150 * 1.4571 + 145000000 * 0.1229 / 1000);
  const clinker = r.intensity.find((i) => i.product === '熟料')!;
  assert.equal(clinker.total.unit, 'tCO2e/t');
  close(clinker.total.value, (COAL + DIESEL + CLINKER + RAW + ELEC) / 1600000);
  close(r.intensity.find((i) => i.product === '水泥')!.direct.value, (COAL + DIESEL + CLINKER + RAW) / 2050000);
});

test('data-quality flags: measured vs default for every parameter; the measured share of combustion CO2', () => {
  const r = computeEnterpriseReport(sample(), set);
  const p = r.dataQuality.parameters;
  assert.deepEqual(p.filter((x) => x.line === 'combustion.0').map((x) => [x.parameter, x.source]), [['ncv', 'measured'], ['carbonContent', 'default'], ['oxidation', 'default']]);
  assert.ok(p.filter((x) => x.line === 'combustion.1').every((x) => x.source === 'default' && x.status === 'verified'));
  const cc = p.find((x) => x.line === 'combustion.0' && x.parameter === 'carbonContent')!;
  assert.equal(cc.status, 'single-source');
  assert.equal(cc.disputed, true);
  // no line has both NCV and carbon content measured
  assert.equal(r.dataQuality.measuredShare.value, 0);
  assert.ok(r.qualityFlags.some((f) => f.field === 'combustion.0' && /含碳量采用缺省值/.test(f.zh)));
  // measuring the carbon content too makes the 烟煤 line fully measured: share = coal / all combustion
  const s = sample();
  s.combustion[0].carbonContent = { value: { value: 26.5, unit: 'tC/TJ' }, source: '元素分析' };
  const m = computeEnterpriseReport(s, set);
  const coal = 246000 * 21.85 * 26.5 / 1000 * 0.93 * 44 / 12;
  close(m.combustion.lines[0].co2.value, coal);
  close(m.dataQuality.measuredShare.value, coal / (coal + DIESEL));
});

test('the disputed default is refused without the opt-in naming it', () => {
  const s = sample();
  s.method.factorPolicy = undefined;
  assert.throws(() => computeEnterpriseReport(s, set), (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && e.field === 'combustion.0' && /烟煤/.test(e.zh));
});

test('precise molar masses, exported electricity, purchased heat and a non-CO2 line with a GWP set', () => {
  const s = sample();
  s.process[0].method.molarRatios = 'precise';
  s.electricity.exported = { value: 500, unit: '万千瓦时' };
  s.heat = { purchased: { value: 1000, unit: 'GJ' } };
  s.method.gwpSet = 'AR5';
  s.process.push({ name: '废水处理', category: 'other', activity: { value: 100, unit: 't' }, gas: 'CH4', method: { type: 'measured', factor: { value: 0.01, unit: 't/t' }, source: 'test' } });
  const r = computeEnterpriseReport(s, set);
  // (0.642 × 44.01/56.08 + 0.020 × 44.01/40.30) × 1 600 000
  close(r.process.lines[0].co2e.value, 1600000 * (0.642 * 44.01 / 56.08 + 0.02 * 44.01 / 40.3));
  // net electricity 14 000 万kWh × 0.5306; heat 1 000 GJ × 0.11 tCO2/GJ
  close(r.indirect.electricity.co2.value, 140000000 * 0.5306 / 1000);
  close(r.indirect.heat.co2.value, 110);
  // CH4: 100 t × 0.01 = 1 t CH4 × 28 (AR5) = 28 tCO2e; not in CO2
  const ch4 = r.process.lines[2];
  close(ch4.emission.value, 1);
  assert.equal(ch4.emission.unit, 't');
  close(ch4.co2e.value, 28);
  close(r.totals.direct.value - r.totals.co2Direct.value, 28);
  assert.ok(r.factorsUsed.some((u) => u.ref === 'gwp100|CH4|AR5|*-*@1'));
});

test('errors: a grid factor year that does not exist, a CH4 line without a GWP set', () => {
  const s = sample();
  s.year = 2024;
  assert.throws(() => computeEnterpriseReport(s, set), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && e.field === 'method.electricityFactor' && /2024/.test(e.zh));
  const t = sample();
  t.process.push({ name: 'x', category: 'other', activity: { value: 1, unit: 't' }, gas: 'N2O', method: { type: 'measured', factor: { value: 0.01, unit: 't/t' }, source: 'test' } });
  assert.throws(() => computeEnterpriseReport(t, set), (e: unknown) => e instanceof DomainError && e.code === 'gwp_set_required' && e.field === 'method.gwpSet');
});

test('lineage of the total reaches the laboratory NCV line and the factor versions', () => {
  const r = computeEnterpriseReport(sample(), set);
  const e = explain(r.lineage, r.totals.total.lineage);
  assert.ok(e.inputs.some((x) => x.startsWith('combustion.0 (能源台账!C5)')));
  assert.ok(e.inputs.includes('electricity.purchased'));
  assert.ok(e.factors.includes('fuel.carbon_content|烟煤|cn-default|*-*@1'));
  assert.ok(!e.factors.includes('fuel.ncv|烟煤|cn-default|*-*@1'), 'the measured NCV replaces the default');
  assert.deepEqual(computeEnterpriseReport(sample(), set), r);
});
