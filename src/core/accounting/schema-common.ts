import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { bilingual, parseInput } from '../validation.ts';
import { parseUnit, sameDimension, formatDimension, type Quantity } from '../units/index.ts';

export { bilingual };

/** `{value, unit}`: a finite number and a known unit. A missing unit is an error, never assumed. */
export const QuantitySchema = z
  .strictObject({ value: z.number(), unit: z.string().optional() })
  .superRefine((q, ctx) => {
    if (q.unit === undefined || q.unit.trim() === '') return bilingual(ctx, '缺少单位（数量必须带单位）', 'missing unit (a quantity must carry a unit)', ['unit']);
    try {
      parseUnit(q.unit);
    } catch (e) {
      if (e instanceof DomainError) bilingual(ctx, e.zh, e.en, ['unit']);
      else throw e;
    }
  })
  .transform((q): Quantity => ({ value: q.value, unit: q.unit as string }));

/** Checks a parsed quantity's dimension against an example unit; adds an issue at `path` if it differs. */
export function checkDimension(ctx: z.RefinementCtx, q: Quantity | undefined, like: string, path: PropertyKey[], what: { zh: string; en: string }): boolean {
  if (!q) return false;
  let p;
  try {
    p = parseUnit(q.unit);
  } catch {
    return false; // already reported by QuantitySchema
  }
  const want = parseUnit(like).dimension;
  if (sameDimension(p.dimension, want)) return true;
  bilingual(ctx, `${what.zh}的单位应为${formatDimension(want, 'zh')}单位（如 ${like}），而不是“${q.unit}”`, `${what.en} must be in a ${formatDimension(want)} unit (e.g. ${like}), not "${q.unit}"`, [...path, 'unit']);
  return false;
}

export const YearSchema = z.number().int().min(1990).max(2100);

/** Which record to use: a key and/or a series other than the defaults. */
export const FactorChoiceSchema = z.strictObject({ key: z.string().min(1).optional(), series: z.string().min(1).optional() });

export const FactorPolicySchema = z.strictObject({
  allow: z.array(z.enum(['single-source', 'disputed'])).optional(),
  allowRefs: z.array(z.string().min(1)).optional(),
});

/** The grid factor: series (never mixed), key (全国 / a grid region / a province), and an explicit year override with its reason. */
export const ElectricityFactorSchema = z
  .strictObject({
    series: z.string().min(1),
    key: z.string().min(1),
    year: YearSchema.optional(),
    yearReason: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.year !== undefined && !v.yearReason) {
      bilingual(ctx, '指定了与核算年份不同的因子年份时必须说明理由（yearReason）', 'a factor year different from the accounting year needs a reason (yearReason)', ['yearReason']);
    }
  });

/** Names of arrays whose elements are "lines" of an input table: their index is shown as a 1-based line. */
const LINE_ARRAYS: Record<string, { zh: string; en: string }> = {
  energyBalance: { zh: '能源平衡表', en: 'energy balance' },
  generation: { zh: '发电量表', en: 'generation table' },
  process: { zh: '工业过程', en: 'industrial processes' },
  strata: { zh: '森林分层', en: 'forest strata' },
  combustion: { zh: '化石燃料燃烧', en: 'fuel combustion' },
  output: { zh: '产品产量', en: 'output' },
};

function lineHint(path: readonly PropertyKey[]): { zh: string; en: string } {
  for (let i = 0; i < path.length - 1; i++) {
    const name = String(path[i]);
    const idx = path[i + 1];
    if (LINE_ARRAYS[name] && typeof idx === 'number') {
      return { zh: `（${LINE_ARRAYS[name].zh}第${idx + 1}行）`, en: ` (${LINE_ARRAYS[name].en} line ${idx + 1})` };
    }
  }
  return { zh: '', en: '' };
}

/** Validates or throws one DomainError listing every issue, the first one in the message. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what: { zh: string; en: string }): z.output<S> {
  return parseInput(schema, data, { what, hint: lineHint });
}
