import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { seedFactorSet } from '../factors/index.ts';
import { FactorContext } from './factor-context.ts';
import { LineageBuilder } from './lineage.ts';
import { computeProcess } from './process.ts';
import { ProcessLineSchema, type ProcessLine } from './schema-process.ts';

const set = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const q = (value: number, unit: string) => ({ value, unit });
const line = (x: unknown): ProcessLine => ProcessLineSchema.parse(x);
const run = (lines: ProcessLine[], opts: { gwpSet?: string; allow?: boolean } = {}) =>
  computeProcess(new FactorContext(set, opts.allow ? { allow: ['single-source', 'disputed'] } : {}), lines, 2023, new LineageBuilder(), { prefix: 'p', gwpSet: opts.gwpSet });
const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('clinker method: 1 t clinker, CaO 65 %, MgO 2 % (none from non-carbonate sources) = 0.65 × 44/56 + 0.02 × 44/40', () => {
  const r = run([line({ name: 'k', category: 'cementClinker', activity: q(1, 't'), method: { type: 'clinker', composition: { cao: q(65, '%'), mgo: q(2, '%'), caoNonCarbonate: q(0, '%'), mgoNonCarbonate: q(0, '%') }, molarRatios: 'integer' } })]);
  // 0.65 × 0.7857142857 = 0.5107142857; 0.02 × 1.1 = 0.022; Σ = 0.5327142857 tCO2
  close(r.co2.value, 0.5327142857142857);
  assert.equal(r.lines[0].factor.unit, 'tCO2/t');
});

test('carbonate method: 10 t limestone, 90 % CaCO3, fully calcined → 10 × 0.9 × 0.4397 = 3.9573 tCO2', () => {
  const r = run([line({ name: 'l', category: 'carbonate', activity: q(10, 't'), method: { type: 'carbonate', carbonate: 'CaCO3', purity: q(90, '%'), calcination: q(1, 'fraction') } })]);
  close(r.co2.value, 3.9573);
  // dolomite, half calcined: 2 t × 1.0 × 0.5 × 0.4773
  const d = run([line({ name: 'd', category: 'carbonate', activity: q(2, 't'), method: { type: 'carbonate', carbonate: 'CaMg(CO3)2', purity: q(100, '%'), calcination: q(50, '%') } })]);
  close(d.co2.value, 0.4773);
});

test('factor method: lime 1 万t × 0.768 (IPCC, single-source → needs the opt-in)', () => {
  const l = line({ name: 'lime', category: 'lime', activity: q(1, '万吨'), method: { type: 'factor', factor: { key: '石灰 — IPCC (limestone calcination incl. LKD adjustment, p.2.22)' } } });
  assert.throws(() => run([l]), (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && e.field === 'process.0.method.factor');
  close(run([l], { allow: true }).co2.value, 7680);
  assert.throws(() => run([line({ name: 'x', category: 'other', activity: q(1, 't'), method: { type: 'factor', factor: { key: '合成氨' } } })]),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && /合成氨/.test(e.zh));
});

test('non-CO2 gases use the named GWP set (SAR 21, AR4 25, AR5 28 for CH4); categories sum', () => {
  const ch4 = line({ name: 'ch4', category: 'other', activity: q(1000, 't'), gas: 'CH4', method: { type: 'measured', factor: q(2, 'kg/t'), source: 'x' } });
  // 1 000 t × 2 kg/t = 2 t CH4
  for (const [set, gwp] of [['SAR', 21], ['AR4', 25], ['AR5', 28]] as const) close(run([ch4], { gwpSet: set }).total.value, 2 * gwp);
  assert.throws(() => run([ch4]), (e: unknown) => e instanceof DomainError && e.code === 'gwp_set_required');
  // a CO2 factor for a CH4 line (or vice versa) is a unit error
  const wrong = line({ name: 'w', category: 'other', activity: q(1, 't'), method: { type: 'measured', factor: q(2, 'kg/t'), source: 'x' } });
  assert.throws(() => run([wrong]), (e: unknown) => e instanceof DomainError && e.code === 'unit_incompatible' && e.field === 'process.0');
  const r = run([ch4, line({ name: 'k', category: 'other', activity: q(1, 't'), method: { type: 'measured', factor: q(1, 'tCO2/t'), source: 'x' } })], { gwpSet: 'AR5' });
  close(r.byCategory[0].co2e.value, 57);
  close(r.co2.value, 1);
});

test('impossible compositions and shares are errors naming the field', () => {
  const bad = line({ name: 'k', category: 'cementClinker', activity: q(1, 't'), method: { type: 'clinker', composition: { cao: q(5, '%'), mgo: q(2, '%'), caoNonCarbonate: q(6, '%'), mgoNonCarbonate: q(0, '%') }, molarRatios: 'integer' } });
  assert.throws(() => run([bad]), (e: unknown) => e instanceof DomainError && e.code === 'composition_invalid' && e.field === 'process.0.method.composition');
  const over = line({ name: 'l', category: 'carbonate', activity: q(1, 't'), method: { type: 'carbonate', carbonate: 'CaCO3', purity: q(120, '%'), calcination: q(1, 'fraction') } });
  assert.throws(() => run([over]), (e: unknown) => e instanceof DomainError && e.code === 'fraction_invalid' && e.field === 'process.0.method.purity');
  assert.throws(() => ProcessLineSchema.parse({ name: 'k', category: 'cementClinker', activity: q(1, 'm3'), method: { type: 'clinker', composition: { cao: q(5, '%'), mgo: q(2, '%'), caoNonCarbonate: q(0, '%'), mgoNonCarbonate: q(0, '%') }, molarRatios: 'integer' } }));
});
