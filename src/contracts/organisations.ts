import { z } from 'zod';
import { parseCreditCode } from '../core/organisations/credit-code.ts';
import { parseIndustryCode } from '../core/organisations/industry.ts';
import { bilingual, fromDomain } from '../core/validation.ts';
import { Timestamp } from './common.ts';

export const ORG_KINDS = ['office', 'department', 'enterprise', 'verifier'] as const;
export const OrgKind = z.enum(ORG_KINDS);

export const CreditCode = z.string().trim().toUpperCase().superRefine(fromDomain((v: string) => parseCreditCode(v)));
export const IndustryCode = z.string().trim().transform((v, ctx) => {
  try {
    return parseIndustryCode(v);
  } catch (e) {
    const err = e as { zh: string; en: string };
    bilingual(ctx, err.zh, err.en);
    return z.NEVER;
  }
});

export const OrganisationOut = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: OrgKind,
  name: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  keyEnergyUser: z.boolean(),
  keyEmitter: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrganisationOut = z.infer<typeof OrganisationOut>;

const fields = {
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(300).nullish(),
  shortName: z.string().trim().max(50).nullish(),
  creditCode: CreditCode.nullish(),
  industryCode: IndustryCode.nullish(),
  keyEnergyUser: z.boolean().optional(),
  keyEmitter: z.boolean().optional(),
};

export const OrganisationCreate = z
  .object({ regionCode: z.string().trim().min(1).max(32), kind: OrgKind, ...fields })
  .superRefine((v, ctx) => {
    if (v.kind === 'enterprise' && !v.creditCode) {
      bilingual(ctx, '企业必须填写统一社会信用代码', 'an enterprise needs its unified social credit code', ['creditCode']);
    }
  });
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationPatch = z.object(fields).partial().refine((v) => Object.keys(v).length > 0, {
  message: 'nothing to change',
  params: { zh: '没有要修改的字段', en: 'nothing to change' },
});
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

export const OrganisationQuery = z.object({
  region: z.string().max(32).optional(),
  kind: OrgKind.optional(),
  q: z.string().max(100).optional(),
});
