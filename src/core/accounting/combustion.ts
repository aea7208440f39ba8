import { DomainError } from '../errors.ts';
import { refOf, type FactorRecord, type FactorStatus } from '../factors/index.ts';
import { multiply, parseUnit, sameDimension, valueIn, type Quantity } from '../units/index.ts';
import { CO2_PER_C } from './constants.ts';
import type { FactorContext } from './factor-context.ts';
import type { FuelDef } from './fuels.ts';

export type ParamSource =
  | { readonly kind: 'factor'; readonly ref: string; readonly status: FactorStatus; readonly disputed: boolean }
  | { readonly kind: 'measured'; readonly field: string; readonly source: string };

export interface Param {
  readonly value: Quantity;
  readonly source: ParamSource;
}

export interface FuelParams {
  readonly fuel: FuelDef;
  readonly approach: 'carbon-content' | 'ipcc';
  readonly ncv: Param;
  readonly carbonContent?: Param;
  readonly oxidation?: Param;
  readonly ipccEf?: Param;
}

export interface FuelParamChoice {
  readonly key?: string;
  readonly series?: string;
  readonly approach?: 'carbon-content' | 'ipcc';
}

export interface MeasuredParam {
  readonly value: Quantity;
  readonly source: string;
}

export interface MeasuredParams {
  readonly ncv?: MeasuredParam;
  readonly carbonContent?: MeasuredParam;
  readonly oxidation?: MeasuredParam;
}

const fromRecord = (r: FactorRecord): Param => ({
  value: { value: r.value, unit: r.unit },
  source: { kind: 'factor', ref: refOf(r), status: r.status, disputed: r.disputed },
});

const fromMeasured = (m: MeasuredParam, field: string): Param => ({ value: m.value, source: { kind: 'measured', field, source: m.source } });

export function factorRefs(p: FuelParams): string[] {
  return [p.ncv, p.carbonContent, p.oxidation, p.ipccEf].flatMap((x) => (x && x.source.kind === 'factor' ? [x.source.ref] : []));
}

/** The NCV alone (for standard-coal conversion by calorific value): measured, or the factor set's. */
export function resolveNcv(ctx: FactorContext, fuel: FuelDef, year: number, field: string, choice: FuelParamChoice = {}, measured?: MeasuredParam, measuredField = field): Param {
  if (measured) return fromMeasured(measured, `${measuredField}.ncv`);
  const ipcc = choice.approach === 'ipcc';
  const key = choice.key ?? (ipcc ? fuel.ipccKey : fuel.paramKey);
  if (!key) throw missing(fuel, field, ipcc ? 'ipcc' : 'carbon-content');
  return fromRecord(ctx.get({ kind: ipcc ? 'ipcc.ncv' : 'fuel.ncv', key, year, series: choice.series }, field));
}

/**
 * The NCV, carbon content and oxidation rate of a fuel: measured values where given, otherwise the factor
 * set's (default series `cn-default`, key from the fuel catalogue unless the method names another).
 * With `approach: 'ipcc'`, IPCC 2006 NCV and CO2 EF (oxidation embedded) are used instead.
 */
export function resolveFuelParams(
  ctx: FactorContext, fuel: FuelDef, year: number, field: string, choice: FuelParamChoice = {}, measured: MeasuredParams = {}, measuredField = field,
): FuelParams {
  const approach = choice.approach ?? 'carbon-content';
  const ncv = resolveNcv(ctx, fuel, year, field, choice, measured.ncv, measuredField);
  const key = choice.key ?? (approach === 'ipcc' ? fuel.ipccKey : fuel.paramKey);
  const need = (kind: string) => {
    if (!key) throw missing(fuel, field, approach);
    return fromRecord(ctx.get({ kind, key, year, series: choice.series }, field));
  };
  if (approach === 'ipcc') return { fuel, approach, ncv, ipccEf: need('ipcc.co2_ef') };
  return {
    fuel,
    approach,
    ncv,
    carbonContent: measured.carbonContent ? fromMeasured(measured.carbonContent, `${measuredField}.carbonContent`) : need('fuel.carbon_content'),
    oxidation: measured.oxidation ? fromMeasured(measured.oxidation, `${measuredField}.oxidation`) : need('fuel.oxidation'),
  };
}

function missing(fuel: FuelDef, field: string, approach: string): DomainError {
  return new DomainError('fuel_parameters_missing', {
    field,
    zh: `${field}：燃料“${fuel.id}”没有缺省排放参数（${approach === 'ipcc' ? 'IPCC' : '低位发热量/含碳量/氧化率'}）。请在 method.fuelParameters.${fuel.id} 中指定 key/series 或 approach，或添加本地因子`,
    en: `${field}: fuel "${fuel.id}" has no default emission parameters (${approach === 'ipcc' ? 'IPCC' : 'NCV / carbon content / oxidation'}). Name a key/series or approach in method.fuelParameters.${fuel.id}, or add a local factor`,
  });
}

export interface CombustionResult {
  readonly energyGJ: number;
  readonly carbonT: number;
  readonly co2T: number;
  readonly formula: string;
}

/**
 * CO2 of burning `amount`:
 *   carbon-content approach: E = Q × NCV;  C = E × CC (or Q × C_mass for a measured element carbon content);
 *                            CO2 = C × OF × 44/12
 *   IPCC approach:           CO2 = Q × NCV × EF (oxidation embedded)
 */
export function combust(amount: Quantity, p: FuelParams, field: string): CombustionResult {
  const energy = multiply(amount, p.ncv.value, 'GJ', field);
  if (p.approach === 'ipcc') {
    const co2 = multiply(energy, (p.ipccEf as Param).value, 'tCO2', field).value;
    return { energyGJ: energy.value, carbonT: co2 / CO2_PER_C, co2T: co2, formula: 'Q × NCV × EF(IPCC)' };
  }
  const cc = p.carbonContent as Param;
  const perHeat = sameDimension(parseUnit(cc.value.unit).dimension, parseUnit('tC/GJ').dimension);
  const carbon = perHeat ? multiply(energy, cc.value, 'tC', field) : multiply(amount, cc.value, 'tC', field);
  const of = valueIn((p.oxidation as Param).value, '1', field);
  if (!(of > 0 && of <= 1)) {
    throw new DomainError('oxidation_invalid', { field, zh: `${field}：碳氧化率应在 0–1 之间（${of}）`, en: `${field}: oxidation rate must be within 0–1 (${of})` });
  }
  return {
    energyGJ: energy.value,
    carbonT: carbon.value,
    co2T: carbon.value * of * CO2_PER_C,
    formula: perHeat ? 'Q × NCV × CC × OF × 44/12' : 'Q × C(质量) × OF × 44/12',
  };
}
