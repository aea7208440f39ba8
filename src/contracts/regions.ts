import { z } from 'zod';
import { REGION_LEVELS, parseRegionCode } from '../core/regions/codes.ts';
import { fromDomain } from '../core/validation.ts';

export const RegionCode = z.string().trim().min(1).max(32).superRefine(fromDomain((v: string) => parseRegionCode(v)));

export const RegionOut = z.object({
  id: z.number().int(),
  code: z.string(),
  codeKind: z.enum(['gbt2260', 'local']),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(REGION_LEVELS as [string, ...string[]]),
  parentId: z.number().int().nullable(),
  parentCode: z.string().nullable(),
  memberCodes: z.array(z.string()),
});
export type RegionOut = z.infer<typeof RegionOut>;

export const RegionCreate = z.object({
  code: RegionCode,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  level: z.enum(REGION_LEVELS as [string, ...string[]]),
  parentCode: RegionCode.nullish(),
  memberCodes: z.array(RegionCode).max(50).optional(),
});
export type RegionCreate = z.infer<typeof RegionCreate>;

export const RegionCodeParams = z.object({ code: z.string().min(1).max(32) });
