import { useMemo, useState } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { pretty } from '../../accounting/format.ts';
import { monitoringApi } from '../api.ts';
import { Chart } from '../charts.ts';
import { num, pct } from '../labels.ts';
import { useMonitoringScope } from '../scope.ts';
import { cstDay } from '../time.ts';
import { meteredApi, type MeteredItem } from './api.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
import { monthsOption } from './monthsOption.ts';

/**
 * 计量能耗与碳排放: one enterprise and year — the energy its meters measured, converted to tce and CO2 with the
 * factor library (its report's factor set and method when it reported), by month and item, and against what
 * it reported, with the deviation flagged beyond the threshold.
 */
export default function MeteredTab() {
  const { t, lang } = useI18n();
  const { inScope } = useMonitoringScope();
  const thisYear = Number(cstDay(Date.now()).slice(0, 4));
  const points = useLoad(() => monitoringApi.points(), []);
  const enterprises = useMemo(() => {
    const m = new Map((points.data ?? []).filter((p) => inScope(p.regionCode)).map((p) => [p.organisationId, p.enterpriseName]));
    return [...m].map(([id, name]) => ({ id, name }));
  }, [points.data, inScope]);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [year, setYear] = useState(thisYear);
  const org = chosen && enterprises.some((e) => e.id === chosen) ? chosen : enterprises[0]?.id;
  const metered = useLoad(() => (org ? meteredApi.get(org, year) : Promise.resolve(null)), [org, year]);
  const m = metered.data;
  const fmt = (v: number) => num(v, lang);
  const fig = (f: { value: number; unit: string } | null) => (f ? `${fmt(f.value)} ${pretty(f.unit, lang)}` : '—');

  return (
    <>
      <Card className="st-search-card" size="small">
        <Space wrap>
          <span>{t('monitoring.points.enterprise')}</span>
          <Select style={{ minWidth: 280 }} value={org} onChange={setChosen} showSearch={{ optionFilterProp: 'label' }} loading={points.loading}
            options={enterprises.map((e) => ({ value: e.id, label: e.name }))} notFoundContent={t('monitoring.metered.noEnterprise')} data-testid="metered-enterprise" />
          <span>{t('monitoring.metered.year')}</span>
          <Select style={{ width: 110 }} value={year} onChange={setYear} options={Array.from({ length: 6 }, (_v, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))} data-testid="metered-year" />
        </Space>
      </Card>
      {points.error || metered.error ? <Alert type="error" showIcon title={errorText(points.error ?? metered.error, lang)} style={{ marginBottom: 12 }} /> : null}
      {!org && !points.loading ? <Card><Empty description={t('monitoring.metered.noEnterprise')} /></Card> : null}
      <Spin spinning={metered.loading}>
        {m ? (
          <>
            <Card className="st-mon-card" title={`${m.organisation.name} · ${m.year}`} data-testid="metered-card">
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                <Col xs={12} xl={6}><Statistic title={t('monitoring.metered.tce')} value={fmt(m.totals.year.tce.value)} suffix={pretty(m.totals.year.tce.unit, lang)} /></Col>
                <Col xs={12} xl={6}><Statistic title={t('monitoring.metered.co2')} value={fmt(m.totals.year.co2.value)} suffix={pretty(m.totals.year.co2.unit, lang)} /></Col>
                <Col xs={12} xl={6}><Statistic title={t('monitoring.metered.co2Measured')} value={m.totals.year.co2Measured ? fmt(m.totals.year.co2Measured.value) : '—'}
                  suffix={m.totals.year.co2Measured ? pretty(m.totals.year.co2Measured.unit, lang) : undefined} /></Col>
                <Col xs={12} xl={6}><Statistic title={t('monitoring.metered.asOf')} value={m.asOf} /></Col>
              </Row>
              <Descriptions size="small" column={1} items={[
                { key: 'basis', label: t('monitoring.metered.basis'), children: m.basis[lang] },
                { key: 'set', label: t('monitoring.metered.factorSet'), children: `${m.factorSet.name} v${m.factorSet.version}${m.method.source === 'report' ? ` · ${t('monitoring.metered.methodReport')}` : ` · ${t('monitoring.metered.methodDefault')}`}` },
              ]} />
              {[...m.totals.partial, ...m.problems].map((p, i) => <Alert key={i} type="warning" showIcon title={p[lang]} style={{ marginTop: 8 }} />)}
              {m.totals.months.length ? <Chart option={monthsOption(m, { tce: t('monitoring.metered.tce'), co2: t('monitoring.metered.co2'), co2Measured: t('monitoring.metered.co2Measured') }, (u) => pretty(u, lang), fmt)} height={300} testId="metered-chart" /> : null}
            </Card>
            <Card className="st-mon-card" title={t('monitoring.metered.itemsTitle')}>
              <Table<MeteredItem>
                rowKey="item" size="small" bordered pagination={false} dataSource={m.items} data-testid="metered-items" scroll={{ x: 1300 }} locale={{ emptyText: t('monitoring.metered.noItems') }}
                columns={[
                  { title: t('monitoring.metered.item'), key: 'label', width: 170, render: (_v, r) => r.label[lang] },
                  { title: t('monitoring.metered.points'), dataIndex: 'points', width: 200, render: (v: string[]) => v.map((mn) => <div key={mn}><code>{mn}</code></div>) },
                  { title: t('monitoring.metered.amount'), key: 'amount', width: 170, align: 'right', render: (_v, r) => <span className="st-num">{fig(r.year.amount)}</span> },
                  { title: t('monitoring.metered.tce'), key: 'tce', width: 150, align: 'right', render: (_v, r) => <span className="st-num">{fig(r.year.tce)}</span> },
                  { title: t('monitoring.metered.co2'), key: 'co2', width: 150, align: 'right', render: (_v, r) => <span className="st-num">{fig(r.year.co2)}</span> },
                  { title: t('monitoring.metered.days'), key: 'days', width: 170, align: 'right',
                    render: (_v, r) => <span className="st-num">{t('monitoring.metered.daysOf', { complete: r.year.days.complete, due: r.year.days.due, pct: pct(r.year.completeness, lang) })}</span> },
                  { title: t('monitoring.metered.problems'), key: 'problems', width: 320, ellipsis: { showTitle: true }, render: (_v, r) => (r.problems.length ? r.problems.map((p) => p[lang]).join('；') : '—') },
                ]}
              />
            </Card>
            <Card className="st-mon-card" title={t('monitoring.metered.comparisonTitle')}>
              <ComparisonTable comparison={m.comparison} />
            </Card>
            {m.notes.length ? <Typography.Paragraph type="secondary">{m.notes.map((n) => n[lang]).join(' ')}</Typography.Paragraph> : null}
          </>
        ) : null}
      </Spin>
    </>
  );
}
