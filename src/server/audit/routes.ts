import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { AuditEntryOut, AuditQuery, AuditVerifyOut } from '../../contracts/audit.ts';
import { AUDIT_COLUMNS, toEntry, verifyAudit } from './log.ts';
import { allows } from '../access/guard.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/audit', tag: 'audit', access: 'audit.read',
    summary: 'Audit entries, newest first, optionally for one entity (its history); scoped to what the caller oversees',
    query: AuditQuery, response: z.array(AuditEntryOut),
    handler: async ({ ctx, principal, query }) => {
      const where = ['seq < $1'];
      const args: unknown[] = [query.beforeSeq ?? Number.MAX_SAFE_INTEGER];
      if (query.entityType) { args.push(query.entityType); where.push(`entity_type = $${args.length}`); }
      if (query.entityId) { args.push(query.entityId); where.push(`entity_id = $${args.length}`); }
      args.push(query.limit);
      const rows = (await ctx.db.query<Parameters<typeof toEntry>[0]>(
        `select ${AUDIT_COLUMNS} from audit_log where ${where.join(' and ')} order by seq desc limit $${args.length}`, args,
      )).rows.map(toEntry);
      const out = [];
      for (const e of rows) {
        if (await allows(ctx, ctx.db, principal, 'audit.read', { regionId: e.regionId, organisationId: e.organisationId })) {
          out.push({ seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before, after: e.after, hash: e.hash });
        }
      }
      return out;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/audit/verify', tag: 'audit', access: 'audit.verify',
    summary: 'Recompute the hash chain and report the first tampered entry, if any (admin)', response: AuditVerifyOut,
    handler: async ({ ctx }) => {
      const r = await verifyAudit(ctx.db);
      return { ok: !r.firstBreak, entries: r.entries, firstBreak: r.firstBreak };
    },
  }),
];
