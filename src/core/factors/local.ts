import { z } from 'zod';
import { DomainError, type Issue } from '../errors.ts';
import { addFactors, type NewFactor } from './factor-set.ts';
import type { FactorSet } from './types.ts';

/**
 * Interchange format for local / measured factors (a statistics bureau's coefficients, species parameters
 * of a forest inventory, a plant's laboratory values): `{ "factors": [NewFactor…], "defaults"?: {kind: series} }`.
 */
export const NewFactorSchema = z.object({
  kind: z.string().min(1),
  key: z.string().min(1),
  series: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  unitQualifier: z.string().optional(),
  years: z.union([z.number().int(), z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() })]).optional(),
  status: z.enum(['local', 'measured']).optional(),
  sources: z.array(z.string().min(1)).min(1),
  documents: z.array(z.string()).optional(),
  confirmations: z.number().int().min(0).optional(),
  notes: z.array(z.string()).optional(),
});

export const LocalFactorFileSchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  defaults: z.record(z.string(), z.string()).optional(),
  factors: z.array(NewFactorSchema),
});
export type LocalFactorFile = z.infer<typeof LocalFactorFileSchema>;

/** Validates a local factor file and adds it to `set` as one new version (optionally renaming the set). */
export function addLocalFactorFile(set: FactorSet, file: unknown, opts: { name?: string } = {}): FactorSet {
  const r = LocalFactorFileSchema.safeParse(file);
  if (!r.success) {
    const issues: Issue[] = r.error.issues.map((i) => {
      const field = i.path.map(String).join('.');
      return { field, zh: `${field}：${i.message}`, en: `${field}: ${i.message}` };
    });
    throw new DomainError('invalid_input', { field: issues[0].field, zh: `本地因子文件无效：${issues[0].zh}`, en: `invalid local factor file: ${issues[0].en}` }, issues);
  }
  return addFactors(set, r.data.factors as NewFactor[], { name: opts.name, defaults: r.data.defaults });
}
