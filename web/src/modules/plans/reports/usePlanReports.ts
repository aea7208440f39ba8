import { useMemo, useState } from 'react';
import type { ReportOut } from '../../../../../src/contracts/reports.ts';
import { useLoad } from '../../../shared/useLoad.ts';
import { reportsApi } from './api.ts';
import { defaultPeriod } from './period.ts';

/**
 * The selected reporting period of a plan page and the reports the caller may see for it (the API scopes
 * them: a department its own organisation's, the office all), shared by the tasks tab and 进展报送.
 */
export function usePlanReports(planId: number) {
  const [period, setPeriod] = useState(defaultPeriod);
  const reports = useLoad(() => reportsApi.list({ plan: planId, period }), [planId, period]);
  /** Per task, its reports newest first. */
  const byTask = useMemo(() => {
    const out = new Map<number, ReportOut[]>();
    for (const r of reports.data ?? []) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r]);
    for (const list of out.values()) list.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return out;
  }, [reports.data]);
  return { period, setPeriod, reports, byTask };
}
export type PlanReports = ReturnType<typeof usePlanReports>;
