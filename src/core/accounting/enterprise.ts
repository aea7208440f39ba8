import { contentHash, factorSetId, type FactorSet, type FactorSetId } from '../factors/index.ts';
import { areCompatible, valueIn, type Quantity } from '../units/index.ts';
import { combust, factorRefs, resolveFuelParams, type FuelParams, type Param } from './combustion.ts';
import { CALCULATOR_VERSION } from './constants.ts';
import { CONVERSION_LABELS, resolveCoalCoefficient, toTce } from './energy-equivalent.ts';
import { FactorContext, type FactorUse, type QualityFlag } from './factor-context.ts';
import { purchasedEnergyCo2, type PurchasedEnergyFactor } from './indirect.ts';
import { BASIS_UNIT, lookupFuel, type FuelDef } from './fuels.ts';
import { LineageBuilder, type Figure, type Label, type LineageNode } from './lineage.ts';
import { computeProcess, type ProcessAccount } from './process.ts';
import { parseEnterpriseReport } from './schema.ts';
import type { EnterpriseMethod, EnterpriseReportInput } from './schema-enterprise.ts';

export const ENTERPRISE_RESULT_SCHEMA_ID = 'shuangtan.enterprise-result/1';

export interface ParameterQuality {
  readonly line: string;
  readonly parameter: 'ncv' | 'carbonContent' | 'oxidation' | 'ipccEf';
  /** 实测 or 缺省 */
  readonly source: 'measured' | 'default';
  readonly ref?: string;
  readonly status?: string;
  readonly disputed?: boolean;
  readonly evidence?: string;
}

export interface EnterpriseCombustionLine {
  readonly fuel: string;
  readonly facility?: string;
  /** amount in the fuel's basis unit (t, m³) */
  readonly amount: Quantity;
  readonly energyGJ: number;
  readonly co2: Figure;
  readonly energy: Figure;
}

export interface EnterpriseIndirect {
  readonly net: Figure;
  readonly factor?: PurchasedEnergyFactor;
  readonly co2: Figure;
}

export interface EnterpriseResult {
  readonly schema: typeof ENTERPRISE_RESULT_SCHEMA_ID;
  /** version of the calculation rules */
  readonly calculator: string;
  readonly enterprise: EnterpriseReportInput['enterprise'];
  readonly year: number;
  readonly guideline: string;
  readonly factorSet: FactorSetId;
  readonly inputHash: string;
  readonly method: EnterpriseMethod & { readonly electricityConversionLabel: Label };
  readonly combustion: { readonly lines: EnterpriseCombustionLine[]; readonly total: Figure };
  readonly process: ProcessAccount;
  readonly indirect: { readonly electricity: EnterpriseIndirect; readonly heat: EnterpriseIndirect; readonly total: Figure };
  readonly energy: { readonly total: Figure; readonly electricity: Figure; readonly heat: Figure };
  readonly totals: {
    /** combustion + process CO2, tCO2 */
    readonly co2Direct: Figure;
    /** combustion + all process gases, tCO2e */
    readonly direct: Figure;
    readonly indirect: Figure;
    /** direct + indirect, tCO2e */
    readonly total: Figure;
  };
  readonly intensity: { readonly product: string; readonly total: Figure; readonly direct: Figure }[];
  readonly dataQuality: { readonly parameters: ParameterQuality[]; readonly measuredShare: Figure };
  readonly factorsUsed: FactorUse[];
  readonly qualityFlags: QualityFlag[];
  readonly lineage: Record<string, LineageNode>;
}

function quality(line: string, parameter: ParameterQuality['parameter'], p: Param | undefined): ParameterQuality[] {
  if (!p) return [];
  return p.source.kind === 'measured'
    ? [{ line, parameter, source: 'measured', evidence: p.source.source }]
    : [{ line, parameter, source: 'default', ref: p.source.ref, status: p.source.status, disputed: p.source.disputed }];
}

/**
 * 企业温室气体核算 per the national industry-guideline approach: fuel combustion with measured or default
 * parameters, process emissions (clinker and any other line), purchased electricity and heat net of exports,
 * energy consumption (tce), product intensities, and the data-quality flags of every parameter.
 */
