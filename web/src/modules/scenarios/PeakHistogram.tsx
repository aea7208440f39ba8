import { Empty, Space, Statistic, Typography } from 'antd';
import { useI18n } from '../../app/lang.tsx';
import { Chart, PALETTE } from './charts.ts';
import { pct } from './format.ts';
import type { MonteCarloResult } from './types.ts';

/**
 * Distribution of the peak year over the Monte Carlo draws (share of draws peaking in each year; years
 * without a draw shown as zero), with the probability of peaking by 2030 stated, and the share of draws
 * that do not peak within the horizon (those have no peak year and no bar).
 */
export function PeakHistogram({ mc, endYear }: { mc: MonteCarloResult | undefined; endYear: number }) {
  const { t, lang } = useI18n();
  if (!mc) return <Empty description={t('scenarios.charts.noMonteCarlo')} />;
  const dist = mc.peak.yearDistribution;
  const by2030 = mc.peak.probabilityBy['2030'];
  const lo = dist.length ? dist[0].year : 0;
  const hi = dist.length ? dist[dist.length - 1].year : -1;
  const years = Array.from({ length: Math.max(0, hi - lo + 1) }, (_v, i) => lo + i);
  const share = new Map(dist.map((d) => [d.year, d.probability]));
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid: { left: 12, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: t('scenarios.charts.share'), axisLabel: { formatter: '{value}%' }, nameTextStyle: { align: 'left', color: '#8c8c8c' } },
    series: [{
      type: 'bar', name: t('scenarios.charts.share'), barCategoryGap: '15%',
      data: years.map((y) => ({ value: Number(((share.get(y) ?? 0) * 100).toFixed(2)), itemStyle: { color: y <= 2030 ? PALETTE[1] : PALETTE[2] } })),
    }],
  };
  return (
    <div data-testid="peak-histogram">
      <Space size={28} wrap align="end">
        {by2030 !== undefined ? (
          <div data-testid="p-peak-2030"><Statistic title={t('scenarios.charts.pBy', { year: 2030 })} value={pct(by2030, lang, 1)} /></div>
        ) : null}
        <Typography.Text type="secondary">
          {t('scenarios.charts.notReachedShare', { p: pct(1 - mc.peak.probabilityReached, lang, 1), year: endYear })}
          <br />{t('scenarios.charts.drawsNote', { draws: mc.draws.toLocaleString(), seed: mc.seed })}
        </Typography.Text>
      </Space>
      {years.length ? <Chart option={option} height={250} testId="chart-peak-histogram" /> : null}
    </div>
  );
}
