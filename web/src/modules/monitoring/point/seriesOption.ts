import type { ReadingsOut } from '../../../../../src/contracts/monitoring.ts';
import { addDays, addMonths, cstDay } from '../time.ts';
import { BAND_COLOR, PALETTE } from '../charts.ts';

/**
 * The ECharts option of a point's series for one factor and kind. Raw readings are a line over time (bars
 * for totals). Rollups are drawn on every bucket of the range, so a missing hour, day or month is a gap:
 * totals (Cou) as bars of the bucket's sum, other values as the average with a min–max band.
 */
export interface SeriesLabels { value: string; avg: string; min: string; max: string; total: string; band: string }
export interface SeriesInput {
  data: ReadingsOut;
  kind: string;
  total: boolean;
  unit: string;
  /** [from, to) as the API was asked, ISO instants */
  from: string;
  to: string;
  labels: SeriesLabels;
  fmt(v: number): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every bucket of [from, to) with its key as the API writes it and its axis label. */
/** Hours are labelled in the browser's local time, like every instant on the page. */
export function buckets(interval: 'hour' | 'day' | 'month', from: string, to: string): Array<{ key: string; label: string }> {
  const out: Array<{ key: string; label: string }> = [];
  const end = Date.parse(to);
  if (interval === 'hour') {
    for (let t = Math.floor(Date.parse(from) / 3600_000) * 3600_000; t < end && out.length < 10_000; t += 3600_000) {
      const d = new Date(t);
      out.push({ key: d.toISOString(), label: `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:00` });
    }
    return out;
  }
  const last = cstDay(end - 1);
  if (interval === 'day') {
    for (let d = cstDay(Date.parse(from)); d <= last && out.length < 10_000; d = addDays(d, 1)) out.push({ key: d, label: d });
    return out;
  }
  for (let m = `${cstDay(Date.parse(from)).slice(0, 7)}-01`; m <= last && out.length < 1000; m = addMonths(m, 1)) out.push({ key: m, label: m.slice(0, 7) });
  return out;
}

export function seriesOption(s: SeriesInput): object {
  const color = PALETTE[0];
  const grid = { left: 64, right: 24, top: 36, bottom: 64 };
  const yAxis = { type: 'value', name: s.unit, scale: !s.total };
  const dataZoom = [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 12 }];
  if (s.data.interval === 'raw') {
    const pts = s.data.raw.filter((r) => r.kind === s.kind).map((r) => [r.time, r.value]);
    return {
      color: [color], grid, yAxis, dataZoom,
      xAxis: { type: 'time' },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${s.fmt(v)} ${s.unit}` },
      series: [{ name: s.total ? s.labels.total : s.labels.value, type: s.total ? 'bar' : 'line', showSymbol: false, data: pts, barMaxWidth: 12 }],
    };
  }
  const rows = new Map(s.data.rollups.filter((r) => r.kind === s.kind).map((r) => [r.bucket, r]));
  const axis = buckets(s.data.interval, s.from, s.to);
  const at = axis.map((b) => rows.get(b.key));
  const xAxis = { type: 'category', data: axis.map((b) => b.label), boundaryGap: s.total };
  if (s.total) {
    return {
      color: [color], grid, yAxis, xAxis, dataZoom: axis.length > 60 ? dataZoom : undefined,
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '—' : `${s.fmt(v)} ${s.unit}`) },
      series: [{ name: s.labels.total, type: 'bar', barMaxWidth: 28, data: at.map((r) => (r ? r.sum : null)) }],
    };
  }
  // The band: an invisible lower line at min and a stacked area of (max − min) above it.
  const tip = (params: Array<{ dataIndex: number }>) => {
    const i = params[0]?.dataIndex ?? 0;
    const r = at[i];
    const head = axis[i]?.label ?? '';
    if (!r) return `${head}<br/>—`;
    return `${head}<br/>${s.labels.avg} <b>${s.fmt(r.avg)}</b> ${s.unit}<br/>${s.labels.min} ${s.fmt(r.min)} · ${s.labels.max} ${s.fmt(r.max)} ${s.unit}<br/>n = ${r.n}`;
  };
  return {
    color: [color], grid, yAxis, xAxis, dataZoom: axis.length > 60 ? dataZoom : undefined,
    legend: { top: 0, data: [s.labels.avg, s.labels.band] },
    tooltip: { trigger: 'axis', formatter: tip },
    series: [
      { name: s.labels.min, type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, data: at.map((r) => (r ? r.min : null)), tooltip: { show: false } },
      { name: s.labels.band, type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: BAND_COLOR }, itemStyle: { color: BAND_COLOR },
        data: at.map((r) => (r ? r.max - r.min : null)) },
      { name: s.labels.avg, type: 'line', symbol: at.length > 60 ? 'none' : 'circle', symbolSize: 5, data: at.map((r) => (r ? r.avg : null)) },
    ],
  };
}