export function computeEnterpriseReport(raw: unknown, set: FactorSet): EnterpriseResult {
  const input = parseEnterpriseReport(raw);
  const m = input.method;
  const y = input.year;
  const ctx = new FactorContext(set, m.factorPolicy ?? {});
  const lb = new LineageBuilder();
  const dq: ParameterQuality[] = [];

  const lines: EnterpriseCombustionLine[] = input.combustion.map((l, i) => {
    const field = `combustion.${i}`;
    const fuel = lookupFuel(l.fuel) as FuelDef;
    const params: FuelParams = resolveFuelParams(ctx, fuel, y, field, m.fuelParameters?.[fuel.id], { ncv: l.ncv, carbonContent: l.carbonContent, oxidation: l.oxidation }, field);
    const r = combust(l.amount, params, field);
    const source = l.ref ? `${field} (${l.ref})` : field;
    const label = { zh: `${l.facility ? `${l.facility}·` : ''}${fuel.id}燃烧`, en: `${l.facility ? `${l.facility} · ` : ''}${fuel.en} combustion` };
    const co2 = lb.add({ id: `ent.combustion.${i}`, label, value: r.co2T, unit: 'tCO2', formula: r.formula, inputs: [source], factors: factorRefs(params) });
    const coal = resolveCoalCoefficient(ctx, fuel, { year: y, conversion: m.electricityConversion, choice: m.coalEquivalent?.[fuel.id], paramChoice: m.fuelParameters?.[fuel.id], measuredNcv: l.ncv, measuredField: field }, field);
    const energy = lb.add({ id: `ent.energy.combustion.${i}`, label: { zh: `${label.zh}（折标）`, en: `${label.en} (tce)` }, value: toTce(l.amount, coal, field), unit: 'tce', formula: coal.formula, inputs: [source], factors: coal.refs });
    dq.push(...quality(field, 'ncv', params.ncv), ...quality(field, 'carbonContent', params.carbonContent), ...quality(field, 'oxidation', params.oxidation), ...quality(field, 'ipccEf', params.ipccEf));
    return { fuel: fuel.id, facility: l.facility, amount: { value: valueIn(l.amount, BASIS_UNIT[fuel.basis]), unit: BASIS_UNIT[fuel.basis] }, energyGJ: r.energyGJ, co2, energy };
  });
  const combustionTotal = lb.sum('ent.combustion.total', { zh: '化石燃料燃烧排放', en: 'fuel-combustion emissions' }, lines.map((l) => l.co2), 'tCO2');
  const process = computeProcess(ctx, input.process, y, lb, { prefix: 'ent.process', gwpSet: m.gwpSet });

  const indirect = (kind: 'electricity' | 'heat'): EnterpriseIndirect => {
    const unit = kind === 'electricity' ? 'kWh' : 'GJ';
    const src = kind === 'electricity' ? input.electricity : input.heat;
    const bought = src?.purchased ? valueIn(src.purchased, unit) : 0;
    const sold = src?.exported ? valueIn(src.exported, unit) : 0;
    const zh = kind === 'electricity' ? '电力' : '热力';
    const net = lb.add({ id: `ent.${kind}.net`, label: { zh: `净购入${zh}`, en: `net purchased ${kind}` }, value: bought - sold, unit, formula: '购入 − 输出', inputs: [src?.purchased ? `${kind}.purchased` : '', src?.exported ? `${kind}.exported` : ''].filter(Boolean) });
    if (net.value === 0) return { net, co2: lb.add({ id: `ent.indirect.${kind}`, label: { zh: `净购入${zh}排放`, en: `net purchased ${kind} emissions` }, value: 0, unit: 'tCO2', formula: '净购入为零', from: [net.lineage] }) };
    const conv = purchasedEnergyCo2(ctx, kind, y, m);
    return {
      net, factor: conv.factor,
      co2: lb.add({ id: `ent.indirect.${kind}`, label: { zh: `净购入${zh}排放`, en: `net purchased ${kind} emissions` }, value: conv.co2({ value: net.value, unit }, kind), unit: 'tCO2', formula: '净购入量 × 排放因子', factors: [conv.factor.ref], from: [net.lineage] }),
    };
  };
  const electricity = indirect('electricity');
  const heat = indirect('heat');
  const indirectTotal = lb.sum('ent.indirect.total', { zh: '净购入电力和热力排放', en: 'net purchased electricity and heat' }, [electricity.co2, heat.co2], 'tCO2');

  const elecFuel = lookupFuel('电力') as FuelDef;
  const heatFuel = lookupFuel('热力') as FuelDef;
  const energyOf = (kind: 'electricity' | 'heat', fuel: FuelDef, net: Figure) => {
    if (net.value === 0) return lb.add({ id: `ent.energy.${kind}`, label: { zh: `${fuel.id}（折标）`, en: `${kind} (tce)` }, value: 0, unit: 'tce', from: [net.lineage] });
    const c = resolveCoalCoefficient(ctx, fuel, { year: y, conversion: m.electricityConversion, choice: m.coalEquivalent?.[fuel.id] }, `${kind}`);
    return lb.add({ id: `ent.energy.${kind}`, label: { zh: `净购入${fuel.id}（折标）`, en: `net purchased ${kind} (tce)` }, value: toTce({ value: net.value, unit: net.unit }, c, kind), unit: 'tce', formula: c.formula, factors: c.refs, from: [net.lineage] });
  };
  const eElec = energyOf('electricity', elecFuel, electricity.net);
  const eHeat = energyOf('heat', heatFuel, heat.net);
  const energyTotal = lb.sum('ent.energy.total', { zh: '综合能源消费量', en: 'total energy consumption' }, [...lines.map((l) => l.energy), eElec, eHeat], 'tce');

  const co2Direct = lb.add({ id: 'ent.co2Direct', label: { zh: '直接CO2排放', en: 'direct CO2' }, value: combustionTotal.value + process.co2.value, unit: 'tCO2', formula: '燃烧 + 工业过程CO2', from: [combustionTotal.lineage, process.co2.lineage] });
  const direct = lb.add({ id: 'ent.direct', label: { zh: '直接排放', en: 'direct emissions' }, value: combustionTotal.value + process.total.value, unit: 'tCO2e', formula: '燃烧 + 工业过程（CO2e）', from: [combustionTotal.lineage, process.total.lineage] });
  const total = lb.add({ id: 'ent.total', label: { zh: '温室气体排放总量', en: 'total GHG emissions' }, value: direct.value + indirectTotal.value, unit: 'tCO2e', formula: '直接排放 + 净购入电力热力排放', from: [direct.lineage, indirectTotal.lineage] });
  const intensity = input.output.map((o, i) => {
    // per tonne (or m³, MWh) of product whatever unit the output was reported in
    const base = ['t', 'm3', 'MWh'].find((u) => areCompatible(o.amount.unit, u)) ?? o.amount.unit;
    const amount = valueIn(o.amount, base, `output.${i}.amount`);
    const mk = (id: string, what: Figure, zh: string, en: string) => lb.add({ id, label: { zh: `${o.product}${zh}`, en: `${en} per ${o.product}` }, value: what.value / amount, unit: `tCO2e/${base}`, formula: `${zh} ÷ 产量`, inputs: [`output.${i}`], from: [what.lineage] });
    return { product: o.product, total: mk(`ent.intensity.${i}.total`, total, '单位产品排放', 'emissions'), direct: mk(`ent.intensity.${i}.direct`, direct, '单位产品直接排放', 'direct emissions') };
  });
  const measuredCo2 = lines.filter((_, i) => ['ncv', 'carbonContent'].every((p) => dq.some((d) => d.line === `combustion.${i}` && d.parameter === p && d.source === 'measured')));
  const measuredShare = lb.add({
    id: 'ent.dataQuality.measuredShare', label: { zh: '燃烧排放中采用实测低位发热量和含碳量的比例', en: 'share of combustion CO2 on measured NCV and carbon content' },
    value: combustionTotal.value === 0 ? 0 : measuredCo2.reduce((a, l) => a + l.co2.value, 0) / combustionTotal.value, unit: '1', from: [combustionTotal.lineage],
  });
  const flags: QualityFlag[] = dq.filter((d) => d.source === 'default' && d.parameter !== 'oxidation').map((d) => ({ field: d.line, ref: d.ref, zh: `${d.line} 的${d.parameter === 'ncv' ? '低位发热量' : '含碳量'}采用缺省值`, en: `${d.line}: default ${d.parameter}` }));
  return {
    schema: ENTERPRISE_RESULT_SCHEMA_ID, calculator: CALCULATOR_VERSION, enterprise: input.enterprise, year: y, guideline: input.guideline,
    factorSet: factorSetId(set), inputHash: contentHash(input), method: { ...m, electricityConversionLabel: CONVERSION_LABELS[m.electricityConversion] },
    combustion: { lines, total: combustionTotal }, process, indirect: { electricity, heat, total: indirectTotal },
    energy: { total: energyTotal, electricity: eElec, heat: eHeat }, totals: { co2Direct, direct, indirect: indirectTotal, total },
    intensity, dataQuality: { parameters: dq, measuredShare }, factorsUsed: ctx.factorsUsed(), qualityFlags: [...ctx.qualityFlags(), ...flags], lineage: lb.toRecord(),
  };
}
