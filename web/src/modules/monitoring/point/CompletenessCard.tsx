import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Segmented, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { monitoringApi, type PointOut } from '../api.ts';
import { Chart } from '../charts.ts';
import { kindLabel, pct } from '../labels.ts';
import { addDays, cstDay } from '../time.ts';
import { byDay, dayBarsOption, heatmapOption } from './completenessOption.ts';

type View = 'days' | 'factors';

/**
 * 数据完整率: per CST day, how many of the expected uploads arrived (the national rule: a day counts when
 * ≥ 90 % did). Bars of each day's worst factor with the 90 % line, or every factor as a heatmap.
 */
export function CompletenessCard({ point }: { point: PointOut }) {
  const { t, lang } = useI18n();
  const today = cstDay(Date.now());
  const [range, setRange] = useState<[string, string]>([addDays(today, -29), today]);
  const [view, setView] = useState<View>('days');
  const quality = useLoad(() => monitoringApi.quality(point.mn, range[0], range[1]), [point.mn, range[0], range[1]]);
  const p = (v: number) => pct(v, lang);
  const labels = {
    completeness: t('monitoring.quality.completeness'), threshold: t('monitoring.quality.threshold', { pct: 90 }),
    today: t('monitoring.quality.todayOpen'), received: t('monitoring.quality.received'),
  };
  const days = useMemo(() => (quality.data ? byDay(quality.data) : []), [quality.data]);
  const closed = days.filter((d) => d.day < today);
  const option = useMemo(() => {
    if (!quality.data || !days.length) return null;
    return view === 'days'
      ? dayBarsOption(days, quality.data.threshold, today, labels, p)
      : heatmapOption(quality.data, (f, k) => `${f} ${kindLabel(t, k)}`, labels, p);
  }, [quality.data, days, view, today, lang, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const rows = quality.data ? new Set(quality.data.days.map((d) => `${d.factor}|${d.kind}`)).size : 0;

  return (
    <Card className="st-mon-card" title={t('monitoring.quality.title')} data-testid="quality-card"
      extra={<Segmented<View> value={view} onChange={setView} options={[{ value: 'days', label: t('monitoring.quality.byDay') }, { value: 'factors', label: t('monitoring.quality.byFactor') }]} />}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('monitoring.series.range')}</span>
        <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])] as [Dayjs, Dayjs]} disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]); }} />
        {closed.length ? (
          <Typography.Text data-testid="quality-summary">
            {t('monitoring.quality.summary', { ok: closed.filter((d) => d.ok).length, days: closed.length, pct: 90 })}
          </Typography.Text>
        ) : null}
      </Space>
      {quality.error ? <Alert type="error" showIcon title={errorText(quality.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Spin spinning={quality.loading}>
        {option ? <Chart option={option} height={view === 'days' ? 260 : Math.max(220, 90 + rows * 34)} testId="quality-chart" />
          : <Empty description={t('monitoring.quality.empty')} />}
      </Spin>
      <div className="st-mon-muted">{t('monitoring.quality.note')}</div>
    </Card>
  );
}
