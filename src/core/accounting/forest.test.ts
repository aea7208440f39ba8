import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { addFactors, seedFactorSet } from '../factors/index.ts';
import { FactorContext } from './factor-context.ts';
import { computeSinks } from './forest.ts';
import { LineageBuilder } from './lineage.ts';
import { ForestStratumSchema } from './schema-regional.ts';

const seed = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const set = addFactors(seed, [
  { kind: 'forest.wood_density', key: '松', series: 'local', value: 0.4, unit: 't/m3', sources: ['test'] },
  { kind: 'forest.bef', key: '松', series: 'local', value: 1.5, unit: '1', sources: ['test'] },
  { kind: 'forest.root_shoot', key: '松', series: 'local', value: 0.25, unit: '1', sources: ['test'] },
  { kind: 'forest.carbon_fraction', key: '松', series: 'local', value: 0.51, unit: 'tC/t', sources: ['test'] },
]);
const q = (value: number, unit: string) => ({ value, unit });
const stratum = (x: Record<string, unknown>) => ForestStratumSchema.parse({ name: 's', species: '松', ...x });
const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const ctx = () => new FactorContext(set, { allow: ['disputed'] });

test('stock-volume method: ΔV 1 万m³ × 0.4 × 1.5 × 1.25 × 0.47 (IPCC) × 44/12', () => {
  // 10 000 m³ × 0.4 t/m³ = 4 000 t stem × 1.5 = 6 000 t above ground × 1.25 = 7 500 t total × 0.47 = 3 525 tC × 44/12 = 12 925 tCO2
  const r = computeSinks(ctx(), [stratum({ volumeStart: q(100, '万立方米'), volumeEnd: q(101, '万立方米') })], { carbonFraction: { key: '缺省', series: 'IPCC 2006' }, parameterSeries: 'local' }, 2023, new LineageBuilder());
  close(r.total.value, 12925);
  close(r.strata[0].volumeChange.value, 10000);
});

test('growth − harvest − mortality form; a species-specific carbon fraction; a net loss is a negative removal', () => {
  // (8 000 − 9 000 − 1 000) m³ = −2 000 m³ × 0.4 × 1.5 × 1.25 × 0.51 × 44/12 = −2 805 tCO2
  const r = computeSinks(ctx(), [stratum({ growth: q(8000, 'm3'), harvest: q(9000, 'm3'), mortality: q(1000, 'm3') })], { carbonFraction: { series: 'local' }, parameterSeries: 'local' }, 2023, new LineageBuilder());
  close(r.total.value, -2000 * 0.4 * 1.5 * 1.25 * 0.51 * 44 / 12);
});

test('no silent defaults: the carbon fraction series must be chosen, species parameters must exist, 0.47 vs 0.5 is an opt-in', () => {
  const s = [stratum({ volumeStart: q(1, 'm3'), volumeEnd: q(2, 'm3') })];
  assert.throws(() => computeSinks(ctx(), s, undefined, 2023, new LineageBuilder()), (e: unknown) => e instanceof DomainError && e.code === 'factor_series_required');
  assert.throws(() => computeSinks(new FactorContext(set), s, { carbonFraction: { key: '缺省', series: 'cn-common' }, parameterSeries: 'local' }, 2023, new LineageBuilder()),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && /争议/.test(e.zh));
  const fir = [ForestStratumSchema.parse({ name: 'x', species: '杉木', volumeStart: q(1, 'm3'), volumeEnd: q(2, 'm3') })];
  assert.throws(() => computeSinks(ctx(), fir, { carbonFraction: { key: '缺省', series: 'IPCC 2006' }, parameterSeries: 'local' }, 2023, new LineageBuilder()),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && e.field === 'forest.strata.0.species' && /杉木/.test(e.zh));
});
