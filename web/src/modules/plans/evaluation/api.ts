import { downloadFile } from '../../../shared/files.ts';
import { Evaluation } from '../../../../../src/server/evaluation/schema.ts';
import { api, ApiError, withQuery } from '../../../app/api.ts';

/**
 * 年度评估 (src/server/evaluation): the evaluation JSON, checked against the server's own schema, and the
 * Excel workbook, fetched so that an error (no such plan, bad year, session gone) is shown as the API's
 * message instead of a page of JSON, then saved under the server's file name.
 */
export type { Evaluation };
export type EvaluationTarget = Evaluation['targets'][number];
export type EvaluationTask = Evaluation['actions'][number]['tasks'][number];
export type ConsistencyFinding = NonNullable<Evaluation['consistency']>['findings'][number];

export const evaluationApi = {
  get: (planId: number, year: number) => api.get(`/api/plans/${planId}/evaluation`, Evaluation, { year }),
  workbookUrl: (planId: number, year: number) => withQuery(`/api/plans/${planId}/evaluation.xlsx`, { year }),
  /** Downloads the workbook; resolves to the file name it was saved as. */
  downloadWorkbook: (planId: number, year: number): Promise<string> =>
    downloadFile(evaluationApi.workbookUrl(planId, year), `plan-${planId}-evaluation-${year}.xlsx`),
};


/** The last complete year inside the plan period (2025 on 2026-11-21 for 2021–2030), clamped to it. */
export function defaultYear(period: { periodStart: number; periodEnd: number }, today = new Date()): number {
  return Math.min(period.periodEnd, Math.max(period.periodStart, today.getFullYear() - 1));
}
