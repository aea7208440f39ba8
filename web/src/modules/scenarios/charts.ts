import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { Chart, PALETTE } from '../dashboard/echarts.tsx';

/**
 * The charts of 情景分析: the platform's one ECharts wrapper (dashboard/echarts.tsx) plus lines (scenario
 * paths, fan bands as stacked areas), bars (histogram, waterfall), scatter points for peaks and the 2030 mark.
 */
echarts.use([LineChart, BarChart, ScatterChart, MarkLineComponent]);

export { Chart, PALETTE };

/** Colours of scenarios by position: baseline grey-blue, then the platform palette. */
export const scenarioColor = (i: number) => PALETTE[i % PALETTE.length];
export const UP = '#d9534f';
export const DOWN = '#13a57a';
