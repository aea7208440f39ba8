import type { QualityOut } from '../../../../../src/contracts/monitoring.ts';
import { BAD_COLOR, OK_COLOR } from '../charts.ts';

/**
 * Completeness per CST day from /api/points/:mn/quality. A day of the point is its worst factor (the 90 %
 * rule applies to each factor); the heatmap shows every factor and kind.
 */
export interface DayCompleteness { day: string; worst: number; ok: boolean; parts: QualityOut['days'] }

export function byDay(q: QualityOut): DayCompleteness[] {
  const days = new Map<string, QualityOut['days']>();
  for (const d of q.days) days.set(d.day, [...(days.get(d.day) ?? []), d]);
  return [...days].map(([day, parts]) => ({ day, parts, worst: Math.min(...parts.map((p) => p.completeness)), ok: parts.every((p) => p.ok) }));
}

export interface CompletenessLabels { completeness: string; threshold: string; today: string; received: string }

/** Bars of each day's worst completeness, red below the threshold, with the threshold as a line. */
export function dayBarsOption(days: DayCompleteness[], threshold: number, today: string, l: CompletenessLabels, pct: (v: number) => string): object {
  return {
    grid: { left: 56, right: 96, top: 28, bottom: 36 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: Array<{ dataIndex: number }>) => {
        const d = days[ps[0]?.dataIndex ?? 0];
        if (!d) return '';
        const lines = d.parts.map((p) => `${p.factor} ${p.kind}: ${pct(p.completeness)} (${p.received} / ${p.expected})`);
        return [`${d.day}${d.day === today ? ` (${l.today})` : ''}`, ...lines].join('<br/>');
      },
    },
    series: [{
      name: l.completeness, type: 'bar', barMaxWidth: 18,
      data: days.map((d) => ({ value: Math.round(d.worst * 1000) / 10, itemStyle: { color: d.ok ? OK_COLOR : d.day === today ? '#b0bec5' : BAD_COLOR } })),
      markLine: { symbol: 'none', silent: true, lineStyle: { color: BAD_COLOR, type: 'dashed' }, label: { formatter: l.threshold, position: 'end' }, data: [{ yAxis: threshold * 100 }] },
    }],
  };
}

/** Factor × day heatmap; the visual map splits at the threshold. */
export function heatmapOption(q: QualityOut, seriesLabel: (factor: string, kind: string) => string, l: CompletenessLabels, pct: (v: number) => string): object {
  const dayList = [...new Set(q.days.map((d) => d.day))];
  const rowKeys = [...new Set(q.days.map((d) => `${d.factor}|${d.kind}`))];
  const t = q.threshold * 100;
  return {
    grid: { left: 150, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: dayList.map((d) => d.slice(5)), splitArea: { show: true } },
    yAxis: { type: 'category', data: rowKeys.map((k) => { const [f, kind] = k.split('|'); return seriesLabel(f, kind); }), splitArea: { show: true } },
    visualMap: {
      type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 8, dimension: 2,
      pieces: [{ gte: t, label: `≥ ${t} %`, color: OK_COLOR }, { gte: 50, lt: t, label: `50–${t} %`, color: '#f6a04d' }, { lt: 50, label: '< 50 %', color: BAD_COLOR }],
    },
    tooltip: {
      formatter: (p: { data: [number, number, number, number, number] }) =>
        `${dayList[p.data[0]]} · ${seriesLabel(...(rowKeys[p.data[1]].split('|') as [string, string]))}<br/>${l.completeness} ${pct(p.data[2] / 100)} · ${l.received} ${p.data[3]} / ${p.data[4]}`,
    },
    series: [{
      type: 'heatmap',
      data: q.days.map((d) => [dayList.indexOf(d.day), rowKeys.indexOf(`${d.factor}|${d.kind}`), Math.round(d.completeness * 1000) / 10, d.received, d.expected]),
    }],
  };
}
