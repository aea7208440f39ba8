import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { addFactors, seedFactorSet } from '../factors/index.ts';
import { resolveCoalCoefficient, toTce } from './energy-equivalent.ts';
import { FactorContext } from './factor-context.ts';
import { lookupFuel, type FuelDef } from './fuels.ts';

const set = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const fuel = (n: string) => lookupFuel(n) as FuelDef;
const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const tce = (ctx: FactorContext, f: string, value: number, unit: string, opts: Partial<Parameters<typeof resolveCoalCoefficient>[2]> = {}) =>
  toTce({ value, unit }, resolveCoalCoefficient(ctx, fuel(f), { year: 2023, conversion: 'calorific', ...opts }, 'x'), 'x');

test('GB/T 2589 coefficients: 1 万吨原煤 = 7 143 tce; 1 亿立方米天然气 = 121 430 tce; 1 亿千瓦时 (当量值) = 12 290 tce', () => {
  const ctx = new FactorContext(set);
  close(tce(ctx, '原煤', 1, '万吨'), 10000 * 0.7143); // 10 000 t × 0.7143 tce/t
  close(tce(ctx, '天然气', 1, '亿立方米'), 1e8 * 1.2143 / 1000); // statistics' 天然气 = 气田天然气 1.2143 kgce/m³
  close(tce(ctx, '电力', 1, '亿千瓦时'), 1e8 * 0.1229 / 1000);
  close(tce(ctx, '热力', 1, '万百万千焦'), (1e4 * 1000 * 0.03412) / 1000); // 10⁴ GJ = 10⁷ MJ × 0.03412 kgce/MJ = 341 200 kgce = 341.2 tce
  close(tce(ctx, '煤油', 1, 't'), 1.4714);
  // 油田天然气 by explicit choice
  close(tce(ctx, '天然气', 1, '万立方米', { choice: { key: '油田天然气' } }), 1e4 * 1.33 / 1000);
});

test('a range in GB/T 2589 is never averaged: a bound must be chosen', () => {
  const ctx = new FactorContext(set);
  assert.throws(() => tce(ctx, '焦炉煤气', 1, '万立方米'), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && /区间下限/.test(e.zh) && /区间上限/.test(e.zh));
  close(tce(ctx, '焦炉煤气', 1, '万立方米', { choice: { series: 'GB/T 2589 区间上限' } }), 1e4 * 0.6143 / 1000);
  close(tce(ctx, '焦炉煤气', 1, '万立方米', { choice: { series: 'GB/T 2589 区间下限' } }), 1e4 * 0.5714 / 1000);
  // 其他洗煤 has two products (洗中煤, 煤泥) and no default: the error lists them
  assert.throws(() => tce(ctx, '其他洗煤', 1, 't'), (e: unknown) => e instanceof DomainError && e.code === 'coal_coefficient_missing' && /其他洗煤—洗中煤/.test(e.zh) && /其他洗煤—煤泥/.test(e.zh));
});

test('fromNcv: 1 t 石油焦 = 32.5 GJ ÷ 29.3076 GJ/tce = 1.10893 tce (29 307.6 kJ/kgce = 7 000 kcal)', () => {
  const ctx = new FactorContext(set);
  assert.throws(() => tce(ctx, '石油焦', 1, 't'), (e: unknown) => e instanceof DomainError && e.code === 'coal_coefficient_missing');
  close(tce(ctx, '石油焦', 1, 't', { choice: { fromNcv: true } }), 32.5 / 29.3076);
  // with a measured NCV (烟煤 21.85 GJ/t): 21.85 / 29.3076
  close(tce(ctx, '烟煤', 2, 't', { choice: { fromNcv: true }, measuredNcv: { value: { value: 21.85, unit: 'GJ/t' }, source: 'lab' } }), 2 * 21.85 / 29.3076);
});

test('等价值 needs the year\'s heat rate as a local factor; never a fallback to 当量值', () => {
  const ctx = new FactorContext(set);
  assert.throws(() => tce(ctx, '电力', 1, '万千瓦时', { conversion: 'generation-coal' }), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && /电力（等价值）/.test(e.zh) && /2023/.test(e.zh));
  const local = addFactors(set, [{ kind: 'coal_equiv', key: '电力（等价值）', series: 'GB/T 2589', value: 0.3, unit: 'kgce/kWh', years: 2023, sources: ['测试用，非真实数值'] }]);
  close(tce(new FactorContext(local), '电力', 1, '万千瓦时', { conversion: 'generation-coal' }), 10000 * 0.3 / 1000);
  // a different year still has no value
  assert.throws(() => toTce({ value: 1, unit: 'kWh' }, resolveCoalCoefficient(new FactorContext(local), fuel('电力'), { year: 2022, conversion: 'generation-coal' }, 'x'), 'x'),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing');
});
