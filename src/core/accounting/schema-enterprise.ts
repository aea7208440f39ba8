import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { parseCreditCode, parseIndustryCode } from '../organisations/index.ts';
import { parseRegionCode } from '../regions/index.ts';
import { BASIS_UNIT, fuelNames, lookupFuel } from './fuels.ts';
import { FINAL_SECTORS } from './sectors.ts';
import { ElectricityFactorSchema, FactorChoiceSchema, FactorPolicySchema, QuantitySchema, YearSchema, bilingual, checkDimension } from './schema-common.ts';
import { ProcessLineSchema } from './schema-process.ts';
import { CoalChoiceSchema, FuelParamChoiceSchema } from './schema-regional.ts';

export const ENTERPRISE_SCHEMA_ID = 'shuangtan.enterprise-report/1';

function viaDomain(check: (v: string) => unknown) {
  return (v: string, ctx: z.RefinementCtx) => {
    try {
      check(v);
    } catch (e) {
      if (e instanceof DomainError) bilingual(ctx, e.zh, e.en);
      else throw e;
    }
  };
}

/** A measured parameter, with the laboratory report or method it comes from. */
const Measured = z.strictObject({ value: QuantitySchema, source: z.string().min(1) });

export const CombustionLineSchema = z
  .strictObject({
    fuel: z.string(),
    amount: QuantitySchema,
    facility: z.string().optional(),
    /** 实测低位发热量 */
    ncv: Measured.optional(),
    /** 实测含碳量: per unit heat (tC/TJ) or per unit mass (元素碳含量, tC/t) */
    carbonContent: Measured.optional(),
    /** 实测碳氧化率 */
    oxidation: Measured.optional(),
    ref: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    const fuel = lookupFuel(l.fuel);
    if (!fuel) return bilingual(ctx, `未知燃料“${l.fuel}”（可用：${fuelNames().join('、')}）`, `unknown fuel "${l.fuel}" (known: ${fuelNames().join(', ')})`, ['fuel']);
    if (!fuel.fossil) bilingual(ctx, `${fuel.id}不是化石燃料：外购电力、热力请填在 electricity / heat`, `${fuel.id} is not a fossil fuel: purchased electricity and heat go into electricity / heat`, ['fuel']);
    checkDimension(ctx, l.amount, BASIS_UNIT[fuel.basis], ['amount'], { zh: `${fuel.id}的消耗量`, en: `the consumption of ${fuel.id}` });
    if (l.amount.value < 0) bilingual(ctx, '消耗量不能为负数', 'consumption must not be negative', ['amount', 'value']);
    if (l.ncv) checkDimension(ctx, l.ncv.value, fuel.basis === 'volume' ? 'GJ/m3' : 'GJ/t', ['ncv', 'value'], { zh: '低位发热量', en: 'the net calorific value' });
    if (l.oxidation) checkDimension(ctx, l.oxidation.value, '%', ['oxidation', 'value'], { zh: '碳氧化率', en: 'the oxidation rate' });
  });
export type CombustionLine = z.output<typeof CombustionLineSchema>;

export const EnterpriseMethodSchema = z.strictObject({
  electricityFactor: ElectricityFactorSchema,
  heatFactor: FactorChoiceSchema.optional(),
  electricityConversion: z.enum(['calorific', 'generation-coal']).default('calorific'),
  coalEquivalent: z.record(z.string(), CoalChoiceSchema).optional(),
  fuelParameters: z.record(z.string(), FuelParamChoiceSchema).optional(),
  gwpSet: z.string().min(1).optional(),
  factorPolicy: FactorPolicySchema.optional(),
});

const Energy = QuantitySchema;

export const EnterpriseReportSchema = z
  .strictObject({
    schema: z.literal(ENTERPRISE_SCHEMA_ID),
    enterprise: z.strictObject({
      name: z.string().min(1),
      creditCode: z.string().superRefine(viaDomain((v) => parseCreditCode(v))),
      industry: z.string().superRefine(viaDomain((v) => parseIndustryCode(v))),
      regionCode: z.string().superRefine(viaDomain((v) => parseRegionCode(v))),
      /** the 能源平衡表 sector the enterprise's energy use belongs to (bottom-up summing) */
      sector: z.enum(FINAL_SECTORS).default('industry'),
    }),
    year: YearSchema,
    /** the accounting guideline followed, e.g. 《中国水泥生产企业温室气体排放核算方法与报告指南（试行）》 */
    guideline: z.string().min(1),
    method: EnterpriseMethodSchema,
    combustion: z.array(CombustionLineSchema).default([]),
    process: z.array(ProcessLineSchema).default([]),
    electricity: z.strictObject({ purchased: Energy, exported: Energy.optional() }).optional(),
    heat: z.strictObject({ purchased: Energy.optional(), exported: Energy.optional() }).optional(),
    output: z.array(z.strictObject({ product: z.string().min(1), amount: QuantitySchema, ref: z.string().optional() })).min(1),
  })
  .superRefine((r, ctx) => {
    for (const [k, q] of [['purchased', r.electricity?.purchased], ['exported', r.electricity?.exported]] as const) {
      if (q && checkDimension(ctx, q, 'kWh', ['electricity', k], { zh: '电量', en: 'electricity' }) && q.value < 0) bilingual(ctx, '不能为负数', 'must not be negative', ['electricity', k, 'value']);
    }
    for (const [k, q] of [['purchased', r.heat?.purchased], ['exported', r.heat?.exported]] as const) {
      if (q && checkDimension(ctx, q, 'GJ', ['heat', k], { zh: '热量', en: 'heat' }) && q.value < 0) bilingual(ctx, '不能为负数', 'must not be negative', ['heat', k, 'value']);
    }
    r.output.forEach((o, i) => {
      if (!(o.amount.value > 0)) bilingual(ctx, '产量必须大于零', 'output must be positive', ['output', i, 'amount', 'value']);
    });
  });

export type EnterpriseReportInput = z.output<typeof EnterpriseReportSchema>;
export type EnterpriseMethod = z.output<typeof EnterpriseMethodSchema>;
