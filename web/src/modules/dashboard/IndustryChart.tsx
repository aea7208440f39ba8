import { INDUSTRY_SECTIONS } from '../../../../src/core/organisations/industry.ts';
import { useI18n } from '../../app/lang.tsx';
import { Chart, PALETTE } from './echarts.tsx';
import type { Overview } from './stats.ts';

/** Enterprises by GB/T 4754-2017 section, from their registered industry codes. */
export function IndustryChart({ o }: { o: Overview }) {
  const { t, lang } = useI18n();
  const data = o.byIndustry.map((x) => {
    const s = INDUSTRY_SECTIONS.find((sec) => sec.letter === x.letter);
    return { name: s ? `${s.letter} ${lang === 'zh' ? s.zh : s.en}` : t('dashboard.industryUnknown'), value: x.count };
  });
  const option = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} ({d}%)' },
    legend: { type: 'plain', orient: 'horizontal', bottom: 0, left: 'center' },
    series: [{
      type: 'pie',
      radius: ['34%', '58%'],
      center: ['50%', '42%'],
      avoidLabelOverlap: true,
      label: { formatter: '{c}', fontSize: 13 },
      data,
    }],
  };
  return <Chart option={option} testId="chart-by-industry" />;
}
