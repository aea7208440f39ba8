import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { notFound } from '../http/errors.ts';
import type { AppContext } from '../context.ts';
import { evaluationData } from './data.ts';
import { Evaluation, EvaluationQuery } from './schema.ts';
import { evaluationWorkbook, XLSX_TYPE } from './workbook.ts';

async function load(ctx: AppContext, id: number, year: number) {
  const e = await evaluationData(ctx.db, id, year, ctx.now());
  if (!e) throw notFound('方案', 'Plan', 'id');
  return e;
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name, percent-encoded (attr-char only). */
export function contentDisposition(name: string, fallback: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** 泸州市碳达峰实施方案-2024年度评估.xlsx, without characters file systems refuse. */
export const workbookName = (title: string, year: number) => `${title.replace(/[\\/:*?"<>|\s]+/g, '')}-${year}年度评估.xlsx`;

export const evaluationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/evaluation', tag: 'plans', access: 'plan.read',
    summary: 'The annual evaluation (年度评估) of a plan: targets against their paths with warnings, tasks, consistency with the higher plan',
    params: IdParams, query: EvaluationQuery, response: Evaluation,
    handler: ({ ctx, params, query }) => load(ctx, params.id, query.year),
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/evaluation.xlsx', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', tag: 'plans', access: 'plan.read',
    summary: 'The annual evaluation as an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
    params: IdParams, query: EvaluationQuery, response: z.unknown(),
    handler: async ({ ctx, params, query, reply }) => {
      const e = await load(ctx, params.id, query.year);
      const body = await evaluationWorkbook(e, ctx.now());
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', contentDisposition(workbookName(e.plan.title, e.year), `plan-${e.plan.id}-evaluation-${e.year}.xlsx`));
      reply.header('cache-control', 'no-store');
      return body;
    },
  }),
];
