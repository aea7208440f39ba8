import { useState } from 'react';
import { App as AntApp, Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorOut, ObservationOut } from '../../../../src/contracts/plans.ts';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { unitLabel } from '../plans/labels.ts';
import { AddObservationModal, ReviewObservationModal } from './ObservationModals.tsx';

/**
 * The observations of the indicator in the region (all statuses, newest year first), with 录入数值 and
 * 审核 for the roles that may; the API checks the region and says why it refuses.
 */
const STATUS_COLORS = { draft: 'default', submitted: 'orange', approved: 'green', rejected: 'red' } as const;

export function ObservationsCard(props: { indicator: IndicatorOut; regionCode: string; regionName: string; observations: ObservationOut[]; onChanged(): void }) {
  const { t, lang, dateTime } = useI18n();
  const { may } = useAuth();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<ObservationOut | null>(null);
  const rows = [...props.observations].sort((a, b) => b.year - a.year);
  // The next year to report, never the current one (its statistics are not out yet).
  const lastYear = new Date().getFullYear() - 1;
  const nextYear = rows.length ? Math.min(rows[0].year + 1, lastYear) : lastYear;
  const canReview = may('observation.review');

  return (
    <Card size="small" title={t('indicators.observations')} style={{ marginTop: 12 }}
      extra={may('observation.write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="observation-add">{t('indicators.add')}</Button> : null}>
      <Table<ObservationOut>
        data-testid="observation-table"
        rowKey="id" size="middle" bordered dataSource={rows} pagination={false} scroll={{ x: 900 }}
        locale={{ emptyText: t('indicators.noData') }}
        columns={[
          { title: t('indicators.year'), dataIndex: 'year', width: 80, align: 'center' },
          { title: t('indicators.value'), dataIndex: 'value', width: 120, align: 'right', render: (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 6 }) },
          { title: t('indicators.unit'), dataIndex: 'unit', width: 130, render: (u: string) => unitLabel(t, u) || '—' },
          { title: t('indicators.source'), dataIndex: 'source', width: 100, render: (s: ObservationOut['source']) => t(`indicators.sources.${s}`) },
          { title: t('indicators.status'), dataIndex: 'status', width: 90, align: 'center',
            render: (s: ObservationOut['status']) => <Tag color={STATUS_COLORS[s]}>{t(`indicators.statuses.${s}`)}</Tag> },
          { title: t('indicators.enteredBy'), dataIndex: 'enteredBy', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => dateTime(v) },
          { title: t('indicators.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
          ...(canReview ? [{
            title: t('common.actions'), key: 'actions', width: 80, fixed: 'right' as const, align: 'center' as const,
            render: (_v: unknown, o: ObservationOut) => (o.status === 'submitted'
              ? <Button type="link" size="small" onClick={() => setReviewing(o)} data-testid="observation-review">{t('indicators.review')}</Button> : null),
          }] : []),
        ]}
      />
      {adding ? (
        <AddObservationModal indicator={props.indicator} regionCode={props.regionCode} regionName={props.regionName} defaultYear={nextYear}
          onClose={() => setAdding(false)}
          onSaved={() => { setAdding(false); message.success(t('indicators.added')); props.onChanged(); }} />
      ) : null}
      {reviewing ? (
        <ReviewObservationModal observation={reviewing} regionName={props.regionName}
          onClose={() => setReviewing(null)}
          onSaved={() => { setReviewing(null); message.success(t('indicators.reviewed')); props.onChanged(); }} />
      ) : null}
    </Card>
  );
}
