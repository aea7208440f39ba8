import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { PALETTE as BASE } from '../dashboard/echarts.tsx';

/**
 * The charts of 碳核算: the platform's one ECharts set-up (dashboard/echarts.tsx registers bars, grid,
 * legend, tooltip and the canvas renderer) plus the Sankey of the energy flow, with click events so that
 * a bar or an axis label opens the calculation sheet behind it.
 */
echarts.use([SankeyChart]);

export interface ChartClick { componentType: string; seriesIndex?: number; dataIndex?: number; value?: unknown; data?: unknown }

export function ClickChart({ option, height, testId, onClick }: { option: object; height: number; testId: string; onClick?(p: ChartClick): void }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }}
        onEvents={onClick ? { click: (p: ChartClick) => onClick(p) } : undefined} />
    </div>
  );
}

/** The platform's eight colours, then eight more: a balance has a dozen fuels and none may share a colour. */
export const PALETTE = [...BASE, '#2b8a3e', '#e8590c', '#5f3dc4', '#0b7285', '#a61e4d', '#94a30b', '#364fc7', '#9c6644'];

/** One colour per fuel for every chart of an inventory: its order in the inventory's own fuel list. */
export function fuelColors(fuels: readonly string[]): (fuel: string) => string {
  const at = new Map(fuels.map((f, i) => [f, PALETTE[i % PALETTE.length]]));
  return (fuel) => at.get(fuel) ?? '#8c8c8c';
}
