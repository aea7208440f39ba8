import { Alert, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { MissingReports } from '../../../../../src/contracts/reports.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { TASK_STATUS_COLORS, UNIT_ROLE_COLORS } from '../labels.ts';
import { reportsApi } from './api.ts';

type Missing = MissingReports['missing'][number];
interface UnitRow { key: string; unitName: string; linked: boolean; items: Missing[] }

/** Groups the missing reports by unit, the units with most tasks outstanding first. */
export function byUnit(missing: Missing[]): UnitRow[] {
  const out = new Map<string, UnitRow>();
  for (const m of missing) {
    const key = m.organisationId != null ? `o${m.organisationId}` : `n${m.unitName}`;
    const row = out.get(key) ?? { key, unitName: m.unitName, linked: m.organisationId != null, items: [] };
    row.items.push(m);
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) => b.items.length - a.items.length || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/**
 * 报送清单 (清单化、闭环化): for the period, each lead or responsible unit with the tasks it has not reported
 * on, and the tasks past their deadline. `version` reloads it after a report is reviewed.
 */
export function MissingList({ planId, period, version }: { planId: number; period: string; version: number }) {
  const { t, lang } = useI18n();
  const list = useLoad(() => reportsApi.missing(planId, period), [planId, period, version]);
  if (list.error) return <Alert type="error" showIcon title={errorText(list.error, lang)} />;
  if (!list.data) return <Spin />;
  const units = byUnit(list.data.missing);
  const { overdue } = list.data;
  return (
    <div data-testid="missing-list">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('reports.checklistHint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('reports.missingUnits', { count: units.length })}</Typography.Title>
      {units.length ? (
        <Table<UnitRow>
          rowKey="key" size="small" bordered pagination={false} dataSource={units} style={{ marginBottom: 24 }} data-testid="missing-units"
          columns={[
            { title: t('reports.unit'), dataIndex: 'unitName', width: 200, render: (v: string, u) => (
              <Space size={4} wrap>{v}{u.linked ? null : <Tooltip title={t('reports.unlinked')}><Tag>?</Tag></Tooltip>}</Space>
            ) },
            { title: t('reports.outstanding'), key: 'n', width: 90, align: 'center', render: (_v, u) => (
              <Tag color="red" data-testid="missing-count">{t('reports.missingCount', { count: u.items.length })}</Tag>
            ) },
            { title: t('reports.missingTasks'), key: 'tasks', render: (_v, u) => (
              <Space size={[4, 4]} wrap data-testid="missing-tasks">
                {u.items.map((m) => (
                  <Tooltip key={`${m.taskId}-${m.role}`} title={m.taskTitle}>
                    <Tag color={UNIT_ROLE_COLORS[m.role]} style={{ marginInlineEnd: 0 }} data-task={m.taskId}>
                      {m.taskRef} {m.taskTitle.length > 16 ? `${m.taskTitle.slice(0, 16)}…` : m.taskTitle}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ) },
          ]}
        />
      ) : <Alert type="success" showIcon title={t('reports.allReported')} style={{ marginBottom: 24 }} />}
      <Typography.Title level={5}>{t('reports.overdueTasks', { count: overdue.length })}</Typography.Title>
      {overdue.length ? (
        <Table
          rowKey="taskId" size="small" bordered pagination={false} dataSource={overdue} data-testid="overdue-tasks"
          columns={[
            { title: t('common.index'), dataIndex: 'taskRef', width: 72, align: 'center' },
            { title: t('reports.task'), dataIndex: 'taskTitle' },
            { title: t('reports.deadline'), dataIndex: 'deadline', width: 110, align: 'center' },
            { title: t('plans.taskStatus'), dataIndex: 'status', width: 110, align: 'center', render: (s: MissingReports['overdue'][number]['status']) => (
              <Tag color={TASK_STATUS_COLORS[s] === 'success' ? 'green' : TASK_STATUS_COLORS[s] === 'processing' ? 'blue' : 'default'}>{t(`plans.taskStatuses.${s}`)}</Tag>
            ) },
          ]}
        />
      ) : <Empty description={t('reports.noOverdue')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </div>
  );
}
