/** Findings read straight from the database: ingestion events, and the daily and monthly rollups. */
import type { Queryable } from '../../db/index.ts';
import {
  ALARM_EVENT_CODES, completenessFindings, dayTotalFindings, eventFinding, groupOf, monthTotalFindings, seriesKey,
  type DayTotal, type FactorRules, type Finding, type MonthTotal,
} from '../../core/monitoring-quality/index.ts';
import type { PointRow } from './quality-readers.ts';

/** The finer totals compared with a device's day total (day-Cou). */
const FINER_TOTALS = ['min-Cou', 'hour-Cou'];

/** The evaluated window (epoch ms). */
export interface Window {
  from: number;
  to: number;
  /** the end of the data that can exist: min(to, now) — where an ongoing gap ends */
  until: number;
  /** days and months ending by min(to, now − SETTLE_MS) are judged: these */
  days: string[];
  months: string[];
}

/** Events of the window per point, grouped per code and CST day in the database (a chatty device sends many). */
export async function eventFindings(q: Queryable, points: PointRow[], w: Window): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  if (!points.length) return out;
  const byMn = new Map(points.map((p) => [p.mn, p.id]));
  const day = `((at at time zone 'UTC') + interval '8 hours')::date`;
  const group = `count(*)::int as n, min(at) as first, max(at) as last, (array_agg(detail order by at desc))[1] as detail`;
  const range = [new Date(w.from).toISOString(), new Date(w.to).toISOString(), [...ALARM_EVENT_CODES]];
  type G = { point_id: number | null; mn: string | null; code: string; n: number; first: Date; last: Date; detail: string | null };
  // Content events carry the point; refusals only the MN they claimed (indexed as point_id null).
  const own = (await q.query<G>(
    `select point_id, null as mn, code, ${group} from monitoring_events
      where point_id = any($4::int[]) and at >= $1 and at < $2 and code = any($3::text[]) group by point_id, code, ${day}`,
    [...range, points.map((p) => p.id)],
  )).rows;
  const refused = (await q.query<G>(
    `select null::int as point_id, mn, code, ${group} from monitoring_events
      where point_id is null and at >= $1 and at < $2 and code = any($3::text[]) and mn = any($4::text[]) group by mn, code, ${day}`,
    [...range, [...byMn.keys()]],
  )).rows;
  for (const g of [...own, ...refused]) {
    const id = g.point_id ?? byMn.get(g.mn ?? '');
    const f = id !== undefined ? eventFinding({ code: g.code, count: g.n, first: g.first.getTime(), last: g.last.getTime(), detail: g.detail }) : null;
    if (!f || id === undefined) continue;
    if (!out.has(id)) out.set(id, []);
    out.get(id)!.push(f);
  }
  return out;
}

/** Completeness and day totals of the settled days of the window, month totals of the months that ended in it. */
export async function rollupFindings(q: Queryable, p: PointRow, w: Window, factors: ReadonlyMap<string, FactorRules>): Promise<Finding[]> {
  const { days, months } = w;
  if (!days.length && !months.length) return [];
  const findings: Finding[] = [];
  const unit = (factor: string) => factors.get(factor)?.unit ?? '';

  if (days.length) {
    const rows = (await q.query<{ day: string; factor: string; kind: string; n: number; sum: number }>(
      'select day, factor, kind, n, sum from readings_daily where point_id = $1 and day >= $2 and day <= $3',
      [p.id, days[0], days[days.length - 1]],
    )).rows;
    // A series owes its uploads from the day it first reported (a point registered ahead of its device owes nothing).
    const first = (await q.query<{ factor: string; kind: string; first: string }>(
      'select factor, kind, min(day) as first from readings_daily where point_id = $1 and day <= $2 group by factor, kind',
      [p.id, days[days.length - 1]],
    )).rows;
    const uploads = new Map<string, { first: string; received: Map<string, number> }>();
    for (const f of first) {
      const g = groupOf(f.factor, f.kind);
      const u = uploads.get(g);
      if (!u) uploads.set(g, { first: f.first, received: new Map() });
      else if (f.first < u.first) u.first = f.first;
    }
    for (const r of rows) {
      const rec = uploads.get(groupOf(r.factor, r.kind))!.received;
      rec.set(r.day, Math.max(rec.get(r.day) ?? 0, r.n)); // uploads of a period: the most of any suffix
    }
    for (const [g, u] of uploads) {
      const [factor, period] = g.split('|');
      const owed = days.filter((d) => d >= u.first).map((day) => ({ day, received: u.received.get(day) ?? 0 }));
      findings.push(...completenessFindings({ factor, kind: period, pointIntervalSeconds: p.interval_seconds, days: owed }));
    }
    const sums = new Map(rows.map((r) => [`${r.day}|${seriesKey(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, DayTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${r.day}|${seriesKey(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = seriesKey(r.factor, finer);
        if (!totals.has(k)) totals.set(k, []);
        totals.get(k)!.push({ day: r.day, device: r.sum, finer: s });
      }
    }
    for (const [k, t] of totals) {
      const [factor, finerKind] = k.split('|');
      findings.push(...dayTotalFindings(t, { factor, finerKind, unit: unit(factor) }));
    }
  }

  if (months.length) {
    const rows = (await q.query<{ month: string; factor: string; kind: string; sum: number }>(
      `select month, factor, kind, sum from readings_monthly where point_id = $1 and month = any($2::date[]) and kind = any($3::text[])`,
      [p.id, months.map((m) => `${m}-01`), ['day-Cou', ...FINER_TOTALS]],
    )).rows;
    const sums = new Map(rows.map((r) => [`${r.month.slice(0, 7)}|${seriesKey(r.factor, r.kind)}`, r.sum]));
    const totals = new Map<string, MonthTotal[]>();
    for (const r of rows.filter((x) => x.kind === 'day-Cou')) {
      const month = r.month.slice(0, 7);
      for (const finer of FINER_TOTALS) {
        const s = sums.get(`${month}|${seriesKey(r.factor, finer)}`);
        if (s === undefined) continue;
        const k = seriesKey(r.factor, finer);
        if (!totals.has(k)) totals.set(k, []);
        totals.get(k)!.push({ month, device: r.sum, finer: s });
      }
    }
    for (const [k, t] of totals) {
      const [factor, finerKind] = k.split('|');
      findings.push(...monthTotalFindings(t, { factor, finerKind, unit: unit(factor) }));
    }
  }
  return findings;
}
