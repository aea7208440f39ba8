import { useMemo, useState } from 'react';
import { App as AntApp, Badge, Button, Collapse, Select, Space, Table, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { TASK_STATUSES, UNIT_ROLES, type PlanDetail, type TaskOut } from '../../../../src/contracts/plans.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { usePermission } from '../../app/permissions.ts';
import { plansApi } from './api.ts';
import { TASK_STATUS_COLORS, UNIT_ROLE_COLORS } from './labels.ts';
import { ReportCell } from './reports/bits.tsx';
import { periodLabel } from './reports/period.ts';
import type { PlanReports } from './reports/usePlanReports.ts';

/**
 * 重点行动与任务: each action a collapsible group of its tasks, with the units by role as coloured tags
 * (牵头/配合/支持/责任), the deadline, the status (editable by those the API lets update the task: the
 * office, or a department named on it), under it the latest progress report of the selected period (进展报送),
 * and an overdue mark. Tasks outside any action come last.
 */
export function TasksPanel({ plan, onChanged, onlyOverdue, reports }: { plan: PlanDetail; onChanged(t: TaskOut): void; onlyOverdue?: boolean; reports?: PlanReports }) {
  const { t, lang } = useI18n();
  const permitted = usePermission();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const byId = useMemo(() => new Map(plan.tasks.map((x) => [x.id, x])), [plan.tasks]);
  const keep = (x: TaskOut) => !onlyOverdue || x.overdue;

  const groups = useMemo(() => {
    const out = plan.actions.map((a) => ({ key: `a${a.id}`, title: `${a.number}${a.title}`, parent: a.parent, tasks: a.taskIds.map((id) => byId.get(id)).filter((x): x is TaskOut => !!x) }));
    const loose = plan.tasks.filter((x) => x.actionId == null);
    if (loose.length) out.push({ key: 'other', title: t('plans.otherTasks'), parent: '', tasks: loose });
    return out.map((g) => ({ ...g, tasks: g.tasks.filter(keep) })).filter((g) => g.tasks.length);
  }, [plan, byId, t, onlyOverdue]); // eslint-disable-line react-hooks/exhaustive-deps
  const [open, setOpen] = useState<string[]>(() => groups.slice(0, 1).map((g) => g.key));

  const mayUpdate = (x: TaskOut) => permitted('task.update', { regionId: plan.regionId })
    || x.units.some((u) => u.organisationId != null && permitted('task.update', { regionId: plan.regionId, organisationId: u.organisationId }));

  /** Whose reports the caller may read on a task: the region's office, or a department named on it. */
  const mayRead = (x: TaskOut) => permitted('report.read', { regionId: plan.regionId })
    || x.units.some((u) => u.organisationId != null && permitted('report.read', { regionId: plan.regionId, organisationId: u.organisationId }));

  const setStatus = async (x: TaskOut, status: TaskOut['status']) => {
    setBusy(x.id);
    try {
      onChanged(await plansApi.patchTask(x.id, status));
      message.success(t('plans.taskSaved'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const table = (tasks: TaskOut[]) => (
    <Table<TaskOut>
      rowKey="id" size="small" bordered pagination={false} dataSource={tasks} scroll={{ x: 980 }}
      columns={[
        { title: t('common.index'), key: 'n', width: 64, align: 'center', render: (_v, x) => x.number ?? x.ref },
        { title: t('plans.task'), dataIndex: 'title', render: (v: string, x) => (
          <Space size={4} wrap>{v}{x.damaged ? <Tag color="red" icon={<WarningOutlined />}>{t('plans.damaged')}</Tag> : null}</Space>
        ) },
        { title: t('plans.units'), key: 'units', width: 360, render: (_v, x) => (x.units.length ? (
          <Space size={[4, 4]} wrap data-testid="task-units">
            {UNIT_ROLES.flatMap((role) => x.units.filter((u) => u.role === role).map((u) => (
              <Tooltip key={`${role}-${u.name}`} title={t(`plans.unitRoles.${role}`)}>
                <Tag color={UNIT_ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>{t(`plans.unitRoles.${role}`)}·{u.name}</Tag>
              </Tooltip>
            )))}
          </Space>
        ) : <span style={{ color: '#8c8c8c' }}>{t('plans.noUnits')}</span>) },
        { title: t('plans.deadline'), dataIndex: 'deadline', width: 150, align: 'center', render: (v: number | null, x) => (v == null ? '—' : (
          <Space size={4}>{t('plans.deadlineValue', { year: v })}{x.overdue ? <Tag color="red" icon={<ClockCircleOutlined />} data-testid="overdue-tag">{t('plans.overdue')}</Tag> : null}</Space>
        )) },
        { title: t('plans.taskStatus'), dataIndex: 'status', width: 150, align: 'center', render: (s: TaskOut['status'], x) => (
          <Space orientation="vertical" size={2}>
            {mayUpdate(x) ? (
              <Select size="small" value={s} loading={busy === x.id} style={{ width: 112 }} onChange={(v) => void setStatus(x, v)}
                options={TASK_STATUSES.map((v) => ({ value: v, label: t(`plans.taskStatuses.${v}`) }))} />
            ) : <Badge status={TASK_STATUS_COLORS[s]} text={t(`plans.taskStatuses.${s}`)} />}
            {reports?.reports.data && mayRead(x) ? <ReportCell reports={reports.byTask.get(x.id)} /> : null}
          </Space>
        ) },
      ]}
    />
  );

  return (
    <div data-testid="tasks-panel">
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setOpen(groups.map((g) => g.key))}>{t('plans.expandAll')}</Button>
        <Button size="small" onClick={() => setOpen([])}>{t('plans.collapseAll')}</Button>
        {reports ? <span style={{ color: '#8c8c8c', fontSize: 12 }} data-testid="tasks-period">{t('reports.reportsOf', { period: periodLabel(t, reports.period) })}</span> : null}
      </Space>
      <Collapse
        activeKey={open}
        onChange={(k) => setOpen(k as string[])}
        items={groups.map((g) => {
          const late = g.tasks.filter((x) => x.overdue).length;
          return {
            key: g.key,
            label: <span><strong>{g.title}</strong>{g.parent ? <span style={{ color: '#8c8c8c', marginLeft: 8, fontSize: 12 }}>{g.parent}</span> : null}</span>,
            extra: <Space size={4}><Tag>{t('plans.taskCount', { count: g.tasks.length })}</Tag>{late ? <Tag color="red">{t('plans.overdue')} {late}</Tag> : null}</Space>,
            children: table(g.tasks),
          };
        })}
      />
    </div>
  );
}
