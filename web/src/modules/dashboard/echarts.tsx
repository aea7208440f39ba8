import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only what the platform draws registered (tree-shaken). Always the ESM core entry of
 * echarts-for-react: the `lib` build crashes in the browser.
 */
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const PALETTE = ['#1d6fb8', '#13a57a', '#f08a24', '#8a55c8', '#d9534f', '#5bc0de', '#c9a227', '#6c7a89'];

export function Chart({ option, height = 340, testId }: { option: object; height?: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}
