import { z } from 'zod';
import { MissingReports, ReportOut, type ReportCreate, type REPORT_STATUSES } from '../../../../../src/contracts/reports.ts';
import { api } from '../../../app/api.ts';

/** The progress-report endpoints (src/server/reports), each response checked against its contract schema. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const reportsApi = {
  list: (q: { plan?: number; task?: number; period?: string; status?: ReportStatus }) => api.get('/api/reports', z.array(ReportOut), q),
  create: (body: ReportCreate) => api.post('/api/reports', ReportOut, body),
  review: (id: number, status: 'approved' | 'returned', comment: string | null) => api.patch(`/api/reports/${id}/review`, ReportOut, { status, comment }),
  missing: (planId: number, period: string) => api.get(`/api/plans/${planId}/missing-reports`, MissingReports, { period }),
  fileUrl: (reportId: number, fileId: number) => `/api/reports/${reportId}/files/${fileId}`,
};
