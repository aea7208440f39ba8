import { useMemo, useState } from 'react';
import { Alert, Divider, Spin, Typography } from 'antd';
import type { PlanDetail } from '../../../../../src/contracts/plans.ts';
import { errorText } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { MissingList } from './MissingList.tsx';
import { MyTasks, type MyTask } from './MyTasks.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReviewList } from './ReviewList.tsx';
import type { PlanReports } from './usePlanReports.ts';

/**
 * 进展报送: the period, then what the caller does with it. A department (an organisation named on tasks,
 * which the permission table lets report for itself) sees its tasks with 报送; the office of the plan's
 * region (report.review) sees the reports to review and the 清单 of units that have not reported.
 * Anyone else who may read reports sees them read-only. `onChanged` lets the page reload the plan (a first
 * report moves its task to 推进中).
 */
export function ReportsTab({ plan, state, onChanged }: { plan: PlanDetail; state: PlanReports; onChanged?(): void }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const permitted = usePermission();
  const [version, setVersion] = useState(0);
  const { period, setPeriod, reports, byTask } = state;
  const canReview = permitted('report.review', { regionId: plan.regionId });

  /** The caller's own organisations (department grants) named on each task. */
  const mine = useMemo<MyTask[]>(() => {
    const own = new Set((user?.roles ?? []).filter((g) => g.role === 'department' && g.organisationId != null).map((g) => g.organisationId!));
    const out: MyTask[] = [];
    for (const task of plan.tasks) {
      const seen = new Set<number>();
      for (const u of task.units) {
        const org = u.organisationId;
        if (org == null || !own.has(org) || seen.has(org) || !permitted('report.submit', { regionId: plan.regionId, organisationId: org })) continue;
        seen.add(org);
        out.push({ task, organisationId: org, role: u.role, unitName: u.name });
      }
    }
    return out;
  }, [plan, user, permitted]);
  const isDepartment = !canReview && (user?.roles ?? []).some((g) => g.role === 'department');
  const changed = () => { void reports.reload(); setVersion((v) => v + 1); onChanged?.(); };

  return (
    <div data-testid="reports-tab">
      <div style={{ marginBottom: 16 }}><PeriodPicker value={period} onChange={setPeriod} from={plan.periodStart} to={plan.periodEnd} /></div>
      {reports.error ? <Alert type="error" showIcon title={errorText(reports.error, lang)} style={{ marginBottom: 16 }} /> : null}
      {!reports.data && !reports.error ? <Spin /> : null}
      {reports.data && isDepartment ? (
        <>
          <Typography.Title level={5}>{t('reports.mine')}</Typography.Title>
          <MyTasks plan={plan} mine={mine} period={period} byTask={byTask} onSaved={changed} />
        </>
      ) : null}
      {reports.data && !isDepartment ? (
        <>
          <Typography.Title level={5}>{canReview ? t('reports.reviewList') : t('reports.readOnly')}</Typography.Title>
          <ReviewList key={period} reports={reports.data} canReview={canReview} onChanged={changed} />
        </>
      ) : null}
      {canReview ? (
        <>
          <Divider />
          <Typography.Title level={4}>{t('reports.checklist')}</Typography.Title>
          <MissingList planId={plan.id} period={period} version={version} />
        </>
      ) : null}
    </div>
  );
}
