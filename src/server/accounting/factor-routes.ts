import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { FactorRecordQuery, FactorSetDetail, FactorSetOut } from '../../contracts/accounting.ts';
import { LocalFactorFileSchema, addLocalFactorFile } from '../../core/factors/index.ts';
import { appendAudit } from '../audit/log.ts';
import { HttpError } from '../http/errors.ts';
import { insertFactorSet, isIntact, listSetRows, loadFactorSet, recordRows, toSetOut } from './factor-sets.ts';

const actor = (p: { userId: number; username: string }) => ({ userId: p.userId, username: p.username });

export const factorRoutes = [
  defineRoute({
    method: 'GET', url: '/api/factor-sets', tag: 'accounting', access: 'factor.read',
    summary: 'Factor sets (versions of the factor library), each checked against its fingerprint', response: z.array(FactorSetOut),
    handler: async ({ ctx }) => {
      const out = [];
      for (const r of await listSetRows(ctx.db)) out.push(toSetOut(r, await isIntact(ctx.db, r)));
      return out;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/factor-sets/:id', tag: 'accounting', access: 'factor.read',
    summary: 'A factor set with its records flattened for a table (kind, key, series, years, value, unit, version, status, confirmations, sources, notes; single-source and disputed marked)',
    params: IdParams, query: FactorRecordQuery, response: FactorSetDetail,
    handler: async ({ ctx, params, query }) => {
      const { row, set } = await loadFactorSet(ctx.db, params.id, 'param');
      const needle = query.q?.trim().toLowerCase();
      let rows = recordRows(set);
      if (query.kind) rows = rows.filter((r) => r.kind === query.kind);
      if (query.weak) rows = rows.filter((r) => r.weak === (query.weak === 'true'));
      if (query.head) rows = rows.filter((r) => r.head === (query.head === 'true'));
      if (needle) rows = rows.filter((r) => [r.key, r.series, ...r.sources].some((x) => x.toLowerCase().includes(needle)));
      return { ...toSetOut(row, true), defaults: { ...set.defaults }, sources: { ...set.sources }, records: rows };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/factor-sets/:id/versions', tag: 'accounting', access: 'factor.write', status: 201,
    summary: 'Add local or measured factors to a set: a NEW set version (parent = this set); nothing is overwritten',
    params: IdParams, body: LocalFactorFileSchema, response: FactorSetOut,
    handler: async ({ ctx, principal, params, body }) => ctx.db.tx(async (q) => {
      const parent = await loadFactorSet(q, params.id, 'param');
      if (!body.factors.length) {
        throw new HttpError(400, 'invalid_input', { field: 'factors', zh: 'factors：至少要有一个因子', en: 'factors: give at least one factor' });
      }
      const next = addLocalFactorFile(parent.set, body, { name: body.name });
      const row = await insertFactorSet(q, next, { parent: parent.row, note: body.description ?? null, userId: principal.userId, now: ctx.now() });
      await appendAudit(q, actor(principal), {
        action: 'create', entityType: 'factor_set', entityId: row.id,
        after: { name: row.name, version: row.version, parentId: parent.row.id, fingerprint: row.fingerprint, description: body.description, defaults: body.defaults, factors: body.factors },
      }, ctx.now());
      return toSetOut(row, true);
    }),
  }),
];
