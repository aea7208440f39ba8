import { useMemo, useState } from 'react';
import { Alert, Badge, Card, Col, Empty, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { IndicatorOut, IndicatorSeries, ObservationOut } from '../../../../src/contracts/plans.ts';
import type { RegionOut } from '../../../../src/contracts/regions.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { WARNING_COLORS, unitLabel, withUnit } from '../plans/labels.ts';
import { indicatorsApi } from './api.ts';
import { assessYear, counts } from './assess.ts';
import { Chart } from './charts.ts';

/**
 * 地区对比: for one indicator and year, each sub-region's value and its warning against that region's own
 * target (a bar per region, coloured by the warning, with the expected value marked) and the same as a table.
 */
interface Line {
  region: RegionOut;
  error?: unknown;
  obs?: ObservationOut;
  expected?: number;
  level?: 'red' | 'yellow' | 'green';
  reason?: string;
}

export function CompareView({ indicator, region }: { indicator: IndicatorOut; region: RegionOut }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const children = useMemo(() => (index ? index.children(region) : []), [index, region]);
  const loaded = useLoad(async () => {
    const all = await Promise.allSettled(children.map((c) => indicatorsApi.series(indicator.code, c.code)));
    return all.map((r, i) => ({ region: children[i], series: r.status === 'fulfilled' ? r.value : null, error: r.status === 'rejected' ? r.reason : null }));
  }, [indicator.code, children]);
  const years = useMemo(() => [...new Set((loaded.data ?? []).flatMap((x) => x.series?.observations.filter(counts).map((o) => o.year) ?? []))].sort((a, b) => b - a), [loaded.data]);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked != null && years.includes(picked) ? picked : years[0];

  const lines: Line[] = useMemo(() => (loaded.data ?? []).map(({ region: r, series, error }) => {
    if (!series) return { region: r, error };
    const obs = series.observations.find((o) => o.year === year && counts(o));
    const a = obs ? assessYear(series as IndicatorSeries, year) : null;
    return { region: r, obs, expected: a?.result.expected, level: a?.result.level, reason: a ? (lang === 'zh' ? a.result.reasonZh : a.result.reasonEn) : undefined };
  }), [loaded.data, year, lang]);

  if (!children.length) return <Empty description={t('indicators.compareNoSub')} />;
  if (loaded.error) return <Alert type="error" showIcon title={errorText(loaded.error, lang)} />;
  if (!loaded.data) return <div className="st-center"><Spin /></div>;
  const v = (x: number | undefined) => (x == null ? '—' : withUnit(t, lang, Number(x.toPrecision(6)), null));
  const unit = unitLabel(t, indicator.unit);
  const name = lang === 'zh' ? indicator.name : indicator.nameEn;

  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('indicators.latest', { year }), t('indicators.expected')] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: lines.map((l) => nameOf(l.region)), axisLabel: { interval: 0, rotate: lines.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', scale: false },
    series: [
      { name: t('indicators.latest', { year }), type: 'bar', barMaxWidth: 40, label: { show: true, position: 'top' },
        data: lines.map((l) => ({ value: l.obs?.value ?? null, itemStyle: { color: l.level ? WARNING_COLORS[l.level] : '#1d6fb8' } })) },
      { name: t('indicators.expected'), type: 'scatter', symbol: 'rect', symbolSize: [28, 3], itemStyle: { color: '#262626' },
        data: lines.map((l) => (l.expected == null ? null : Number(l.expected.toPrecision(6)))) },
    ],
  };

  return (
    <Card size="small" title={t('plans.labelled', { label: t('indicators.compareTitle'), value: name })} data-testid="compare-view"
      extra={(
        <Space>
          {unit ? <Typography.Text type="secondary">{t('indicators.unitIs', { unit })}</Typography.Text> : null}
          {t('indicators.compareYear')}
          <Select size="small" style={{ width: 100 }} value={year} onChange={setPicked} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="compare-year" />
        </Space>
      )}>
      {years.length && !(loaded.data ?? []).some((x) => x.series?.targets.some((s) => s.path.length)) ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('indicators.compareNoTargets')} />
      ) : null}
      {!years.length ? <Empty description={t('indicators.compareNoData')} /> : (
        <Row gutter={12}>
          <Col xs={24} xl={12}><Chart option={option} height={320} testId="chart-compare" /></Col>
          <Col xs={24} xl={12}>
            <Table<Line> rowKey={(l) => l.region.code} size="small" bordered pagination={false} dataSource={lines} data-testid="compare-table"
              columns={[
                { title: t('common.index'), key: 'n', width: 56, align: 'center', render: (_v, _l, i) => i + 1 },
                { title: t('indicators.region'), key: 'region', render: (_v, l) => nameOf(l.region) },
                { title: t('indicators.latest', { year }), key: 'value', width: 160, align: 'right', render: (_v, l) => (l.error ? <Typography.Text type="danger">{errorText(l.error, lang)}</Typography.Text> : (
                  <Space size={4}>{v(l.obs?.value)}{l.obs?.status === 'submitted' ? <Tag color="orange">{t('indicators.pendingReview')}</Tag> : null}</Space>
                )) },
                { title: t('indicators.expected'), key: 'expected', width: 120, align: 'right', render: (_v, l) => v(l.expected) },
                { title: t('indicators.warning'), key: 'warning', width: 150, render: (_v, l) => (l.level
                  ? <Badge color={WARNING_COLORS[l.level]} text={t(`plans.levels.${l.level}`)} title={l.reason} />
                  : <Badge color={WARNING_COLORS.none} text={t('plans.levels.none')} />) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
