import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { IndicatorOut, ParseBody, PlanDetail, PlanImport, PlanListItem, PlanPatch, PlanQuery, PlanSource } from '../../contracts/plans.ts';
import { updatePlan } from './meta.ts';
import { parsePlan } from '../../core/plans/index.ts';
import { getPlanDetail, listPlans } from './repo.ts';
import { listIndicators } from './indicators.ts';
import { savePlanImport } from './save.ts';
import { requireRegion } from '../regions/repo.ts';
import { assertCan } from '../access/guard.ts';
import { notFound } from '../http/errors.ts';
import { planFileText } from '../../imports/plan-file.ts';

const actor = (p: { userId: number; username: string }) => ({ userId: p.userId, username: p.username });

export const planRoutes = [
  defineRoute({
    method: 'GET', url: '/api/indicators', tag: 'plans', access: 'plan.read', summary: 'The indicator catalogue',
    response: z.array(IndicatorOut), handler: ({ ctx }) => listIndicators(ctx.db),
  }),
  defineRoute({
    method: 'GET', url: '/api/plans', tag: 'plans', access: 'plan.read',
    summary: 'Plans of a region (within=true: and of the regions below it)', query: PlanQuery, response: z.array(PlanListItem),
    handler: async ({ ctx, query }) => {
      if (!query.region) return listPlans(ctx.db, null);
      const region = await requireRegion(ctx.db, query.region, 'region');
      const tree = await ctx.regions.get();
      const all = (await ctx.db.query<{ id: number }>('select id from regions')).rows.map((r) => r.id);
      const ids = query.within === 'true' ? all.filter((id) => tree.within(id, region.id)) : [region.id];
      return listPlans(ctx.db, ids);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id', tag: 'plans', access: 'plan.read',
    summary: 'A plan with its actions, tasks (units by role), targets and their latest progress', params: IdParams, response: PlanDetail,
    handler: async ({ ctx, params }) => {
      const plan = await getPlanDetail(ctx.db, params.id, ctx.now().getUTCFullYear());
      if (!plan) throw notFound('方案', 'Plan', 'id');
      return plan;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/source', tag: 'plans', access: 'plan.read', summary: 'The verbatim source text of a plan',
    params: IdParams, response: PlanSource,
    handler: async ({ ctx, params }) => {
      const row = (await ctx.db.query<{ source_name: string | null; source_text: string }>('select source_name, source_text from plans where id = $1', [params.id])).rows[0];
      if (!row) throw notFound('方案', 'Plan', 'id');
      return { name: row.source_name, text: row.source_text };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/parse', tag: 'plans', access: 'plan.write',
    summary: 'Parse a plan (text, or a .txt/.docx file) into a draft for review (writes nothing); the draft carries the text it was read from',
    body: ParseBody, response: z.unknown(),
    handler: async ({ body }) => {
      const text = body.text ?? (await planFileText(body.file!.name, Buffer.from(body.file!.contentBase64, 'base64'), 'file'));
      return { ...parsePlan(text), sourceText: text };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans', tag: 'plans', access: 'plan.write', status: 201,
    summary: 'Save a reviewed draft as a plan', body: PlanImport, response: PlanDetail,
    handler: async ({ ctx, principal, body }) => {
      const id = await ctx.db.tx(async (q) => {
        const region = await requireRegion(q, body.regionCode);
        await assertCan(ctx, q, principal, 'plan.write', { regionId: region.id }, region.name);
        return savePlanImport(q, actor(principal), await ctx.regions.get(q), region.id, body, {
          reviewed: body.targets.every((t) => t.reviewStatus !== 'draft'), warnings: body.warnings, now: ctx.now(),
        });
      });
      return (await getPlanDetail(ctx.db, id, ctx.now().getUTCFullYear()))!;
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/plans/:id', tag: 'plans', access: 'plan.write', summary: "Change a plan's metadata (status, 文号, period, parent plan)",
    params: IdParams, body: PlanPatch, response: PlanDetail,
    handler: ({ ctx, principal, params, body }) => updatePlan(ctx, principal, params.id, body),
  }),
];
