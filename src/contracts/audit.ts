import { z } from 'zod';

export const AuditEntryOut = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntryOut = z.infer<typeof AuditEntryOut>;

export const AuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().positive().optional(),
});

export const AuditVerifyOut = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'link', 'gap']) }).nullable(),
});
export type AuditVerifyOut = z.infer<typeof AuditVerifyOut>;
