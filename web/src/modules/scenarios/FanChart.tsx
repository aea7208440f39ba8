import { Empty } from 'antd';
import { useI18n } from '../../app/lang.tsx';
import { Chart, PALETTE } from './charts.ts';
import { fmt } from './format.ts';
import type { MonteCarloResult, Projection, ScenarioRunReport } from './types.ts';

/**
 * Fan chart of one scenario: the P5–P95 and P25–P75 bands of CO2 (on the file's peak basis) from the Monte
 * Carlo draws, their median, and the deterministic path (central values, every lever applied).
 * Bands are drawn as stacked areas: an invisible lower edge, then the band width on top of it.
 */
const FAN_KEY = { gross: 'co2Gross', energy: 'co2Energy', net: 'co2Net' } as const;

export function FanChart({ projection, mc, basis }: { projection: Projection; mc: MonteCarloResult | undefined; basis: ScenarioRunReport['peakBasis'] }) {
  const { t, lang } = useI18n();
  const fan = mc?.fan[FAN_KEY[basis]];
  if (!mc || !fan) return <Empty description={t('scenarios.charts.noMonteCarlo')} />;
  const unit = t('scenarios.units.co2');
  const r = (v: number) => Number(v.toFixed(2));
  const central = basis === 'energy' ? projection.co2.energy : basis === 'net' ? projection.co2.net : projection.co2.gross;
  const color = PALETTE[0];
  const edge = { type: 'line', symbol: 'none', lineStyle: { opacity: 0 }, silent: true };
  const band = (name: string, stack: string, lo: number[], hi: number[], opacity: number) => [
    { ...edge, name: `${stack}-base`, stack, data: lo.map(r) },
    { ...edge, name, stack, color, itemStyle: { color, opacity: opacity * 2.5 }, data: hi.map((v, i) => r(v - lo[i])), areaStyle: { color, opacity } },
  ];
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (ps: Array<{ dataIndex: number; axisValue: string }>) => {
        const i = ps[0]?.dataIndex ?? 0;
        const row = (label: string, v: number) => `${label}：${fmt(v, lang, 1)} ${unit}`;
        return [ps[0]?.axisValue, row('P95', fan.p95[i]), row('P75', fan.p75[i]), row(t('scenarios.charts.median'), fan.p50[i]),
          row('P25', fan.p25[i]), row('P5', fan.p5[i]), row(t('scenarios.charts.central'), central[i])].join('<br/>');
      },
    },
    legend: { top: 0, data: [t('scenarios.charts.band90'), t('scenarios.charts.band50'), t('scenarios.charts.median'), t('scenarios.charts.central')] },
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: mc.years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left', color: '#8c8c8c' }, scale: true },
    series: [
      ...band(t('scenarios.charts.band90'), 'p90', fan.p5, fan.p95, 0.18),
      ...band(t('scenarios.charts.band50'), 'p50', fan.p25, fan.p75, 0.3),
      { type: 'line', name: t('scenarios.charts.median'), symbol: 'none', color, lineStyle: { width: 2.5 }, data: fan.p50.map(r) },
      { type: 'line', name: t('scenarios.charts.central'), symbol: 'none', color: PALETTE[2], lineStyle: { width: 2, type: 'dashed' }, data: central.map(r) },
    ],
  };
  return <Chart option={option} height={320} testId="chart-fan" />;
}
