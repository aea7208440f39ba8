import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { Chart, PALETTE } from '../dashboard/echarts.tsx';

/**
 * The charts of 在线监测: the platform's one ECharts wrapper (dashboard/echarts.tsx) plus lines and bars for
 * series, a heatmap with a visual map for completeness, the 90 % mark line and zooming along long series.
 */
echarts.use([LineChart, BarChart, HeatmapChart, DataZoomComponent, MarkLineComponent, VisualMapComponent]);

export { Chart, PALETTE };
export const OK_COLOR = '#13a57a';
export const BAD_COLOR = '#d9534f';
export const BAND_COLOR = 'rgba(29,111,184,.15)';
