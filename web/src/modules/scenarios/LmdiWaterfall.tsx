import { useI18n } from '../../app/lang.tsx';
import { Chart, DOWN, PALETTE, UP } from './charts.ts';
import { fmt } from './format.ts';
import { LMDI_EFFECTS, type LmdiResult } from './types.ts';

/**
 * Waterfall of an additive LMDI-I decomposition: CO2 in the first year, each effect as a step up (red) or
 * down (green), CO2 in the last year. Steps are stacked bars on an invisible base at the running total.
 */
export function LmdiWaterfall({ period }: { period: LmdiResult }) {
  const { t, lang } = useI18n();
  const unit = t('scenarios.units.co2');
  const r = (v: number) => Number(v.toFixed(2));
  const labels = [t('scenarios.charts.lmdiStart', { year: period.from }), ...LMDI_EFFECTS.map((e) => t(`scenarios.charts.effects.${e}`)), t('scenarios.charts.lmdiStart', { year: period.to })];
  const base: number[] = [0];
  const bars: Array<{ value: number; itemStyle: { color: string }; delta: number }> = [{ value: r(period.co2From), itemStyle: { color: PALETTE[0] }, delta: period.co2From }];
  let run = period.co2From;
  for (const e of LMDI_EFFECTS) {
    const d = period.additive.total[e];
    base.push(r(d >= 0 ? run : run + d));
    bars.push({ value: r(Math.abs(d)), itemStyle: { color: d >= 0 ? UP : DOWN }, delta: d });
    run += d;
  }
  base.push(0);
  bars.push({ value: r(period.co2To), itemStyle: { color: PALETTE[0] }, delta: period.co2To });
  const mult = period.multiplicative.total;
  const option = {
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps: Array<{ dataIndex: number }>) => {
        const i = ps[0]?.dataIndex ?? 0;
        const b = bars[i];
        const isEffect = i > 0 && i <= LMDI_EFFECTS.length;
        const head = `${labels[i]}：${isEffect && b.delta > 0 ? '+' : ''}${fmt(b.delta, lang, 1)} ${unit}`;
        const factor = isEffect && mult ? `<br/>${t('scenarios.charts.lmdiFactor')}：${fmt(mult[LMDI_EFFECTS[i - 1]], lang, 4)}` : '';
        return head + factor;
      },
    },
    grid: { left: 12, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11, rotate: lang === 'zh' ? 0 : 30 } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left', color: '#8c8c8c' }, scale: false },
    series: [
      { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base },
      {
        type: 'bar', stack: 'w', data: bars.map(({ value, itemStyle }) => ({ value, itemStyle })),
        label: {
          show: true, position: 'top', fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const d = bars[p.dataIndex].delta;
            const isEffect = p.dataIndex > 0 && p.dataIndex <= LMDI_EFFECTS.length;
            return `${isEffect && d > 0 ? '+' : ''}${fmt(d, lang, 0)}`;
          },
        },
      },
    ],
  };
  return <Chart option={option} height={320} testId="chart-lmdi" />;
}
