import { contentHash, factorSetId, type FactorSet, type FactorSetId } from '../factors/index.ts';
import { buildBalance } from './balance.ts';
import { CALCULATOR_VERSION, REVIEW_THRESHOLDS } from './constants.ts';
import { FactorContext, type FactorUse, type QualityFlag } from './factor-context.ts';
import { CONVERSION_LABELS } from './energy-equivalent.ts';
import { computeSinks, type SinkAccount } from './forest.ts';
import { computeIndirect, type IndirectAccount } from './indirect.ts';
import { computeEnergy, type EnergyAccount } from './inventory-energy.ts';
import { ParamCache, computeReference, computeSectoral, type CombustionAccount, type ReferenceAccount } from './inventory-co2.ts';
import { computeIntensities, type Intensities } from './intensity.ts';
import { LineageBuilder, type Figure, type Label, type LineageNode } from './lineage.ts';
import { computeProcess, type ProcessAccount } from './process.ts';
import { parseRegionalBalance } from './schema.ts';
import type { RegionalBalanceInput, RegionalMethod } from './schema-regional.ts';

export const INVENTORY_SCHEMA_ID = 'shuangtan.regional-inventory/1';

export interface Co2Totals {
  /** combustion + process */
  readonly direct: Figure;
  readonly indirect: Figure;
  /** direct + indirect (net electricity/heat inflows; negative for net outflows) */
  readonly withIndirect: Figure;
  /** combustion + indirect: the energy-activity CO2 of the intensity indicator */
  readonly energyWithIndirect: Figure;
  /** direct − removals */
  readonly netDirect: Figure;
  /** with indirect − removals */
  readonly netWithIndirect: Figure;
}

export interface RegionalInventory {
  readonly schema: typeof INVENTORY_SCHEMA_ID;
  /** version of the calculation rules */
  readonly calculator: string;
  readonly region: RegionalBalanceInput['region'];
  readonly year: number;
  /** the factor set used: re-running with the same set and input gives the same result */
  readonly factorSet: FactorSetId;
  /** sha256 of the canonical input */
  readonly inputHash: string;
  readonly method: RegionalMethod & { readonly electricityConversionLabel: Label };
  readonly energy: EnergyAccount;
  readonly co2: {
    readonly combustion: CombustionAccount;
    readonly reference: ReferenceAccount;
    readonly process: ProcessAccount;
    readonly indirect: IndirectAccount;
    readonly sinks: SinkAccount;
    readonly totals: Co2Totals;
  };
  readonly intensity: Intensities;
  readonly factorsUsed: FactorUse[];
  readonly qualityFlags: QualityFlag[];
  readonly lineage: Record<string, LineageNode>;
}

/**
 * 区域碳排放核算: the regional inventory of one year from its energy balance, generation, industrial
 * processes, forest data and economy, with the factors of `set`. Pure and deterministic.
 * Accepts raw JSON (validated here) or an already parsed input.
 */
