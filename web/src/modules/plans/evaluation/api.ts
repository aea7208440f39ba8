import { ErrorBody } from '../../../../../src/contracts/errors.ts';
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
  async downloadWorkbook(planId: number, year: number): Promise<string> {
    const res = await fetch(evaluationApi.workbookUrl(planId, year), { credentials: 'same-origin' });
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined));
      throw parsed.success ? new ApiError(res.status, parsed.data.error)
        : new ApiError(res.status, { code: 'bad_response', zh: `下载失败（HTTP ${res.status}）`, en: `Download failed (HTTP ${res.status})`, issues: [] });
    }
    const name = fileName(res.headers.get('content-disposition')) ?? `plan-${planId}-evaluation-${year}.xlsx`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
};

/** The UTF-8 name of a Content-Disposition header (RFC 5987 `filename*`), else its plain `filename`. */
export function fileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try { return decodeURIComponent(star[1]); } catch { /* fall back to the plain name */ }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1];
}

/** The last complete year inside the plan period (2025 on 2026-11-21 for 2021–2030), clamped to it. */
export function defaultYear(period: { periodStart: number; periodEnd: number }, today = new Date()): number {
  return Math.min(period.periodEnd, Math.max(period.periodStart, today.getFullYear() - 1));
}
