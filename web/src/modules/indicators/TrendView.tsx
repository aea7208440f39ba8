import { Alert, Badge, Card, Col, Empty, Row, Spin, Table, Typography } from 'antd';
import type { IndicatorOut } from '../../../../src/contracts/plans.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { WARNING_COLORS, targetPhrase, unitLabel, withUnit } from '../plans/labels.ts';
import { indicatorsApi } from './api.ts';
import type { SeriesTarget } from './assess.ts';
import { ObservationsCard } from './ObservationsCard.tsx';
import { SeriesChart } from './SeriesChart.tsx';

/** 趋势与预警: the chart of observed values against the target paths, the latest assessment per target, the values. */
export function TrendView({ indicator, picked, regionCode, regionName }: { indicator: IndicatorOut; picked: IndicatorOut; regionCode: string; regionName: string }) {
  const { t, lang } = useI18n();
  const series = useLoad(() => indicatorsApi.series(indicator.code, regionCode), [indicator.code, regionCode]);
  const s = series.data;
  const name = (i: IndicatorOut) => (lang === 'zh' ? i.name : i.nameEn);
  const v = (x: number) => withUnit(t, lang, Number(x.toPrecision(4)), null);
  const unit = unitLabel(t, indicator.unit);

  if (series.error) return <Alert type="error" showIcon title={errorText(series.error, lang)} />;
  if (!s) return <div className="st-center"><Spin /></div>;
  return (
    <>
      {picked.code !== indicator.code ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('indicators.trackedBy', { rate: name(picked), level: name(indicator) })} />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('plans.labelled', { label: name(indicator), value: t('indicators.chartTitle') })}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('indicators.chartSub')}</Typography.Text>
            {s.observations.length || s.targets.some((x) => x.path.length) ? <SeriesChart series={s} /> : <Empty description={t('indicators.noData')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('indicators.progressTitle')} style={{ height: '100%' }}
            extra={unit ? <Typography.Text type="secondary">{t('indicators.unitIs', { unit })}</Typography.Text> : null}>
            <Table<SeriesTarget>
              data-testid="progress-table" rowKey={(x) => x.target.id} size="small" bordered pagination={false} dataSource={s.targets}
              locale={{ emptyText: t('indicators.noTargets') }}
              columns={[
                { title: t('indicators.target'), key: 'target', minWidth: 150, render: (_v, x) => (
                  <>
                    <div>{x.target.year ? `${x.target.year} · ` : ''}{targetPhrase(t, lang, x.target)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.planTitle}</Typography.Text>
                  </>
                ) },
                { title: t('indicators.expected'), key: 'expected', width: 100, align: 'right', render: (_v, x) => (x.target.progress ? v(x.target.progress.expected) : '—') },
                { title: t('indicators.observed'), key: 'observed', width: 120, align: 'right',
                  render: (_v, x) => (x.target.progress ? t('plans.paren', { text: v(x.target.progress.observed), note: x.target.progress.year }) : '—') },
                { title: t('indicators.warning'), key: 'warning', width: 130, render: (_v, x) => {
                  const p = x.target.progress;
                  if (!p) return <Badge color={WARNING_COLORS.none} text={t('plans.levels.none')} />;
                  return (
                    <>
                      <Badge color={WARNING_COLORS[p.level]} text={t(`plans.levels.${p.level}`)} data-testid={`progress-${p.level}`} />
                      <div style={{ fontSize: 12, color: '#8c8c8c' }}>{lang === 'zh' ? p.reasonZh : p.reasonEn}</div>
                    </>
                  );
                } },
              ]}
            />
            {s.targets.some((x) => !x.path.length && x.target.value != null) ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="needs-base">{t('indicators.needsBase')}</Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
      </Row>
      <ObservationsCard indicator={indicator} regionCode={regionCode} regionName={regionName} observations={s.observations} onChanged={() => void series.reload()} />
    </>
  );
}
