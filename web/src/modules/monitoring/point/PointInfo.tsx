import { Card, Descriptions, Table, Tag } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import type { PointOut } from '../api.ts';
import { factorName, intervalLabel, num, quantityLabel } from '../labels.ts';
import { pointStatus, STATUS_COLORS } from '../status.ts';

type Factor = PointOut['factors'][number];

/** 基本信息: who the point belongs to, how it reports, and its factors with units and meter constants. */
export function PointInfo({ point, now }: { point: PointOut; now: number }) {
  const { t, lang, dateTime } = useI18n();
  const status = pointStatus(point, now);
  return (
    <Card className="st-mon-card" title={t('monitoring.point.info')} data-testid="point-info">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={[
        { key: 'enterprise', label: t('monitoring.points.enterprise'), children: point.enterpriseName },
        { key: 'credit', label: t('monitoring.point.creditCode'), children: point.creditCode ? <code>{point.creditCode}</code> : '—' },
        { key: 'mn', label: 'MN', children: <code>{point.mn}</code> },
        { key: 'quantity', label: t('monitoring.points.quantity'), children: quantityLabel(t, point.quantity) },
        { key: 'protocol', label: t('monitoring.form.protocol'), children: `HJ 212-${point.protocol}` },
        { key: 'interval', label: t('monitoring.points.interval'), children: intervalLabel(t, point.intervalSeconds) },
        { key: 'status', label: t('monitoring.points.status'), children: <Tag color={STATUS_COLORS[status]} data-testid="point-status">{t(`monitoring.statuses.${status}`)}</Tag> },
        { key: 'last', label: t('monitoring.points.lastUpload'),
          children: point.lastReadingAt ? dateTime(point.lastReadingAt) : t('monitoring.points.never') },
        { key: 'feeds', label: t('monitoring.form.feeds'), children: point.feeds ? <code>{point.feeds}</code> : '—' },
      ]} />
      <Table<Factor>
        style={{ marginTop: 12 }} size="small" bordered rowKey="code" pagination={false} dataSource={point.factors} data-testid="factor-table"
        columns={[
          { title: t('monitoring.form.factor.code'), dataIndex: 'code', width: 110, render: (v: string) => <code>{v}</code> },
          { title: t('monitoring.point.factorName'), key: 'name', render: (_v, f) => factorName(f.code, lang) ?? <span className="st-mon-muted">{t('monitoring.points.localCode')}</span> },
          { title: t('monitoring.form.factor.unit'), dataIndex: 'unit', width: 90, render: (v: string) => v || '—' },
          { title: t('monitoring.form.factor.multiplier'), dataIndex: 'multiplier', width: 100, align: 'right', render: (v: number) => num(v, lang, 6) },
          { title: t('monitoring.form.factor.offset'), dataIndex: 'offset', width: 90, align: 'right', render: (v: number) => num(v, lang, 6) },
          { title: t('monitoring.form.factor.min'), dataIndex: 'min', width: 90, align: 'right', render: (v: number | null) => num(v, lang, 6) },
          { title: t('monitoring.form.factor.max'), dataIndex: 'max', width: 90, align: 'right', render: (v: number | null) => num(v, lang, 6) },
        ]}
      />
    </Card>
  );
}
