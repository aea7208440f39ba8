import { useI18n } from '../../app/lang.tsx';
import { ORG_KINDS } from '../../shared/labels.ts';
import { kindLabel } from '../../shared/labels.ts';
import { Chart, PALETTE } from './echarts.tsx';
import type { Overview } from './stats.ts';

/** Organisations by kind per sub-region, stacked: where the units of the plan sit. */
export function AreaChart({ o }: { o: Overview }) {
  const { t, nameOf } = useI18n();
  const names = o.byArea.map((a) => (a.region ? nameOf(a.region) : t('dashboard.ownLevel')));
  const rotate = names.length > 6 ? 30 : 0;
  const option = {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate } },
    yAxis: { type: 'value', minInterval: 1 },
    series: ORG_KINDS.map((k) => ({
      name: kindLabel(t, k),
      type: 'bar',
      stack: 'orgs',
      barMaxWidth: 42,
      emphasis: { focus: 'series' },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: o.byArea.map((a) => a.counts[k]),
    })),
  };
  return <Chart option={option} testId="chart-by-region" />;
}
