import type { IndicatorSeries } from '../../../../src/contracts/plans.ts';
import { useI18n } from '../../app/lang.tsx';
import { WARNING_COLORS, unitLabel } from '../plans/labels.ts';
import { assessYear, counts } from './assess.ts';
import { Chart, PALETTE } from './charts.ts';

/**
 * Observed values (solid line; each point coloured by its warning level against the governing target,
 * hollow while only submitted) and the expected path of every target (dashed, ending at the target).
 */
export function SeriesChart({ series }: { series: IndicatorSeries }) {
  const { t, lang } = useI18n();
  const observed = series.observations.filter(counts).sort((a, b) => a.year - b.year);
  const years = [...new Set([...observed.map((o) => o.year), ...series.targets.flatMap((s) => s.path.map((p) => p.year))])].sort((a, b) => a - b);
  const unit = unitLabel(t, series.indicator.unit);
  const round = (v: number) => Number(v.toPrecision(6));

  const observedPoints = observed.map((o) => {
    const a = assessYear(series, o.year);
    const color = a ? WARNING_COLORS[a.result.level] : PALETTE[0];
    return {
      value: [String(o.year), o.value],
      symbol: o.status === 'approved' ? 'circle' : 'emptyCircle',
      symbolSize: 10,
      itemStyle: { color, borderColor: color, borderWidth: 2 },
    };
  });
  const paths = series.targets.filter((s) => s.path.length).map((s, i) => ({
    name: t('indicators.pathName', { plan: s.planTitle, year: s.target.year }),
    type: 'line',
    data: s.path.map((p) => [String(p.year), round(p.expected)]),
    lineStyle: { type: 'dashed', width: 2 },
    symbol: 'none',
    color: PALETTE[(i + 1) % PALETTE.length],
    endLabel: { show: true, formatter: String(s.target.year), color: '#595959', fontSize: 11 },
  }));

  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : `${v}${unit && unit !== '%' && lang === 'en' ? ' ' : ''}${unit}`) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 12, right: 48, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit, scale: true, nameGap: 24, nameTextStyle: { align: 'left', color: '#8c8c8c' } },
    series: [
      {
        name: t('indicators.observed'), type: 'line', data: observedPoints, color: PALETTE[0], lineStyle: { width: 3 },
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: [string, number] }) => String(p.value[1]) },
        z: 10,
      },
      ...paths,
    ],
  };
  return <Chart option={option} height={360} testId="chart-series" />;
}
