import { Card, Col, Empty, Row } from 'antd';
import { useI18n } from '../../app/lang.tsx';
import { ComparisonCard } from './ComparisonCard.tsx';
import { EnergyChart } from './EnergyChart.tsx';
import { FanChart } from './FanChart.tsx';
import { LmdiCard } from './LmdiCard.tsx';
import { PeakHistogram } from './PeakHistogram.tsx';
import { TargetsTable } from './TargetsTable.tsx';
import { namer } from './format.ts';
import type { ChartReport, ScenarioInput } from './types.ts';

/**
 * The results of a preview or a stored run: scenario comparison, then for the active scenario the fan
 * chart, the peak-year histogram, target attainment, energy by fuel and the LMDI decomposition.
 * Names of fuels and sectors come from the input that produced the report.
 */
export function ResultsPanel({ report, input, active, onActive }: { report: ChartReport; input: ScenarioInput; active: string; onActive(id: string): void }) {
  const { t, lang } = useI18n();
  const names = namer(input, lang);
  const run = report.scenarios.find((s) => s.projection.scenario.id === active) ?? report.scenarios[0];
  if (!run) return <Empty />;
  const name = names.scenario(run.projection.scenario.id);
  const title = (key: 'fan' | 'histogram' | 'targets' | 'energy') => `${t(`scenarios.charts.${key}`)} · ${name}`;
  return (
    <div className="st-results" data-testid="scenario-results">
      <ComparisonCard report={report} names={names} active={run.projection.scenario.id} onSelect={onActive} />
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={title('fan')} data-testid="fan-card"><FanChart projection={run.projection} mc={run.monteCarlo} basis={report.peakBasis} /></Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={title('histogram')} data-testid="histogram-card"><PeakHistogram mc={run.monteCarlo} endYear={report.endYear} /></Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small" title={title('targets')} data-testid="targets-card"><TargetsTable targets={run.projection.targets} mc={run.monteCarlo} /></Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={title('energy')} data-testid="energy-card"><EnergyChart projection={run.projection} names={names} /></Card>
        </Col>
      </Row>
      <LmdiCard periods={run.lmdi} names={names} scenarioName={name} />
    </div>
  );
}
