import { z } from 'zod';
import { FactorChoiceSchema, QuantitySchema, bilingual, checkDimension } from './schema-common.ts';

export const PROCESS_CATEGORIES = ['cementClinker', 'lime', 'glass', 'steel', 'carbonate', 'other'] as const;
export type ProcessCategory = (typeof PROCESS_CATEGORIES)[number];

export const PROCESS_CATEGORY_LABELS: Record<ProcessCategory, { zh: string; en: string }> = {
  cementClinker: { zh: '水泥熟料生产', en: 'cement clinker production' },
  lime: { zh: '石灰生产', en: 'lime production' },
  glass: { zh: '玻璃生产', en: 'glass production' },
  steel: { zh: '钢铁生产（熔剂、电极）', en: 'iron and steel (fluxes, electrodes)' },
  carbonate: { zh: '其他碳酸盐使用', en: 'other carbonate use' },
  other: { zh: '其他工业过程', en: 'other industrial processes' },
};

const Fraction = QuantitySchema;

/** How a process line is calculated. Open to other industries through `factor` and `measured`. */
export const ProcessMethodSchema = z.discriminatedUnion('type', [
  /** activity × a factor of the set (kind process.ef by default, or process.carbonate) */
  z.strictObject({ type: z.literal('factor'), factor: FactorChoiceSchema.extend({ kind: z.enum(['process.ef', 'process.carbonate']).optional(), key: z.string().min(1) }) }),
  /** activity × a plant- or region-specific factor supplied with the data, with its source */
  z.strictObject({ type: z.literal('measured'), factor: QuantitySchema, source: z.string().min(1) }),
  /** cement clinker: (CaO − CaO_nc) × 44/56 + (MgO − MgO_nc) × 44/40 per tonne of clinker */
  z.strictObject({
    type: z.literal('clinker'),
    composition: z.strictObject({ cao: Fraction, mgo: Fraction, caoNonCarbonate: Fraction, mgoNonCarbonate: Fraction }),
    molarRatios: z.enum(['integer', 'precise']),
  }),
  /** carbonate consumed × purity × calcination fraction × stoichiometric factor */
  z.strictObject({ type: z.literal('carbonate'), carbonate: z.string().min(1), purity: Fraction, calcination: Fraction, series: z.string().min(1).optional() }),
]);

export const ProcessLineSchema = z
  .strictObject({
    name: z.string().min(1),
    category: z.enum(PROCESS_CATEGORIES),
    /** tonnes of clinker, lime, glass, carbonate… */
    activity: QuantitySchema,
    /** the gas emitted; CO2 unless stated (others need a GWP set in method.gwpSet) */
    gas: z.string().min(1).optional(),
    method: ProcessMethodSchema,
    /** GB/T 4754 industry of the activity, for reporting */
    industry: z.string().optional(),
    ref: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((line, ctx) => {
    if (line.activity.value < 0) bilingual(ctx, '活动水平不能为负数', 'activity must not be negative', ['activity', 'value']);
    const m = line.method;
    if (m.type === 'clinker') {
      if (line.gas && line.gas !== 'CO2') bilingual(ctx, '熟料法只计算CO2', 'the clinker method gives CO2 only', ['gas']);
      checkDimension(ctx, line.activity, 't', ['activity'], { zh: '熟料产量', en: 'clinker output' });
      for (const k of ['cao', 'mgo', 'caoNonCarbonate', 'mgoNonCarbonate'] as const) {
        checkDimension(ctx, m.composition[k], '%', ['method', 'composition', k], { zh: '成分含量', en: 'a composition share' });
      }
    }
    if (m.type === 'carbonate') {
      checkDimension(ctx, line.activity, 't', ['activity'], { zh: '碳酸盐消耗量', en: 'carbonate consumed' });
      checkDimension(ctx, m.purity, '%', ['method', 'purity'], { zh: '纯度', en: 'purity' });
      checkDimension(ctx, m.calcination, '%', ['method', 'calcination'], { zh: '煅烧比例', en: 'calcination fraction' });
    }
  });

export type ProcessLine = z.output<typeof ProcessLineSchema>;
