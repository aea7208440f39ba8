import { useState } from 'react';
import { App as AntApp, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { useRegion } from '../../../app/region.tsx';
import { kindLabel, num, pct } from '../labels.ts';
import type { AlarmOut } from './api.ts';
import { alarmUnit, ruleLabel, SEVERITY_COLORS, severityLabel, STATUS_COLORS } from './labels.ts';
import { TransitionModal, type Transition } from './TransitionModal.tsx';

/** One page of alarms paged by the API: which page is shown, and the total of the query. */
export interface AlarmPaging { current: number; pageSize: number; total: number; onChange(current: number, pageSize: number): void }

/**
 * Alarms as a table: when, where, which rule, the value against what was expected, status and who handled it;
 * 确认 and 关闭 for those who may handle the enterprise's alarms (alarm.handle). `point` hides the point columns.
 * With `paging` the alarms are one page of the API's; without it the table pages them itself.
 */
export function AlarmTable(props: { alarms: AlarmOut[]; loading: boolean; point?: boolean; pageSize?: number; paging?: AlarmPaging; onChanged(): void }) {
  const { t, lang, dateTime } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const permitted = usePermission();
  const { index } = useRegion();
  const [acting, setActing] = useState<{ alarm: AlarmOut; action: Transition } | null>(null);
  const mayHandle = (a: AlarmOut) => {
    const regionId = index?.byCode.get(a.regionCode)?.id;
    return regionId !== undefined && permitted('alarm.handle', { regionId, organisationId: a.organisationId, confidential: true });
  };
  const value = (a: AlarmOut) => {
    if (a.value === null) return '—';
    const u = alarmUnit(t, a.unit);
    const exp = a.expected === null ? '' : ` / ${num(a.expected, lang, 3)}`;
    return <span className="st-num">{num(a.value, lang, 3)}{exp} {u}{a.deviation === null ? '' : <span className="st-mon-muted"> ({a.deviation > 0 ? '+' : ''}{pct(a.deviation, lang)})</span>}</span>;
  };
  const handled = (a: AlarmOut) => {
    const lines = [
      a.acknowledgedAt ? `${t('monitoring.alarms.statuses.acknowledged')}: ${a.acknowledgedBy ?? ''} ${dateTime(a.acknowledgedAt)}${a.acknowledgeNote ? ` — ${a.acknowledgeNote}` : ''}` : null,
      a.closedAt ? `${t('monitoring.alarms.statuses.closed')}: ${a.closedBy ?? ''} ${dateTime(a.closedAt)}${a.closeNote ? ` — ${a.closeNote}` : ''}` : null,
    ].filter(Boolean);
    const tag = <Tag color={STATUS_COLORS[a.status]} data-testid="alarm-status">{t(`monitoring.alarms.statuses.${a.status}`)}</Tag>;
    return lines.length ? <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</span>}>{tag}</Tooltip> : tag;
  };

  return (
    <>
      <Table<AlarmOut>
        rowKey="id" size={props.point ? 'small' : 'middle'} bordered={!props.point} loading={props.loading} dataSource={props.alarms} data-testid="alarm-table"
        scroll={{ x: props.point ? 1300 : 1700 }} locale={{ emptyText: t('monitoring.alarms.empty') }}
        pagination={{ pageSize: props.pageSize ?? 10, ...props.paging, size: props.point ? 'small' : undefined, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('monitoring.alarms.seen'), key: 'seen', width: 150,
            render: (_v, a) => <Tooltip title={`${dateTime(a.firstSeen)} – ${dateTime(a.lastSeen)}`}>{dateTime(a.lastSeen)}</Tooltip> },
          ...(props.point ? [] : [
            { title: t('monitoring.points.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: true },
            { title: t('monitoring.points.name'), key: 'point', width: 170,
              render: (_v: unknown, a: AlarmOut) => (
                <Typography.Link onClick={() => navigate(`/monitoring/points/${encodeURIComponent(a.mn)}`)}>{a.pointName}<br /><code className="st-mon-muted">{a.mn}</code></Typography.Link>
              ) },
          ]),
          { title: t('monitoring.alarms.rule'), key: 'rule', width: 150,
            render: (_v, a) => <Space size={4} wrap><span>{ruleLabel(t, a.rule)}</span><Tag color={SEVERITY_COLORS[a.severity]} style={{ marginInlineEnd: 0 }}>{severityLabel(t, a.severity)}</Tag></Space> },
          { title: t('monitoring.alarms.status'), key: 'status', width: 90, align: 'center', render: (_v, a) => handled(a) },
          { title: t('monitoring.alarms.detail'), key: 'detail', width: 280, ellipsis: { showTitle: true }, render: (_v, a) => (lang === 'zh' ? a.zh : a.en) },
          { title: t('monitoring.alarms.value'), key: 'value', width: 190, align: 'right', render: (_v, a) => value(a) },
          { title: t('monitoring.alarms.occurrences'), dataIndex: 'occurrences', width: 70, align: 'right' },
          { title: t('monitoring.alarms.series'), key: 'series', width: 140,
            render: (_v, a) => (a.factor ? <span><code>{a.factor}</code> {/-/.test(a.kind) ? kindLabel(t, a.kind) : a.kind}</span> : <span className="st-mon-muted">{t('monitoring.alarms.device')}</span>) },
          { title: t('monitoring.alarms.period'), dataIndex: 'period', width: 100 },
          { title: t('common.actions'), key: 'actions', width: 120, fixed: 'right',
            render: (_v, a) => (a.status === 'closed' || !mayHandle(a) ? null : (
              <Space size={0}>
                {a.status === 'open' ? <Button type="link" size="small" onClick={() => setActing({ alarm: a, action: 'acknowledge' })} data-testid="alarm-acknowledge">{t('monitoring.alarms.acknowledge')}</Button> : null}
                <Button type="link" size="small" onClick={() => setActing({ alarm: a, action: 'close' })} data-testid="alarm-close">{t('monitoring.alarms.close')}</Button>
              </Space>
            )) },
        ]}
      />
      {acting ? (
        <TransitionModal alarm={acting.alarm} action={acting.action} onClose={() => setActing(null)}
          onDone={() => { message.success(t(`monitoring.alarms.${acting.action}Done`)); setActing(null); props.onChanged(); }} />
      ) : null}
    </>
  );
}
