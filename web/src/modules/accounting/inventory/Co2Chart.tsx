import { useMemo } from 'react';
import { Empty } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import type { RegionalInventory } from '../api.ts';
import { ClickChart, fuelColors } from '../charts.tsx';
import { fuelLabel, num, scaleOf, sectorLabel } from '../format.ts';

/**
 * Fuel-combustion CO2 by sector (thermal power and heat supply first, then the final-consumption sectors)
 * stacked by fuel: the sectoral approach's own lines. A segment opens its line's calculation sheet, a
 * sector name the sector's total.
 */
export function Co2Chart({ inv, onExplain }: { inv: RegionalInventory; onExplain(lineage: string): void }) {
  const { t, lang } = useI18n();
  const c = inv.co2.combustion;
  const sectors = c.bySector.map((s) => s.sector as string);
  const fuels = c.byFuel.map((f) => f.fuel);
  const { factor, unit } = scaleOf('tCO2', lang);
  const option = useMemo(() => {
    const cell = new Map(c.lines.map((l) => [`${l.sector}|${l.fuel}`, l.co2.value]));
    const labels = sectors.map((s) => sectorLabel(s, lang));
    const color = fuelColors(inv.energy.byFuel.map((f) => f.fuel));
    return {
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${num(v, lang)} ${unit}`,
      },
      legend: { type: 'scroll', top: 0, data: fuels.map((f) => fuelLabel(f, lang)) },
      grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
      xAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: (v: number) => num(v, lang, 0) } },
      yAxis: { type: 'category', inverse: true, data: labels, triggerEvent: true, axisLabel: { width: lang === 'zh' ? 150 : 210, overflow: 'break', cursor: 'pointer' } },
      series: fuels.map((f) => ({
        name: fuelLabel(f, lang), type: 'bar', stack: 'co2', itemStyle: { color: color(f) }, barMaxWidth: 26, emphasis: { focus: 'series' },
        data: sectors.map((s) => { const v = cell.get(`${s}|${f}`); return v === undefined ? null : v / factor; }),
      })),
    };
  }, [inv, c, sectors, fuels, factor, unit, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!c.lines.length) return <Empty description={t('accounting.charts.noCombustion')} />;
  return (
    <ClickChart option={option} height={Math.max(340, 70 + 40 * sectors.length)} testId="chart-co2"
      onClick={(p) => {
        if (p.componentType === 'series' && p.seriesIndex !== undefined && p.dataIndex !== undefined) {
          onExplain(`co2.combustion.${sectors[p.dataIndex]}.${fuels[p.seriesIndex]}`);
        } else if (p.componentType === 'yAxis') {
          const i = sectors.findIndex((s) => sectorLabel(s, lang) === p.value);
          if (i >= 0) onExplain(`co2.combustion.sector.${sectors[i]}`);
        }
      }} />
  );
}
