import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useI18n } from '../../../app/lang.tsx';
import { WARNING_COLORS, type WarningKey } from '../labels.ts';

/**
 * Targets by warning level as four bars, for the printed report: drawn as SVG (sharp on paper and in a
 * PDF, where a canvas prints at screen resolution), without animation (a print taken at once shows the
 * final bars), at a fixed size that fits the A4 text width on screen and on paper alike.
 */
echarts.use([BarChart, GridComponent, SVGRenderer]);

const LEVELS: WarningKey[] = ['red', 'yellow', 'green', 'none'];

export function LevelChart({ counts }: { counts: Record<WarningKey, number> }) {
  const { t } = useI18n();
  const option = {
    animation: false,
    grid: { left: 4, right: 32, top: 6, bottom: 6, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: {
      type: 'category', inverse: true, axisTick: { show: false }, axisLine: { lineStyle: { color: '#8c8c8c' } },
      axisLabel: { color: '#262626', fontSize: 12 }, data: LEVELS.map((l) => t(`evaluation.levelShort.${l}`)),
    },
    series: [{
      type: 'bar', barWidth: 14, label: { show: true, position: 'right', color: '#262626', fontSize: 12 },
      data: LEVELS.map((l) => ({ value: counts[l], itemStyle: { color: WARNING_COLORS[l] } })),
    }],
  };
  return (
    <div className="st-report-chart" data-testid="evaluation-chart">
      <div className="st-report-chart-title">{t('evaluation.chartTitle')}</div>
      <ReactEChartsCore echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height: 132, width: 248 }} />
    </div>
  );
}
