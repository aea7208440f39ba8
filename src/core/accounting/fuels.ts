/**
 * The energy carriers the accounting understands: the 能源平衡表 categories and the fuels of the enterprise
 * guidelines (GB/T 32151.x). Classification only — which factor key a fuel uses by default. The numbers are
 * in the factor set; a fuel without a default key must be given one explicitly in `method`.
 */
export type FuelBasis = 'mass' | 'volume' | 'electricity' | 'heat';
export type FuelGroup = 'coal' | 'oil' | 'gas' | 'electricity' | 'heat';

export interface FuelDef {
  readonly id: string;
  readonly en: string;
  readonly aliases: readonly string[];
  readonly basis: FuelBasis;
  readonly group: FuelGroup;
  /** carries fossil carbon (combustion CO2) */
  readonly fossil: boolean;
  /** key of fuel.ncv / fuel.carbon_content / fuel.oxidation (series cn-default) */
  readonly paramKey?: string;
  /** key of ipcc.ncv / ipcc.co2_ef when the IPCC approach is chosen */
  readonly ipccKey?: string;
  /** key of coal_equiv (GB/T 2589) */
  readonly coalKey?: string;
}

/** The unit every flow of a basis is summed in. */
export const BASIS_UNIT: Record<FuelBasis, string> = { mass: 't', volume: 'm3', electricity: 'kWh', heat: 'GJ' };

const f = (id: string, en: string, basis: FuelBasis, group: FuelGroup, keys: { p?: string; i?: string; c?: string }, aliases: string[] = []): FuelDef => ({
  id, en, basis, group, fossil: group !== 'electricity' && group !== 'heat', paramKey: keys.p, ipccKey: keys.i, coalKey: keys.c, aliases,
});

export const FUELS: readonly FuelDef[] = [
  f('原煤', 'raw coal', 'mass', 'coal', { p: '原煤', c: '原煤' }),
  f('无烟煤', 'anthracite', 'mass', 'coal', { p: '无烟煤', i: '无烟煤' }),
  f('烟煤', 'bituminous coal', 'mass', 'coal', { p: '烟煤', i: '其他烟煤' }),
  f('褐煤', 'lignite', 'mass', 'coal', { p: '褐煤', i: '褐煤' }),
  f('洗精煤', 'cleaned coal', 'mass', 'coal', { p: '洗精煤', c: '洗精煤' }),
  // GB/T 2589 has two different products here (洗中煤 0.2857, 煤泥 a range): no default coefficient
  f('其他洗煤', 'other washed coal', 'mass', 'coal', { p: '其他洗煤' }),
  f('型煤', 'briquettes', 'mass', 'coal', { p: '型煤', i: '型煤(专利燃料)', c: '型煤 / 煤制品' }),
  f('其他煤制品', 'other coal products', 'mass', 'coal', { p: '其他煤制品', c: '型煤 / 煤制品' }),
  f('煤矸石', 'coal gangue', 'mass', 'coal', {}),
  f('焦炭', 'coke', 'mass', 'coal', { p: '焦炭', i: '焦炭', c: '焦炭' }),
  // 焦油 and 粗苯 are 其他焦化产品 in the energy statistics
  f('焦油', 'coal tar', 'mass', 'coal', { p: '焦油', i: '煤焦油', c: '其他焦化产品' }, ['煤焦油']),
  f('粗苯', 'crude benzol', 'mass', 'coal', { p: '粗苯', c: '其他焦化产品' }),
  f('其他焦化产品', 'other coking products', 'mass', 'coal', { c: '其他焦化产品' }),
  f('焦炉煤气', 'coke oven gas', 'volume', 'gas', { p: '焦炉煤气', i: '焦炉煤气', c: '焦炉煤气' }),
  f('高炉煤气', 'blast furnace gas', 'volume', 'gas', { p: '高炉煤气', i: '高炉煤气', c: '高炉煤气' }),
  f('转炉煤气', 'converter gas', 'volume', 'gas', { p: '转炉煤气', i: '转炉煤气', c: '转炉煤气' }, ['BOF gas']),
  f('其他煤气', 'other coal gas', 'volume', 'gas', { p: '其他煤气', i: '其他煤气(煤气厂煤气)', c: '其他煤气（能源统计年鉴汇总口径）' }),
  f('原油', 'crude oil', 'mass', 'oil', { p: '原油', i: '原油', c: '原油' }),
  f('汽油', 'gasoline', 'mass', 'oil', { p: '汽油', i: '汽油', c: '汽油' }, ['petrol']),
  f('煤油', 'kerosene', 'mass', 'oil', { p: '一般煤油', i: '其他煤油', c: '煤油' }, ['一般煤油']),
  f('柴油', 'diesel', 'mass', 'oil', { p: '柴油', i: '柴油', c: '柴油' }, ['diesel oil', 'gas oil']),
  f('燃料油', 'fuel oil', 'mass', 'oil', { p: '燃料油', i: '燃料油', c: '燃料油' }, ['residual fuel oil']),
  f('石脑油', 'naphtha', 'mass', 'oil', { p: '石脑油', i: '石脑油' }),
  f('润滑油', 'lubricants', 'mass', 'oil', { i: '润滑油' }),
  f('石蜡', 'paraffin wax', 'mass', 'oil', {}),
  f('溶剂油', 'white spirit', 'mass', 'oil', {}),
  f('石油沥青', 'bitumen', 'mass', 'oil', { i: '沥青' }, ['沥青']),
  f('石油焦', 'petroleum coke', 'mass', 'oil', { p: '石油焦', i: '石油焦' }),
  f('液化石油气', 'LPG', 'mass', 'oil', { p: '液化石油气', i: '液化石油气', c: '液化石油气' }),
  f('炼厂干气', 'refinery dry gas', 'mass', 'oil', { p: '炼厂干气', i: '炼厂气', c: '炼厂干气' }),
  f('其他石油制品', 'other petroleum products', 'mass', 'oil', { p: '其他石油制品', i: '其他石油制品', c: '其他石油制品' }),
  // statistics list 天然气 at 1.2143 kgce/m3 (= 气田天然气, 8500 kcal/m3); 油田天然气 (1.33) is a choice
  f('天然气', 'natural gas', 'volume', 'gas', { p: '天然气', i: '天然气', c: '气田天然气' }),
  f('液化天然气', 'LNG', 'mass', 'gas', { p: '液化天然气', c: '液化天然气' }),
  f('电力', 'electricity', 'electricity', 'electricity', {}),
  f('热力', 'heat', 'heat', 'heat', { c: '热力（当量值）' }),
];

const INDEX = new Map<string, FuelDef>();
for (const x of FUELS) {
  for (const name of [x.id, x.en, ...x.aliases]) INDEX.set(name.toLowerCase(), x);
}

/** A fuel by its Chinese name, English name or alias (case-insensitive), or undefined. */
export function lookupFuel(name: string): FuelDef | undefined {
  return INDEX.get(name.trim().toLowerCase());
}

export function fuelNames(): string[] {
  return FUELS.map((x) => x.id);
}