export function computeRegionalInventory(raw: unknown, set: FactorSet): RegionalInventory {
  const input = parseRegionalBalance(raw);
  const m = input.method;
  const ctx = new FactorContext(set, m.factorPolicy ?? {});
  const lb = new LineageBuilder();
  const flags: QualityFlag[] = [];
  const balance = buildBalance(input.energyBalance, input.generation);

  const energy = computeEnergy(ctx, balance, input.year, {
    conversion: m.electricityConversion, coalEquivalent: m.coalEquivalent, fuelParameters: m.fuelParameters, importNonFossilShare: input.electricityImportNonFossilShare,
  }, lb, flags);
  const params = new ParamCache(ctx, input.year, m.fuelParameters);
  const combustion = computeSectoral(balance, params, lb);
  const reference = computeReference(balance, params, combustion, lb);
  const process = computeProcess(ctx, input.process, input.year, lb, { prefix: 'co2.process', gwpSet: m.gwpSet, co2Only: true });
  const indirect = computeIndirect(ctx, balance, input.year, m.electricityFactor, m.heatFactor, lb);
  const sinks = computeSinks(ctx, input.forest?.strata ?? [], m.forest, input.year, lb);

  const direct = lb.add({ id: 'co2.direct', label: { zh: '直接排放（燃烧 + 工业过程）', en: 'direct emissions (combustion + processes)' }, value: combustion.total.value + process.co2.value, unit: 'tCO2', formula: '燃烧 + 工业过程', from: [combustion.total.lineage, process.co2.lineage] });
  const withIndirect = lb.add({ id: 'co2.withIndirect', label: { zh: '二氧化碳排放总量（含电力热力调入调出）', en: 'total CO2 incl. net electricity/heat inflows' }, value: direct.value + indirect.total.value, unit: 'tCO2', formula: '直接排放 + 间接排放', from: [direct.lineage, indirect.total.lineage] });
  const energyWithIndirect = lb.add({ id: 'co2.energyWithIndirect', label: { zh: '能源活动二氧化碳排放（含电力热力调入调出）', en: 'energy-activity CO2 incl. net inflows' }, value: combustion.total.value + indirect.total.value, unit: 'tCO2', formula: '燃烧 + 间接排放', from: [combustion.total.lineage, indirect.total.lineage] });
  const netDirect = lb.add({ id: 'co2.netDirect', label: { zh: '直接排放扣除碳汇', en: 'direct emissions net of removals' }, value: direct.value - sinks.total.value, unit: 'tCO2', formula: '直接排放 − 碳汇', from: [direct.lineage, sinks.total.lineage] });
  const netWithIndirect = lb.add({ id: 'co2.netWithIndirect', label: { zh: '排放总量扣除碳汇', en: 'total emissions net of removals' }, value: withIndirect.value - sinks.total.value, unit: 'tCO2', formula: '排放总量 − 碳汇', from: [withIndirect.lineage, sinks.total.lineage] });

  const intensity = computeIntensities(input.economy, energy.total, energyWithIndirect, withIndirect, lb);
  if (reference.relativeDifference && Math.abs(reference.relativeDifference.value) > REVIEW_THRESHOLDS.referenceApproach) {
    flags.push({ zh: `参考法与部门法相差 ${(reference.relativeDifference.value * 100).toFixed(1)}%（超过 ±${REVIEW_THRESHOLDS.referenceApproach * 100}%）`, en: `reference and sectoral approaches differ by ${(reference.relativeDifference.value * 100).toFixed(1)} % (beyond ±${REVIEW_THRESHOLDS.referenceApproach * 100} %)` });
  }
  if (!input.forest?.strata.length) flags.push({ field: 'forest', zh: '未提供森林资源数据：碳汇未核算', en: 'no forest data: removals not accounted' });
  if (m.electricityFactor.year !== undefined && m.electricityFactor.year !== input.year) {
    flags.push({ field: 'method.electricityFactor.year', zh: `电力排放因子使用 ${m.electricityFactor.year} 年（核算年份 ${input.year}）：${m.electricityFactor.yearReason}`, en: `electricity factor of ${m.electricityFactor.year} used for ${input.year}: ${m.electricityFactor.yearReason}` });
  }
  return {
    schema: INVENTORY_SCHEMA_ID,
    calculator: CALCULATOR_VERSION,
    region: input.region,
    year: input.year,
    factorSet: factorSetId(set),
    inputHash: contentHash(input),
    method: { ...m, electricityConversionLabel: CONVERSION_LABELS[m.electricityConversion] },
    energy,
    co2: { combustion, reference, process, indirect, sinks, totals: { direct, indirect: indirect.total, withIndirect, energyWithIndirect, netDirect, netWithIndirect } },
    intensity,
    factorsUsed: ctx.factorsUsed(),
    qualityFlags: [...ctx.qualityFlags(), ...flags],
    lineage: lb.toRecord(),
  };
}
