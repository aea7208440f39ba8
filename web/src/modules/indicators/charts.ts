import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { Chart, PALETTE } from '../dashboard/echarts.tsx';

/**
 * The charts of 规划目标 and 指标预警: the platform's one ECharts wrapper (dashboard/echarts.tsx, bar and
 * pie registered there) plus the line, scatter and mark-line parts the target paths need.
 */
echarts.use([LineChart, ScatterChart, MarkLineComponent]);

export { Chart, PALETTE };
