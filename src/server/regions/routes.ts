import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { RegionCodeParams, RegionCreate, RegionOut } from '../../contracts/regions.ts';
import { findRegion, listRegions, requireRegion } from './repo.ts';
import { conflict, notFound } from '../http/errors.ts';
import { parseRegionCode } from '../../core/regions/codes.ts';
import { appendAudit } from '../audit/log.ts';

export const regionRoutes = [
  defineRoute({
    method: 'GET', url: '/api/regions', tag: 'regions', access: 'region.read',
    summary: 'All regions (province → city → county → zone; cross-region areas with their members)',
    response: z.array(RegionOut),
    handler: async ({ ctx }) => listRegions(ctx.db),
  }),
  defineRoute({
    method: 'GET', url: '/api/regions/:code', tag: 'regions', access: 'region.read',
    summary: 'One region by its GB/T 2260 or local code', params: RegionCodeParams, response: RegionOut,
    handler: async ({ ctx, params }) => {
      const r = await findRegion(ctx.db, params.code);
      if (!r) throw notFound(`地区 ${params.code} `, `Region ${params.code}`, 'code');
      return r;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/regions', tag: 'regions', access: 'region.write', status: 201,
    summary: 'Add a region (admin)', body: RegionCreate, response: RegionOut,
    handler: async ({ ctx, body, principal }) => {
      const { code, kind } = parseRegionCode(body.code);
      const out = await ctx.db.tx(async (q) => {
        if (await findRegion(q, code)) throw conflict(`地区代码 ${code} 已存在`, `Region code ${code} already exists`, 'code');
        const parent = body.parentCode ? await requireRegion(q, body.parentCode, 'parentCode') : null;
        const members = [];
        for (const [i, m] of (body.memberCodes ?? []).entries()) members.push(await requireRegion(q, m, `memberCodes.${i}`));
        const id = (await q.query<{ id: number }>(
          'insert into regions (code, code_kind, name, name_en, level, parent_id) values ($1, $2, $3, $4, $5, $6) returning id',
          [code, kind, body.name, body.nameEn, body.level, parent?.id ?? null],
        )).rows[0].id;
        for (const m of members) await q.query('insert into region_members (region_id, member_id) values ($1, $2)', [id, m.id]);
        const created = (await findRegion(q, code))!;
        await appendAudit(q, { userId: principal.userId, username: principal.username },
          { action: 'create', entityType: 'region', entityId: code, regionId: id, after: created }, ctx.now());
        return created;
      });
      ctx.regions.invalidate();
      return out;
    },
  }),
];
