import { Card, Col, Row, Table } from 'antd';
import type { ComparisonRow } from '../../../../src/core/scenarios/index.ts';
import { useI18n } from '../../app/lang.tsx';
import { Chart, scenarioColor } from './charts.ts';
import { fmt, paren, pct, type Namer } from './format.ts';
import type { ChartReport, Projection, ScenarioRunReport } from './types.ts';

/**
 * Scenario comparison: CO2 on the file's peak basis for every scenario to the end year, the peak of each
 * marked, 2030 drawn; and the engine's comparison table (peak, CO2 in 2030, targets met, P(peak by 2030)).
 */
const basisSeries = (p: Projection, basis: ScenarioRunReport['peakBasis']) => (basis === 'energy' ? p.co2.energy : basis === 'net' ? p.co2.net : p.co2.gross);

export function ComparisonCard({ report, names, active, onSelect }: { report: ChartReport; names: Namer; active: string; onSelect(id: string): void }) {
  const { t, lang } = useI18n();
  const years = report.scenarios[0]?.projection.years ?? [];
  const unit = t('scenarios.units.co2');
  const series = report.scenarios.map(({ projection: p }, i) => ({
    name: names.scenario(p.scenario.id),
    type: 'line',
    symbol: 'none',
    color: scenarioColor(i),
    lineStyle: { width: p.scenario.id === active ? 3.5 : 2 },
    data: basisSeries(p, report.peakBasis).map((v) => Number(v.toFixed(2))),
    markLine: i === 0 && years.includes(2030) ? {
      symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#8c8c8c' },
      label: { formatter: '2030', color: '#595959' }, data: [{ xAxis: '2030' }],
    } : undefined,
  }));
  // Peaks a year or two apart would print their years on top of each other: every other one goes below.
  const reached = report.scenarios.map((s, i) => ({ p: s.projection, i })).filter(({ p }) => p.peak.reached && p.peak.year !== null)
    .sort((a, b) => (a.p.peak.year ?? 0) - (b.p.peak.year ?? 0));
  const below = new Set(reached.filter((x, k) => k % 2 === 1 && Math.abs((x.p.peak.year ?? 0) - (reached[k - 1].p.peak.year ?? 0)) <= 3).map((x) => x.i));
  const peaks = {
    name: t('scenarios.charts.peak'), type: 'scatter', symbol: 'diamond', symbolSize: 13, z: 5, color: '#262626',
    data: reached.map(({ p, i }) => ({
      value: [String(p.peak.year), Number(p.peak.value.toFixed(2))],
      itemStyle: { color: scenarioColor(i), borderColor: '#fff', borderWidth: 1.5 },
      label: { show: true, position: below.has(i) ? 'bottom' : 'top', fontSize: 11, formatter: String(p.peak.year) },
    })),
    tooltip: { trigger: 'item' },
  };
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${fmt(v, lang, 1)} ${unit}` },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left', color: '#8c8c8c' }, scale: true },
    series: [...series, peaks],
  };
  return (
    <Card size="small" title={t('scenarios.charts.comparison') + paren(lang, t(`scenarios.charts.basis.${report.peakBasis}`))} data-testid="comparison-card">
      <Row gutter={16}>
        <Col xs={24} xl={14}><Chart option={option} height={330} testId="chart-comparison" /></Col>
        <Col xs={24} xl={10}>
          <Table<ComparisonRow>
            data-testid="comparison-table" rowKey="id" size="small" pagination={false} dataSource={report.comparison}
            rowClassName={(r) => (r.id === active ? 'st-row-active' : '')}
            onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('scenarios.charts.scenario'), key: 'name', render: (_v, r) => {
                const i = report.comparison.findIndex((x) => x.id === r.id);
                return <span><span className="st-dot" style={{ background: scenarioColor(i) }} />{names.scenario(r.id)}</span>;
              } },
              { title: t('scenarios.charts.peakYear'), dataIndex: 'peakYear', width: 80, align: 'center',
                render: (v: number | null) => v ?? t('scenarios.charts.notReached') },
              { title: t('scenarios.charts.peakValue') + paren(lang, unit), dataIndex: 'peakValue', width: 110, align: 'right', render: (v: number) => fmt(v, lang, 0) },
              { title: t('scenarios.charts.targetsMet'), key: 'met', width: 76, align: 'center', render: (_v, r) => `${r.targetsMet}/${r.targetsTotal}` },
              { title: t('scenarios.charts.pBy2030'), dataIndex: 'probabilityPeakBy2030', width: 96, align: 'right',
                render: (v: number | undefined) => <span data-testid="p2030-cell">{pct(v, lang, 1)}</span> },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
