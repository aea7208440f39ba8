import type { MeteredOut } from './api.ts';
import { PALETTE } from '../charts.ts';

/** Monthly tce (left axis) and CO2 (right axis) from meters; a month that could not be converted is a gap. */
export function monthsOption(m: MeteredOut, l: { tce: string; co2: string; co2Measured: string }, unit: (u: string) => string, fmt: (v: number) => string): object {
  const months = m.totals.months;
  const u = (f: { unit: string } | null | undefined, fallback: string) => unit(f?.unit ?? fallback);
  const tceUnit = u(months[0]?.tce, 'tce');
  const co2Unit = u(months[0]?.co2, 'tCO2');
  const measured = months.some((x) => x.co2Measured);
  return {
    color: [PALETTE[0], PALETTE[1], PALETTE[2]],
    grid: { left: 72, right: 72, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '—' : fmt(v)) },
    xAxis: { type: 'category', data: months.map((x) => x.month) },
    yAxis: [{ type: 'value', name: tceUnit }, { type: 'value', name: co2Unit, splitLine: { show: false } }],
    series: [
      { name: `${l.tce} (${tceUnit})`, type: 'bar', barMaxWidth: 22, data: months.map((x) => x.tce?.value ?? null) },
      { name: `${l.co2} (${co2Unit})`, type: 'bar', barMaxWidth: 22, yAxisIndex: 1, data: months.map((x) => x.co2?.value ?? null) },
      ...(measured ? [{ name: `${l.co2Measured} (${co2Unit})`, type: 'line', yAxisIndex: 1, data: months.map((x) => x.co2Measured?.value ?? null) }] : []),
    ],
  };
}
