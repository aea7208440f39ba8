import { DomainError } from '../errors.ts';
import { parseUnit, sameDimension, formatDimension } from '../units/index.ts';

/**
 * The kinds of factor the library knows, with the dimensions a value of that kind may have.
 * A record whose unit does not fit its kind is rejected when the set is built.
 */
export interface KindDef {
  readonly kind: string;
  readonly zh: string;
  readonly en: string;
  /** example units; a record's unit must have the dimension of one of them. null = not checked */
  readonly units: readonly string[] | null;
}

export const FACTOR_KINDS: readonly KindDef[] = [
  { kind: 'fuel.ncv', zh: '低位发热量', en: 'net calorific value', units: ['GJ/t', 'GJ/m3'] },
  { kind: 'fuel.carbon_content', zh: '单位热值含碳量', en: 'carbon content per unit heat', units: ['tC/TJ'] },
  { kind: 'fuel.oxidation', zh: '碳氧化率', en: 'carbon oxidation rate', units: ['1'] },
  { kind: 'coal_equiv', zh: '折标准煤系数', en: 'standard-coal coefficient', units: ['kgce/kg', 'kgce/m3', 'kgce/kWh'] },
  { kind: 'coal_equiv.basis', zh: '标准煤发热量', en: 'calorific value of standard coal', units: ['kJ/kgce'] },
  { kind: 'grid.co2', zh: '电力二氧化碳排放因子', en: 'electricity CO2 emission factor', units: ['kgCO2/kWh'] },
  { kind: 'grid.co2e.footprint', zh: '电力碳足迹因子（非范围二）', en: 'electricity carbon-footprint factor (not Scope 2)', units: ['kgCO2e/kWh'] },
  { kind: 'grid.cdm_om', zh: '电网基准线OM因子（减排项目用）', en: 'grid baseline OM factor (projects only)', units: ['tCO2e/MWh'] },
  { kind: 'heat.co2', zh: '热力二氧化碳排放因子', en: 'heat CO2 emission factor', units: ['tCO2/GJ'] },
  { kind: 'ipcc.co2_ef', zh: 'IPCC 缺省CO2排放因子', en: 'IPCC default CO2 emission factor', units: ['kgCO2/TJ'] },
  { kind: 'ipcc.ncv', zh: 'IPCC 缺省净发热值', en: 'IPCC default net calorific value', units: ['TJ/Gg'] },
  { kind: 'ipcc.oxidation', zh: 'IPCC 缺省氧化率', en: 'IPCC default oxidation factor', units: ['1'] },
  { kind: 'gwp100', zh: '全球增温潜势（100年）', en: 'global warming potential (100-year)', units: ['tCO2e/t'] },
  { kind: 'process.carbonate', zh: '碳酸盐排放因子', en: 'carbonate emission factor', units: ['tCO2/t'] },
  { kind: 'process.ef', zh: '工业过程排放因子', en: 'industrial process emission factor', units: null },
  { kind: 'forest.carbon_fraction', zh: '含碳率', en: 'carbon fraction of dry matter', units: ['tC/t'] },
  { kind: 'forest.wood_density', zh: '基本木材密度', en: 'basic wood density', units: ['t/m3'] },
  { kind: 'forest.bef', zh: '生物量扩展因子', en: 'biomass expansion factor', units: ['1'] },
  { kind: 'forest.root_shoot', zh: '根茎比', en: 'root-to-shoot ratio', units: ['1'] },
  { kind: 'ets.benchmark', zh: '碳市场配额基准值', en: 'ETS allocation benchmark', units: ['tCO2/MWh'] },
  { kind: 'ets.rule', zh: '碳市场规则参数', en: 'ETS rule parameter', units: ['1'] },
];

const BY_KIND = new Map(FACTOR_KINDS.map((k) => [k.kind, k]));

export function kindDef(kind: string, field = 'kind'): KindDef {
  const k = BY_KIND.get(kind);
  if (!k) {
    throw new DomainError('factor_kind_unknown', {
      field,
      zh: `${field}：未知的因子类别“${kind}”（可用：${FACTOR_KINDS.map((x) => x.kind).join('、')}）`,
      en: `${field}: unknown factor kind "${kind}" (known: ${FACTOR_KINDS.map((x) => x.kind).join(', ')})`,
    });
  }
  return k;
}

/** Throws unless `unit` has a dimension allowed for `kind`. */
export function checkKindUnit(kind: string, unit: string, field = 'unit'): void {
  const def = kindDef(kind);
  const p = parseUnit(unit, field);
  if (!def.units) return;
  if (def.units.some((u) => sameDimension(parseUnit(u).dimension, p.dimension))) return;
  throw new DomainError('factor_unit_mismatch', {
    field,
    zh: `${field}：${def.zh}（${kind}）的单位不能是“${unit}”（${formatDimension(p.dimension, 'zh')}），应如 ${def.units.join('、')}`,
    en: `${field}: a ${def.en} (${kind}) cannot be in "${unit}" (${formatDimension(p.dimension)}); expected e.g. ${def.units.join(', ')}`,
  });
}
