import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { BottomUpOut, BottomUpQuery, EnterpriseReportBody, EnterpriseReportDetail, EnterpriseReportOut, EnterpriseReportQuery } from '../../contracts/accounting.ts';
import { factorRoutes } from './factor-routes.ts';
import { inventoryRoutes } from './inventory-routes.ts';
import { fileEnterpriseReport, getEnterpriseReport, listEnterpriseReports } from './enterprise.ts';
import { bottomUp } from './bottom-up.ts';

const enterpriseRoutes = [
  defineRoute({
    method: 'POST', url: '/api/enterprise-reports', tag: 'accounting', access: 'enterprise_report.write', status: 201,
    summary: "An enterprise's annual GHG report (shuangtan.enterprise-report/1) for its own organisation: computed and stored as draft or submitted",
    body: EnterpriseReportBody, response: EnterpriseReportDetail,
    handler: ({ ctx, principal, body }) => fileEnterpriseReport(ctx, principal, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/enterprise-reports', tag: 'accounting', access: 'enterprise_report.read',
    summary: 'Enterprise reports the caller may read: an enterprise only its own; office, district and verifier those of their region',
    query: EnterpriseReportQuery, response: z.array(EnterpriseReportOut),
    handler: ({ ctx, principal, query }) => listEnterpriseReports(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/enterprise-reports/:id', tag: 'accounting', access: 'enterprise_report.read',
    summary: 'One enterprise report with its input and result (lineage, data-quality flags)', params: IdParams, response: EnterpriseReportDetail,
    handler: ({ ctx, principal, params }) => getEnterpriseReport(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/regions/:code/bottom-up', tag: 'accounting', access: 'enterprise_report.read',
    summary: "Bottom-up total of the region's stored enterprise reports for a year against its regional inventory (industries covered)",
    params: z.object({ code: z.string().min(1).max(32) }), query: BottomUpQuery, response: BottomUpOut,
    handler: ({ ctx, principal, params, query }) => bottomUp(ctx, principal, params.code, query),
  }),
];

/** Every route of carbon accounting (factor library, regional inventories, enterprise reports). */
export const accountingRoutes = [...factorRoutes, ...inventoryRoutes, ...enterpriseRoutes];
