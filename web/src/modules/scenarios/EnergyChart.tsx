import { useI18n } from '../../app/lang.tsx';
import { Chart, PALETTE } from './charts.ts';
import { fmt, type Namer } from './format.ts';
import type { Projection } from './types.ts';

/** Energy use of one scenario by fuel, stacked (electricity counted at the file's kgce/kWh). */
export function EnergyChart({ projection, names }: { projection: Projection; names: Namer }) {
  const { t, lang } = useI18n();
  const unit = t('scenarios.units.energy');
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${fmt(v, lang, 1)} ${unit}` },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 12, right: 24, top: 30, bottom: 34, containLabel: true },
    xAxis: { type: 'category', data: projection.years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left', color: '#8c8c8c' } },
    series: Object.entries(projection.energy.byFuel).map(([fuel, values], i) => ({
      type: 'line', name: names.fuel(fuel), stack: 'energy', symbol: 'none', color: PALETTE[i % PALETTE.length],
      areaStyle: { opacity: 0.75 }, lineStyle: { width: 1 }, emphasis: { focus: 'series' },
      data: values.map((v) => Number(v.toFixed(2))),
    })),
  };
  return <Chart option={option} height={320} testId="chart-energy" />;
}
