import { DomainError } from '../errors.ts';
import { refOf } from '../factors/index.ts';
import { multiply, valueIn, type Quantity } from '../units/index.ts';
import { resolveNcv, type FuelParamChoice, type MeasuredParam } from './combustion.ts';
import type { FactorContext } from './factor-context.ts';
import type { FuelDef } from './fuels.ts';

export type ElectricityConversion = 'calorific' | 'generation-coal';

export const CONVERSION_LABELS: Record<ElectricityConversion, { zh: string; en: string }> = {
  calorific: { zh: '电力按当量值折标（电能的热当量）', en: 'electricity at its calorific equivalent (当量值)' },
  'generation-coal': { zh: '电力按等价值折标（当年火电发电标准煤耗）', en: 'electricity at the thermal heat rate of the year (等价值)' },
};

export interface CoalChoice {
  readonly key?: string;
  readonly series?: string;
  readonly fromNcv?: boolean;
}

export interface CoalCoefficient {
  /** tce per unit of the fuel's basis */
  readonly coef: Quantity;
  readonly refs: readonly string[];
  readonly formula: string;
  readonly measured?: string;
}

/**
 * The standard-coal coefficient of a fuel: a GB/T 2589 reference coefficient (key from the fuel catalogue
 * or the method), or — when asked for (`fromNcv`) — the fuel's NCV divided by 29 307.6 kJ/kgce.
 * Electricity: 当量值 (key 电力（当量值）) or 等价值 (key 电力（等价值）, year-bound, a local factor).
 */
export function resolveCoalCoefficient(
  ctx: FactorContext,
  fuel: FuelDef,
  opts: { year: number; conversion: ElectricityConversion; choice?: CoalChoice; paramChoice?: FuelParamChoice; measuredNcv?: MeasuredParam; measuredField?: string },
  field: string,
): CoalCoefficient {
  const { year, choice } = opts;
  if (fuel.basis === 'electricity') {
    if (choice?.fromNcv) throw new DomainError('invalid_method', { field, zh: `${field}：电力不能按发热量折标`, en: `${field}: electricity has no NCV-based coefficient` });
    const key = choice?.key ?? (opts.conversion === 'calorific' ? '电力（当量值）' : '电力（等价值）');
    const r = ctx.get({ kind: 'coal_equiv', key, series: choice?.series, year }, field);
    return { coef: { value: r.value, unit: r.unit }, refs: [refOf(r)], formula: opts.conversion === 'calorific' ? '电量 × 当量值' : '电量 × 等价值' };
  }
  if (choice?.fromNcv) {
    const ncvParam = resolveNcv(ctx, fuel, year, field, opts.paramChoice, opts.measuredNcv, opts.measuredField);
    const basis = ctx.get({ kind: 'coal_equiv.basis', key: '标准煤', year }, field);
    const per = fuel.basis === 'volume' ? 'm3' : 't';
    const ncv = valueIn(ncvParam.value, `GJ/${per}`, field);
    const gjPerTce = valueIn({ value: basis.value, unit: basis.unit }, 'GJ/tce', field);
    const refs = [refOf(basis), ...(ncvParam.source.kind === 'factor' ? [ncvParam.source.ref] : [])];
    return { coef: { value: ncv / gjPerTce, unit: `tce/${per}` }, refs, formula: 'Q × NCV ÷ 标准煤发热量（coal_equiv.basis）', measured: ncvParam.source.kind === 'measured' ? ncvParam.source.field : undefined };
  }
  const key = choice?.key ?? fuel.coalKey;
  if (!key) {
    const options = [...new Set(ctx.set.records.filter((r) => r.kind === 'coal_equiv' && r.key.startsWith(fuel.id)).map((r) => `${r.key}（${r.series}）`))];
    throw new DomainError('coal_coefficient_missing', {
      field,
      zh: `${field}：${fuel.id}没有唯一的缺省折标系数${options.length ? `（候选：${options.join('、')}）` : ''}；请在 method.coalEquivalent.${fuel.id} 中指定 key/series，或 fromNcv: true 按低位发热量折标`,
      en: `${field}: ${fuel.id} has no single default standard-coal coefficient${options.length ? ` (candidates: ${options.join(', ')})` : ''}; name key/series in method.coalEquivalent.${fuel.id}, or fromNcv: true`,
    });
  }
  const r = ctx.get({ kind: 'coal_equiv', key, series: choice?.series, year }, field);
  return { coef: { value: r.value, unit: r.unit }, refs: [refOf(r)], formula: 'Q × 折标系数' };
}

/** tce of an amount at a coefficient. */
export function toTce(amount: Quantity, c: CoalCoefficient, field: string): number {
  return multiply(amount, c.coef, 'tce', field).value;
}
