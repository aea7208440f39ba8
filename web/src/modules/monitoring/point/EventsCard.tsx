import { Alert, Card, Table, Tag } from 'antd';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { monitoringApi, type EventRow } from '../api.ts';
import { eventLabel } from '../labels.ts';

/** Refusals: the device was turned away and nothing was stored. Everything else was stored and flagged. */
const REFUSED = new Set(['unknown_mn', 'wrong_pw', 'inactive_point', 'time_out_of_range', 'missing_data_time']);

/** 接入事件: what ingestion noticed for the point (latest 200), newest first. */
export function EventsCard({ mn }: { mn: string }) {
  const { t, lang, dateTime } = useI18n();
  const events = useLoad(() => monitoringApi.events(mn), [mn]);
  return (
    <Card className="st-mon-card" title={t('monitoring.events.title')} data-testid="events-card">
      {events.error ? <Alert type="error" showIcon title={errorText(events.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Table<EventRow>
        rowKey={(r) => `${r.at}|${r.code}|${r.remote ?? ''}|${r.detail ?? ''}`} size="small" loading={events.loading} dataSource={events.data ?? []}
        pagination={{ pageSize: 8, size: 'small', showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('monitoring.events.empty') }}
        columns={[
          { title: t('monitoring.events.at'), dataIndex: 'at', width: 140, render: (v: string) => dateTime(v) },
          { title: t('monitoring.events.code'), dataIndex: 'code', width: 150,
            render: (v: string) => <Tag color={REFUSED.has(v) ? 'error' : 'warning'} title={v}>{eventLabel(t, v)}</Tag> },
          { title: t('monitoring.events.detail'), dataIndex: 'detail', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('monitoring.events.remote'), dataIndex: 'remote', width: 150, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
