import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { MissingReports, Period, ReportCreate, ReportOut, ReportQuery, ReportReview } from '../../contracts/reports.ts';
import { listReports, missingReports, reportFile, reviewReport, submitReport } from './service.ts';

export const reportRoutes = [
  defineRoute({
    method: 'GET', url: '/api/reports', tag: 'reports', access: 'report.read', summary: 'Task progress reports visible to the caller',
    query: ReportQuery, response: z.array(ReportOut), handler: ({ ctx, principal, query }) => listReports(ctx, principal, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/reports', tag: 'reports', access: 'report.submit', status: 201,
    summary: 'Report progress on a task for a period (a unit named on the task), with evidence files', body: ReportCreate, response: ReportOut,
    handler: ({ ctx, principal, body }) => submitReport(ctx, principal, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/reports/:id/review', tag: 'reports', access: 'report.review', summary: 'Approve or return a report (office)',
    params: IdParams, body: ReportReview, response: ReportOut,
    handler: ({ ctx, principal, params, body }) => reviewReport(ctx, principal, params.id, body.status, body.comment),
  }),
  defineRoute({
    method: 'GET', url: '/api/reports/:id/files/:fileId', tag: 'reports', access: 'report.read', summary: 'Download an evidence file',
    produces: 'application/octet-stream',
    params: z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() }), response: z.unknown(),
    handler: async ({ ctx, principal, params, reply }) => {
      const f = await reportFile(ctx, principal, params.id, params.fileId);
      reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      return Buffer.from(f.content);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/missing-reports', tag: 'reports', access: 'report.review',
    summary: 'For a period: named units that have not reported, and overdue tasks (清单化、闭环化)',
    params: IdParams, query: z.object({ period: Period }), response: MissingReports,
    handler: ({ ctx, principal, params, query }) => missingReports(ctx, principal, params.id, query.period),
  }),
];
