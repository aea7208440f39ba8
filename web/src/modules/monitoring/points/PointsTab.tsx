import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { monitoringApi, type PointOut } from '../api.ts';
import { useOpenAlarms } from '../alarms/useOpenAlarms.ts';
import { factorName, intervalLabel, pct, quantityLabel } from '../labels.ts';
import { useMonitoringScope } from '../scope.ts';
import { pointStatus, STATUS_COLORS } from '../status.ts';
import { useLive } from '../useLive.ts';
import { PointFilters, type PointFilterValues } from './PointFilters.tsx';
import { PointFormModal } from './PointFormModal.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import { useTodayCompleteness, type TodayCompleteness } from './useTodayCompleteness.ts';

/**
 * 监测点: the points of the region in the header (an enterprise: its own), reloaded every 30 s, with their
 * online status, last upload and today's completeness; summary counts on top; 登记 and 编辑 for those who may.
 */
export default function PointsTab() {
  const { t, lang, dateTime, nameOf } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const permitted = usePermission();
  const { ownOnly, region, inScope, mayWrite } = useMonitoringScope();
  const live = useLive(() => monitoringApi.points(), []);
  const [filters, setFilters] = useState<PointFilterValues>({});
  const alarms = useOpenAlarms(live.refreshedAt, filters.organisationId);
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const [editing, setEditing] = useState<PointOut | 'new' | null>(null);
  const now = live.refreshedAt ?? Date.now();

  const inRegion = useMemo(() => (live.data ?? []).filter((p) => inScope(p.regionCode)), [live.data, inScope]);
  const enterprises = useMemo(() => {
    const m = new Map(inRegion.map((p) => [p.organisationId, p.enterpriseName]));
    return [...m].map(([id, name]) => ({ id, name }));
  }, [inRegion]);
  const filtered = useMemo(() => inRegion.filter((p) => (!filters.organisationId || p.organisationId === filters.organisationId)
    && (!filters.quantity || p.quantity === filters.quantity)
    && (!filters.q || p.mn.toLowerCase().includes(filters.q.toLowerCase()) || p.name.includes(filters.q))), [inRegion, filters]);
  const counts = useMemo(() => {
    const c = { total: filtered.length, online: 0, offline: 0, inactive: 0 };
    for (const p of filtered) c[pointStatus(p, now)]++;
    return c;
  }, [filtered, now]);
  const rows = useMemo(() => (filters.status ? filtered.filter((p) => pointStatus(p, now) === filters.status) : filtered), [filtered, filters.status, now]);
  const shown = rows.slice((page.current - 1) * page.pageSize, page.current * page.pageSize).filter((p) => p.active).map((p) => p.mn);
  const today = useTodayCompleteness(shown, live.refreshedAt);
  const canRegister = !!region && permitted('monitoring.write', { regionId: region.id, confidential: true });

  const completeness = (p: PointOut) => {
    const c: TodayCompleteness | 'error' | undefined = today.get(p.mn);
    if (!p.active || c === undefined || c === 'error' || c.value === null) return <span className="st-mon-muted">—</span>;
    const tip = c.parts.map((x) => `${x.factor} ${x.kind}: ${x.received} / ${x.expectedSoFar}`).join('\n');
    return (
      <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{t('monitoring.points.completenessTip')}{'\n'}{tip}</span>}>
        <span className={`st-num ${c.value >= 0.9 ? 'st-mon-ok' : 'st-mon-bad'}`} data-testid="today-completeness">{pct(c.value, lang)}</span>
      </Tooltip>
    );
  };

  return (
    <>
      <SummaryCards counts={counts} openAlarms={alarms.count} alarmsSub={alarms.note} />
      <PointFilters regionName={ownOnly || !region ? null : nameOf(region)} enterprises={enterprises} value={filters}
        onChange={(f) => { setFilters(f); setPage((p) => ({ ...p, current: 1 })); }} />
      <Card>
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('monitoring.points.listTitle')}</span>
          <Space>
            <span className="st-mon-muted" data-testid="last-refreshed">
              <SyncOutlined spin={live.loading} /> {t('monitoring.points.refreshedAt', { time: live.refreshedAt ? new Date(live.refreshedAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '—' })}
              {' · '}{t('monitoring.points.autoRefresh')}
            </span>
            <Button onClick={() => void live.refresh()}>{t('common.refresh')}</Button>
            {canRegister ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="point-add">{t('monitoring.points.register')}</Button> : null}
          </Space>
        </div>
        {live.error ? <Alert type="error" showIcon title={errorText(live.error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<PointOut>
          data-testid="point-table" rowKey="mn" size="middle" bordered loading={live.loading && !live.data} dataSource={rows} scroll={{ x: 1480 }}
          pagination={{
            ...page, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            { title: t('common.index'), key: 'index', width: 60, align: 'center', render: (_v, _r, i) => (page.current - 1) * page.pageSize + i + 1 },
            { title: t('monitoring.points.enterprise'), dataIndex: 'enterpriseName', width: 180, ellipsis: true },
            { title: t('monitoring.points.name'), dataIndex: 'name', width: 160,
              render: (v: string, p) => <Typography.Link onClick={() => navigate(`/monitoring/points/${encodeURIComponent(p.mn)}`)} data-testid="point-open">{v}</Typography.Link> },
            { title: 'MN', dataIndex: 'mn', width: 160, render: (v: string) => <code>{v}</code> },
            { title: t('monitoring.points.quantity'), dataIndex: 'quantity', width: 100, render: (v: string) => quantityLabel(t, v) },
            { title: t('monitoring.points.status'), key: 'status', width: 90, align: 'center',
              render: (_v, p) => { const s = pointStatus(p, now); return <Tag color={STATUS_COLORS[s]} data-testid={`status-${p.mn}`}>{t(`monitoring.statuses.${s}`)}</Tag>; } },
            { title: t('monitoring.points.lastUpload'), dataIndex: 'lastReadingAt', width: 140,
              render: (v: string | null) => (v ? dateTime(v) : <span className="st-mon-muted">{t('monitoring.points.never')}</span>) },
            { title: t('monitoring.points.todayCompleteness'), key: 'today', width: 110, align: 'right', render: (_v, p) => completeness(p) },
            { title: t('monitoring.points.factors'), key: 'factors', width: 260,
              render: (_v, p) => (
                <Space size={[4, 4]} wrap>
                  {p.factors.map((f) => (
                    <Tooltip key={f.code} title={factorName(f.code, lang) ?? t('monitoring.points.localCode')}>
                      <Tag style={{ marginInlineEnd: 0 }}>{f.code}{f.unit ? ` (${f.unit})` : ''}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ) },
            { title: t('monitoring.points.interval'), dataIndex: 'intervalSeconds', width: 100, render: (v: number) => intervalLabel(t, v) },
            { title: t('common.actions'), key: 'actions', width: 120, fixed: 'right',
              render: (_v, p) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => navigate(`/monitoring/points/${encodeURIComponent(p.mn)}`)}>{t('monitoring.points.detail')}</Button>
                  {mayWrite(p) ? <Button type="link" size="small" onClick={() => setEditing(p)} data-testid="point-edit">{t('common.edit')}</Button> : null}
                </Space>
              ) },
          ]}
        />
      </Card>
      {editing ? (
        <PointFormModal editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          onSaved={() => { message.success(editing === 'new' ? t('common.created') : t('common.saved')); setEditing(null); void live.refresh(); }} />
      ) : null}
    </>
  );
}
