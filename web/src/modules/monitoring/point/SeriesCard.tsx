import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { monitoringApi, type Interval, type PointOut } from '../api.ts';
import { Chart } from '../charts.ts';
import { factorName, isTotal, kindLabel, num, unitOf } from '../labels.ts';
import { addDays, addMonths, cstDay, cstStart } from '../time.ts';
import { seriesOption } from './seriesOption.ts';

const INTERVALS: Interval[] = ['raw', 'hour', 'day', 'month'];

/** The range first shown for an interval: today, the last 7 days, 30 days, 12 months (CST days, inclusive). */
function defaultRange(interval: Interval, today: string): [string, string] {
  if (interval === 'raw') return [today, today];
  if (interval === 'hour') return [addDays(today, -6), today];
  if (interval === 'day') return [addDays(today, -29), today];
  return [addMonths(today, -11), today];
}

/** [from, to) instants the API is asked for: whole CST days, whole months for the monthly view. */
function instants(interval: Interval, [a, b]: [string, string]): { from: string; to: string } {
  if (interval === 'month') return { from: cstStart(`${a.slice(0, 7)}-01`), to: cstStart(addMonths(b, 1)) };
  return { from: cstStart(a), to: cstStart(addDays(b, 1)) };
}

/**
 * 数据曲线: one factor of the point, real-time (raw) or the hourly, daily or monthly rollups over a date range.
 * When a factor arrives as several kinds of upload (real-time, minute, hour …) one kind is drawn at a time.
 */
export function SeriesCard({ point }: { point: PointOut }) {
  const { t, lang } = useI18n();
  const today = cstDay(Date.now());
  const [interval, chooseInterval] = useState<Interval>('raw');
  const [chosenFactor, setFactor] = useState(point.factors[0]?.code);
  // An edit may have removed the chosen factor.
  const factor = point.factors.some((f) => f.code === chosenFactor) ? chosenFactor : point.factors[0]?.code;
  const [range, setRange] = useState<[string, string]>(() => defaultRange('raw', today));
  const [kind, setKind] = useState<string | undefined>(undefined);
  const { from, to } = instants(interval, range);
  const series = useLoad(() => monitoringApi.readings(point.mn, { from, to, interval, factor }), [point.mn, from, to, interval, factor]);

  const kinds = useMemo(() => {
    const d = series.data;
    const all = d ? (d.interval === 'raw' ? d.raw.map((r) => r.kind) : d.rollups.map((r) => r.kind)) : [];
    return [...new Set(all)].sort();
  }, [series.data]);
  const shownKind = kind && kinds.includes(kind) ? kind : kinds[0];
  const unit = factor && shownKind ? unitOf(point, factor, shownKind) : '';
  const total = !!shownKind && isTotal(shownKind);

  const option = useMemo(() => (series.data && shownKind ? seriesOption({
    data: series.data, kind: shownKind, total, unit, from, to, fmt: (v) => num(v, lang, 3),
    labels: {
      value: t('monitoring.series.value'), avg: t('monitoring.series.avg'), min: t('monitoring.series.min'), max: t('monitoring.series.max'),
      total: t('monitoring.series.total'), band: t('monitoring.series.band'),
    },
  }) : null), [series.data, shownKind, total, unit, from, to, lang, t]);

  const summary = useMemo(() => {
    const d = series.data;
    if (!d || !shownKind) return null;
    if (d.interval === 'raw') {
      const v = d.raw.filter((r) => r.kind === shownKind).map((r) => r.value);
      if (!v.length) return null;
      return total ? t('monitoring.series.sumOf', { n: v.length, sum: num(v.reduce((a, b) => a + b, 0), lang), unit })
        : t('monitoring.series.rangeOf', { n: v.length, min: num(Math.min(...v), lang), max: num(Math.max(...v), lang), unit });
    }
    const r = d.rollups.filter((x) => x.kind === shownKind);
    if (!r.length) return null;
    const n = r.reduce((a, x) => a + x.n, 0);
    return total ? t('monitoring.series.sumOf', { n, sum: num(r.reduce((a, x) => a + x.sum, 0), lang), unit })
      : t('monitoring.series.avgOf', { n, avg: num(r.reduce((a, x) => a + x.sum, 0) / n, lang), min: num(Math.min(...r.map((x) => x.min)), lang), max: num(Math.max(...r.map((x) => x.max)), lang), unit });
  }, [series.data, shownKind, total, unit, lang, t]);

  const picked = [dayjs(range[0]), dayjs(range[1])] as [Dayjs, Dayjs];
  return (
    <Card className="st-mon-card" title={t('monitoring.series.title')} data-testid="series-card"
      extra={(
        <Segmented<Interval> value={interval} data-testid="interval-switch"
          options={INTERVALS.map((i) => ({ value: i, label: t(`monitoring.series.intervals.${i}`) }))}
          onChange={(i) => { chooseInterval(i); setRange(defaultRange(i, today)); }} />
      )}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('monitoring.series.factor')}</span>
        <Select style={{ minWidth: 220 }} value={factor} onChange={(f) => { setFactor(f); setKind(undefined); }} data-testid="factor-select"
          options={point.factors.map((f) => ({ value: f.code, label: `${f.code}${factorName(f.code, lang) ? ` ${factorName(f.code, lang)}` : ''}${f.unit ? ` (${f.unit})` : ''}` }))} />
        {kinds.length > 1 ? (
          <>
            <span>{t('monitoring.series.kind')}</span>
            <Select style={{ minWidth: 160 }} value={shownKind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} data-testid="kind-select" />
          </>
        ) : shownKind ? <Typography.Text type="secondary">{kindLabel(t, shownKind)}</Typography.Text> : null}
        <span>{t('monitoring.series.range')}</span>
        <DatePicker.RangePicker allowClear={false} value={picked} picker={interval === 'month' ? 'month' : 'date'} data-testid="series-range"
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]); }} />
      </Space>
      {series.error ? <Alert type="error" showIcon title={errorText(series.error, lang)} style={{ marginBottom: 12 }} /> : null}
      {series.data?.truncated ? <Alert type="warning" showIcon title={t('monitoring.series.truncated', { limit: series.data.limit })} style={{ marginBottom: 12 }} /> : null}
      <Spin spinning={series.loading}>
        {option ? (
          <>
            <Chart option={option} height={340} testId="series-chart" />
            <div className="st-mon-muted" data-testid="series-summary">{summary}</div>
          </>
        ) : (
          <Empty description={t('monitoring.series.empty')} data-testid="series-empty" style={{ padding: '48px 0' }} />
        )}
      </Spin>
    </Card>
  );
}
