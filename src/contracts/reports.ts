import { z } from 'zod';
import { TASK_STATUSES, UNIT_ROLES } from './plans.ts';

/** Task progress reports (进展报送): shapes shared by the API and the UI. */
export const REPORT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export const Period = z.string().regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, { message: 'period must be YYYY, YYYY-H1/H2 or YYYY-Q1…Q4' })
  .describe('reporting period: 2024, 2024-H1, 2024-Q3');

export const ReportFileIn = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().max(100).default('application/octet-stream'),
  /** base64 of the file, at most 5 MB decoded */
  contentBase64: z.string().max(7_000_000),
});

export const ReportCreate = z.object({
  taskId: z.number().int().positive(),
  /** Reporting organisation; defaults to the caller's own (departments). */
  organisationId: z.number().int().positive().nullish(),
  period: Period,
  narrative: z.string().trim().min(1).max(20_000),
  percent: z.number().int().min(0).max(100),
  files: z.array(ReportFileIn).max(10).default([]),
});
export type ReportCreate = z.infer<typeof ReportCreate>;

export const ReportReview = z.object({ status: z.enum(['approved', 'returned']), comment: z.string().max(5000).nullish() });

export const ReportOut = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  taskRef: z.string(),
  taskTitle: z.string(),
  planId: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  period: z.string(),
  narrative: z.string(),
  percent: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  files: z.array(z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })),
});
export type ReportOut = z.infer<typeof ReportOut>;

export const ReportQuery = z.object({
  plan: z.coerce.number().int().positive().optional(),
  task: z.coerce.number().int().positive().optional(),
  period: Period.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

/** For a plan and period: which named units have not reported on which tasks, and which tasks are overdue. */
export const MissingReports = z.object({
  planId: z.number().int(),
  period: z.string(),
  missing: z.array(z.object({ taskId: z.number().int(), taskRef: z.string(), taskTitle: z.string(), role: z.enum(UNIT_ROLES), unitName: z.string(), organisationId: z.number().int().nullable() })),
  overdue: z.array(z.object({ taskId: z.number().int(), taskRef: z.string(), taskTitle: z.string(), deadline: z.number().int(), status: z.enum(TASK_STATUSES) })),
});
export type MissingReports = z.infer<typeof MissingReports>;
