import { useState } from 'react';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { PlanDetail, TaskOut } from '../../../../../src/contracts/plans.ts';
import type { ReportOut } from '../../../../../src/contracts/reports.ts';
import { useI18n } from '../../../app/lang.tsx';
import { UNIT_ROLE_COLORS } from '../labels.ts';
import { ReportCell } from './bits.tsx';
import { ReportForm } from './ReportForm.tsx';

/** One of the caller's units on a task: the task, the organisation and its role there. */
export interface MyTask { task: TaskOut; organisationId: number; role: TaskOut['units'][number]['role']; unitName: string }

/**
 * 本单位承担的任务: the tasks a department is named on, each with its report for the period and 报送
 * (or 修改后重报 when returned; nothing to do once approved).
 */
export function MyTasks(props: { plan: PlanDetail; mine: MyTask[]; period: string; byTask: Map<number, ReportOut[]>; onSaved(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<MyTask | null>(null);
  const reportOf = (x: MyTask) => props.byTask.get(x.task.id)?.filter((r) => r.organisationId === x.organisationId);
  if (!props.mine.length) return <Empty description={t('reports.mineEmpty')} />;
  return (
    <div data-testid="my-tasks">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('reports.mineHint')}</Typography.Paragraph>
      <Table<MyTask>
        rowKey={(x) => `${x.task.id}/${x.organisationId}`} size="small" bordered pagination={false} dataSource={props.mine} scroll={{ x: 900 }}
        columns={[
          { title: t('common.index'), key: 'n', width: 72, align: 'center', render: (_v, x) => x.task.number ?? x.task.ref },
          { title: t('reports.task'), key: 'title', render: (_v, x) => x.task.title },
          { title: t('reports.role'), key: 'role', width: 170, render: (_v, x) => <Tag color={UNIT_ROLE_COLORS[x.role]}>{t(`plans.unitRoles.${x.role}`)}·{x.unitName}</Tag> },
          { title: t('reports.deadline'), key: 'deadline', width: 110, align: 'center', render: (_v, x) => (x.task.deadline == null ? '—' : (
            <Space size={4}>{x.task.deadline}{x.task.overdue ? <Tag color="red">{t('plans.overdue')}</Tag> : null}</Space>
          )) },
          { title: t('reports.thisPeriod'), key: 'report', width: 170, render: (_v, x) => <ReportCell reports={reportOf(x)} /> },
          { title: t('common.actions'), key: 'act', width: 130, align: 'center', render: (_v, x) => {
            const r = reportOf(x)?.[0];
            if (r?.status === 'approved') return <Button size="small" onClick={() => setOpen(x)}>{t('reports.locked')}</Button>;
            return (
              <Button size="small" type={r ? 'default' : 'primary'} onClick={() => setOpen(x)} data-testid="report-open">
                {r?.status === 'returned' ? t('reports.resubmit') : r ? t('reports.revise') : t('reports.report')}
              </Button>
            );
          } },
        ]}
      />
      {open ? (
        <ReportForm task={open.task} organisationId={open.organisationId} period={props.period}
          onClose={() => setOpen(null)} onSaved={() => { setOpen(null); props.onSaved(); }} />
      ) : null}
    </div>
  );
}
