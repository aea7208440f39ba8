import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { parseRegionCode, REGION_LEVELS } from '../regions/index.ts';
import { valueIn } from '../units/index.ts';
import { BASIS_UNIT, lookupFuel, fuelNames } from './fuels.ts';
import { FINAL_SECTORS, FLOWS, GENERATION_SOURCES, PROCESSES, THERMAL_SOURCES } from './sectors.ts';
import {
  ElectricityFactorSchema, FactorChoiceSchema, FactorPolicySchema, QuantitySchema, YearSchema, bilingual, checkDimension,
} from './schema-common.ts';
import { ProcessLineSchema } from './schema-process.ts';

export const REGIONAL_SCHEMA_ID = 'shuangtan.regional-balance/1';

const FuelName = z.string().superRefine((name, ctx) => {
  if (!lookupFuel(name)) bilingual(ctx, `未知燃料“${name}”（可用：${fuelNames().join('、')}）`, `unknown fuel "${name}" (known: ${fuelNames().join(', ')})`);
});

export const BalanceRowSchema = z
  .strictObject({
    fuel: FuelName,
    flow: z.enum(FLOWS),
    process: z.enum(PROCESSES).optional(),
    sector: z.enum(FINAL_SECTORS).optional(),
    /** GB/T 4754 code of a sub-sector (e.g. C30 for 非金属矿物制品业), for finer reporting */
    subsector: z.string().optional(),
    amount: QuantitySchema,
    /** where the number comes from, e.g. "能源平衡表!D12" */
    ref: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((row, ctx) => {
    const transformation = row.flow === 'transformationInput' || row.flow === 'transformationOutput';
    const final = row.flow === 'final' || row.flow === 'finalNonEnergy';
    if (transformation && !row.process) bilingual(ctx, '加工转换行必须注明 process（如 thermalPower、coking）', 'a transformation row needs a process (e.g. thermalPower, coking)', ['process']);
    if (!transformation && row.process) bilingual(ctx, '只有加工转换行才有 process', 'only transformation rows have a process', ['process']);
    if (final && !row.sector) bilingual(ctx, '终端消费行必须注明 sector', 'a final-consumption row needs a sector', ['sector']);
    if (!final && row.sector) bilingual(ctx, '只有终端消费行才有 sector', 'only final-consumption rows have a sector', ['sector']);
    if (row.amount.value < 0 && row.flow !== 'stockChange') bilingual(ctx, '数量不能为负数（只有库存变化可为负）', 'amount must not be negative (only stockChange may be)', ['amount', 'value']);
    const fuel = lookupFuel(row.fuel);
    if (!fuel) return;
    checkDimension(ctx, row.amount, BASIS_UNIT[fuel.basis], ['amount'], { zh: `${fuel.id}的数量`, en: `the amount of ${fuel.id}` });
    if (fuel.basis === 'electricity' && ['production', 'transformationOutput'].includes(row.flow)) {
      bilingual(ctx, '本地发电量请填在 generation（按电源分列），不要在能源平衡表中重复', 'local generation goes into `generation` (by source), not into the balance', ['flow']);
    }
    if ((fuel.basis === 'electricity' || fuel.basis === 'heat') && row.flow === 'finalNonEnergy') {
      bilingual(ctx, `${fuel.id}不能用作原料`, `${fuel.id} cannot be a feedstock`, ['flow']);
    }
    if (fuel.basis === 'heat' && row.flow === 'production') bilingual(ctx, '热力由加工转换产出（transformationOutput），不是一次能源生产', 'heat is a transformation output, not primary production', ['flow']);
  });
export type BalanceRow = z.output<typeof BalanceRowSchema>;

export const GenerationRowSchema = z
  .strictObject({ source: z.enum(GENERATION_SOURCES), amount: QuantitySchema, ref: z.string().optional(), note: z.string().optional() })
  .superRefine((row, ctx) => {
    checkDimension(ctx, row.amount, 'kWh', ['amount'], { zh: '发电量', en: 'generation' });
    if (row.amount.value < 0) bilingual(ctx, '发电量不能为负数', 'generation must not be negative', ['amount', 'value']);
  });
export type GenerationRow = z.output<typeof GenerationRowSchema>;

export const ForestStratumSchema = z
  .strictObject({
    name: z.string().min(1),
    /** key of the species parameters (forest.wood_density / forest.bef / forest.root_shoot) */
    species: z.string().min(1),
    area: QuantitySchema.optional(),
    volumeStart: QuantitySchema.optional(),
    volumeEnd: QuantitySchema.optional(),
    growth: QuantitySchema.optional(),
    harvest: QuantitySchema.optional(),
    mortality: QuantitySchema.optional(),
    parameterSeries: z.string().min(1).optional(),
    ref: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    const stock = s.volumeStart !== undefined || s.volumeEnd !== undefined;
    const flows = s.growth !== undefined || s.harvest !== undefined || s.mortality !== undefined;
    if (stock === flows || (stock && (!s.volumeStart || !s.volumeEnd)) || (flows && !s.growth)) {
      bilingual(ctx, '请给出年初、年末蓄积量（volumeStart、volumeEnd），或给出生长量 growth（及 harvest、mortality），二者择一', 'give either volumeStart and volumeEnd, or growth (with harvest, mortality) — one form only');
    }
    for (const k of ['volumeStart', 'volumeEnd', 'growth', 'harvest', 'mortality'] as const) {
      if (s[k] && checkDimension(ctx, s[k], 'm3', [k], { zh: '蓄积量', en: 'stem volume' }) && s[k]!.value < 0) bilingual(ctx, '不能为负数', 'must not be negative', [k, 'value']);
    }
    if (s.area) checkDimension(ctx, s.area, 'hm2', ['area'], { zh: '面积', en: 'area' });
  });
export type ForestStratum = z.output<typeof ForestStratumSchema>;

export const FuelParamChoiceSchema = FactorChoiceSchema.extend({ approach: z.enum(['carbon-content', 'ipcc']).optional() });
export const CoalChoiceSchema = FactorChoiceSchema.extend({ fromNcv: z.boolean().optional() });

export const RegionalMethodSchema = z.strictObject({
  /** 当量值 (calorific, 0.1229 kgce/kWh) or 等价值 (the year's thermal heat rate, a local factor) */
  electricityConversion: z.enum(['calorific', 'generation-coal']),
  electricityFactor: ElectricityFactorSchema,
  heatFactor: FactorChoiceSchema.optional(),
  coalEquivalent: z.record(z.string(), CoalChoiceSchema).optional(),
  fuelParameters: z.record(z.string(), FuelParamChoiceSchema).optional(),
  gwpSet: z.string().min(1).optional(),
  forest: z.strictObject({ carbonFraction: FactorChoiceSchema, parameterSeries: z.string().min(1).optional() }).optional(),
  factorPolicy: FactorPolicySchema.optional(),
});
export type RegionalMethod = z.output<typeof RegionalMethodSchema>;

export const RegionSchema = z.strictObject({
  code: z.string().superRefine((c, ctx) => {
    try {
      parseRegionCode(c);
    } catch (e) {
      if (e instanceof DomainError) bilingual(ctx, e.zh, e.en);
      else throw e;
    }
  }),
  name: z.string().min(1),
  level: z.enum(REGION_LEVELS).optional(),
  province: z.string().optional(),
  gridRegion: z.string().optional(),
});

export const EconomySchema = z
  .strictObject({
    gdpCurrent: QuantitySchema,
    gdpComparable: z.strictObject({ amount: QuantitySchema, priceBaseYear: YearSchema }),
    population: QuantitySchema,
    source: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    checkDimension(ctx, e.gdpCurrent, '万元', ['gdpCurrent'], { zh: '地区生产总值', en: 'GDP' });
    if (checkDimension(ctx, e.gdpComparable.amount, '万元', ['gdpComparable', 'amount'], { zh: '可比价地区生产总值', en: 'GDP at comparable prices' }) && !(e.gdpComparable.amount.value > 0)) {
      bilingual(ctx, '必须大于零', 'must be positive', ['gdpComparable', 'amount', 'value']);
    }
    if (checkDimension(ctx, e.population, '万人', ['population'], { zh: '常住人口', en: 'population' }) && !(e.population.value > 0)) bilingual(ctx, '必须大于零', 'must be positive', ['population', 'value']);
  });

export const RegionalBalanceSchema = z
  .strictObject({
    schema: z.literal(REGIONAL_SCHEMA_ID),
    region: RegionSchema,
    year: YearSchema,
    description: z.string().optional(),
    energyBalance: z.array(BalanceRowSchema).min(1),
    generation: z.array(GenerationRowSchema).default([]),
    /** share of non-fossil electricity in net inflows, with its source (needed when electricity is net imported) */
    electricityImportNonFossilShare: z.strictObject({ share: QuantitySchema, source: z.string().min(1) }).optional(),
    process: z.array(ProcessLineSchema).default([]),
    forest: z.strictObject({ strata: z.array(ForestStratumSchema), source: z.string().optional() }).optional(),
    economy: EconomySchema,
    method: RegionalMethodSchema,
  })
  .superRefine((b, ctx) => {
    const share = b.electricityImportNonFossilShare?.share;
    if (share && checkDimension(ctx, share, '%', ['electricityImportNonFossilShare', 'share'], { zh: '非化石电力比例', en: 'the non-fossil share' })) {
      const v = valueIn(share, '1');
      if (v < 0 || v > 1) bilingual(ctx, '比例应在 0–100% 之间', 'must be within 0–100 %', ['electricityImportNonFossilShare', 'share', 'value']);
    }
    const seen = new Map<string, number>();
    b.energyBalance.forEach((r, i) => {
      const k = [lookupFuel(r.fuel)?.id ?? r.fuel, r.flow, r.process ?? '', r.sector ?? '', r.subsector ?? ''].join('|');
      const prev = seen.get(k);
      if (prev !== undefined) bilingual(ctx, `与第${prev + 1}行重复（同一燃料、流向、环节）`, `duplicates line ${prev + 1} (same fuel, flow and process/sector)`, ['energyBalance', i]);
      else seen.set(k, i);
    });
    // thermal generation and thermal-power inputs come together (otherwise the electricity output has no fuel, or vice versa)
    const thermalGen = b.generation.some((g) => THERMAL_SOURCES.includes(g.source) && g.amount.value > 0);
    const thermalIn = b.energyBalance.some((r) => r.flow === 'transformationInput' && r.process === 'thermalPower' && r.amount.value > 0);
    if (thermalGen && !thermalIn) bilingual(ctx, '有火电发电量（generation）但能源平衡表中没有火力发电投入（transformationInput / thermalPower）', 'thermal generation is given but the balance has no thermal-power input', ['generation']);
    if (thermalIn && !thermalGen) bilingual(ctx, '有火力发电投入但 generation 中没有火电发电量（coal、gas、oil、otherFossil）', 'thermal-power inputs are given but `generation` has no thermal generation', ['generation']);
    // 用作原料 ≤ 终端消费, per fuel and sector
    b.energyBalance.forEach((r, i) => {
      if (r.flow !== 'finalNonEnergy') return;
      const fuel = lookupFuel(r.fuel);
      if (!fuel) return;
      const unit = BASIS_UNIT[fuel.basis];
      const finals = b.energyBalance.filter((x) => x.flow === 'final' && lookupFuel(x.fuel) === fuel && x.sector === r.sector);
      try {
        const total = finals.reduce((s, x) => s + valueIn(x.amount, unit), 0);
        if (valueIn(r.amount, unit) > total * (1 + 1e-9)) {
          bilingual(ctx, `用作原料的${fuel.id}（${r.amount.value} ${r.amount.unit}）超过同部门终端消费量`, `non-energy use of ${fuel.id} (${r.amount.value} ${r.amount.unit}) exceeds the sector's final consumption`, ['energyBalance', i, 'amount']);
        }
      } catch {
        /* unit problems are reported on the rows themselves */
      }
    });
  });

export type RegionalBalanceInput = z.output<typeof RegionalBalanceSchema>;
