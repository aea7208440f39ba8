import type { Db, Queryable } from '../db/index.ts';
import type { EnterpriseResult } from '../core/accounting/index.ts';
import { cstDay, dayStart } from '../core/monitoring-quality/index.ts';
import { appendAudit, type Actor } from '../server/audit/log.ts';
import { getSetting, setSetting } from '../server/settings.ts';
import { ensurePartitions, insertReadings, type ReadingRow } from '../ingest/store.ts';
import { ACCOUNTING_DEMO } from './accounting.ts';
import { HOUR_MS, MINUTE_MS, hourAmount, minuteWeights, periodValues, scaleTo, unitHash, type DemoSignal } from './monitoring-profile.ts';

/**
 * Registered monitoring points of the demo enterprises, their backfilled history and (live-feed.ts) their live
 * data. HJ 212 defines no codes for energy meters; the e1xxxx–e4xxxx codes (active energy and power, gas,
 * steam and its heat, coal) are this platform's local codes, the a-codes HJ 212-2017's. Every demo point has the
 * HJ 212 default password 123456. All data is made up (monitoring-profile.ts).
 */
export const DEMO_PASSWORD_HJ212 = '123456';

/** Where a demo point's year total comes from: its enterprise's latest report, times (1 + bias). */
interface FromReport {
  measure: 'electricity' | 'co2Direct' | { fuel: string };
  bias: number;
}

export interface DemoPoint {
  org: string;
  mn: string;
  name: string;
  quantity: string;
  feeds: string | null;
  interval: number;
  // No maximum on a factor whose Cou is an amount: limits apply to every kind of the factor.
  factors: Array<{ code: string; unit: string; multiplier?: number; min?: number; max?: number }>;
  signal: DemoSignal;
  report?: FromReport;
}

const ELECTRICITY = (multiplier: number) => [{ code: 'e10001', unit: 'kWh', multiplier, min: 0 }, { code: 'e10002', unit: 'kW', multiplier, min: 0 }];
const CEMS = [{ code: 'a05001', unit: '%', min: 0 }, { code: 'a00000', unit: 'm³/s', min: 0 }, { code: 'a19001', unit: '%', min: 0, max: 21 }];
/** 冬季错峰生产: the cement kilns stand still; the works keep a third of their load. */
const KILN_STOP = (level: number) => [{ from: '01-16', to: '02-05', level }];
const CEMENT = ACCOUNTING_DEMO.cement.name;

export const DEMO_POINTS: readonly DemoPoint[] = [
  {
    org: '泸州江南水泥有限公司（演示）', mn: 'DEMO510502JNSN01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY(200),
    signal: { kind: 'electricity', total: 'e10001', perHour: 11000, diurnal: [0.08, 3], seasonal: [0.05, 300], noise: 0.02, stops: KILN_STOP(0.3), seed: 101 },
  },
  {
    org: '泸州江南水泥有限公司（演示）', mn: 'DEMO510502JNSN02', name: '窑尾烟气CEMS', quantity: 'co2_emission', feeds: 'cems_co2', interval: 60, factors: CEMS,
    signal: { kind: 'cems', total: 'a05001', perHour: 118000, seasonal: [0.04, 300], noise: 0.02, stops: KILN_STOP(0), co2Percent: 23, seed: 102 },
  },
  {
    org: '泸州龙马酿酒有限公司（演示）', mn: 'DEMO510504LMNJ01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY(200),
    signal: { kind: 'electricity', total: 'e10001', perHour: 1800, diurnal: [0.25, 14], noise: 0.03, seed: 103 },
  },
  {
    org: '泸州龙马酿酒有限公司（演示）', mn: 'DEMO510504LMNJ02', name: '蒸汽流量计（带热量）', quantity: 'steam', feeds: 'purchased_heat', interval: 60,
    factors: [{ code: 'e30001', unit: 't', min: 0 }, { code: 'e30002', unit: 'GJ', min: 0 }],
    signal: { kind: 'steam', total: 'e30001', perHour: 6, diurnal: [0.2, 13], noise: 0.03, heatPerTonne: 2.75, seed: 104 },
  },
  {
    org: '纳溪化工有限公司（演示）', mn: 'DEMO510503NXHG01', name: '天然气流量计', quantity: 'natural_gas', feeds: 'natural_gas_combustion', interval: 60, factors: [{ code: 'e20001', unit: 'm³', min: 0 }],
    signal: { kind: 'amount', total: 'e20001', perHour: 2400, diurnal: [0.05, 10], noise: 0.02, seed: 105 },
  },
  {
    org: '泸州云谷数据中心有限公司（演示）', mn: 'DEMO510502YGSJ01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY(200),
    signal: { kind: 'electricity', total: 'e10001', perHour: 7500, diurnal: [0.03, 15], seasonal: [0.06, 210], noise: 0.01, seed: 106 },
  },
  // 示范水泥 (the accounting demo's cement plant): its year totals follow its report within a few per cent.
  {
    org: CEMENT, mn: 'DEMO430000SFSN01', name: '110kV总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY(1000),
    signal: { kind: 'electricity', total: 'e10001', perHour: 16500, diurnal: [0.08, 3], seasonal: [0.05, 300], noise: 0.02, stops: KILN_STOP(0.3), seed: 201 },
    report: { measure: 'electricity', bias: 0.012 },
  },
  {
    org: CEMENT, mn: 'DEMO430000SFSN02', name: '入窑煤粉计量秤', quantity: 'coal', feeds: 'bituminous_coal_combustion', interval: 60, factors: [{ code: 'e40001', unit: 't', min: 0 }],
    signal: { kind: 'amount', total: 'e40001', perHour: 28, seasonal: [0.04, 300], noise: 0.015, stops: KILN_STOP(0), seed: 202 },
    report: { measure: { fuel: '烟煤' }, bias: -0.024 },
  },
  {
    org: CEMENT, mn: 'DEMO430000SFSN03', name: '窑尾烟气CEMS', quantity: 'co2_emission', feeds: 'cems_co2', interval: 60, factors: CEMS,
    signal: { kind: 'cems', total: 'a05001', perHour: 152000, seasonal: [0.04, 300], noise: 0.02, stops: KILN_STOP(0), co2Percent: 24, seed: 203 },
    report: { measure: 'co2Direct', bias: 0.031 },
  },
];

/** Registers the demo points of the enterprises that exist (idempotent by MN), audited. */
export async function loadMonitoringDemo(q: Queryable, actor: Actor, now: Date): Promise<void> {
  for (const p of DEMO_POINTS) {
    const org = (await q.query<{ id: number; region_id: number }>("select id, region_id from organisations where name = $1 and kind = 'enterprise'", [p.org])).rows[0];
    if (!org) continue;
    const ins = await q.query<{ id: number }>(
      `insert into monitoring_points (organisation_id, mn, pw, protocol, name, quantity, interval_seconds, feeds, active, created_at, updated_at)
       values ($1, $2, $3, '2017', $4, $5, $6, $7, true, $8, $8) on conflict (mn) do nothing returning id`,
      [org.id, p.mn, DEMO_PASSWORD_HJ212, p.name, p.quantity, p.interval, p.feeds, now],
    );
    if (!ins.rows[0]) continue;
    for (const f of p.factors) {
      await q.query(
        'insert into monitoring_point_factors (point_id, code, unit, multiplier, min_value, max_value) values ($1, $2, $3, $4, $5, $6)',
        [ins.rows[0].id, f.code, f.unit, f.multiplier ?? 1, f.min ?? null, f.max ?? null],
      );
    }
    const { signal: _s, report: _r, ...registered } = p;
    await appendAudit(q, actor, { action: 'create', entityType: 'monitoring_point', entityId: p.mn, regionId: org.region_id, organisationId: org.id, after: registered }, now);
  }
}

/** A demo point as registered now, with its signal scaled to its enterprise's report. */
export interface PlayedPoint {
  id: number;
  mn: string;
  pw: string;
  active: boolean;
  intervalSeconds: number;
  multiplier: Map<string, number>;
  signal: DemoSignal;
  /** multiplies hourAmount: 1, or what makes the report year's hours add up to the report (× 1 + bias) */
  scale: number;
  /** the year of the report the scale follows */
  reportYear: number | null;
}

const yearBounds = (y: number) => [Date.parse(`${y}-01-01T00:00:00+08:00`), Date.parse(`${y + 1}-01-01T00:00:00+08:00`)] as const;

function reportTarget(r: EnterpriseResult, m: FromReport['measure']): number {
  if (m === 'electricity') return r.indirect.electricity.net.value;
  if (m === 'co2Direct') return r.totals.co2Direct.value * 1000; // a05001 Cou is in kg
  return r.combustion.lines.filter((l) => l.fuel === m.fuel).reduce((a, l) => a + l.amount.value, 0);
}

/** Days of hourly history up to the load time (besides the whole report year of the points that follow a report). */
export const HISTORY_DAYS = 60;
const HISTORY_SETTING = 'demo_monitoring_history';

interface HistorySetting {
  loadedAt: string;
  rows: number;
  /** the scale each point's history was written with: the live feed keeps it, whatever reports come later */
  scales: Record<string, { scale: number; reportYear: number | null }>;
}

/** The demo points that are registered, with their signals (points a user deleted are left alone). */
export async function playedPoints(q: Queryable): Promise<PlayedPoint[]> {
  const out: PlayedPoint[] = [];
  const history = await getSetting<HistorySetting>(q, HISTORY_SETTING);
  for (const p of DEMO_POINTS) {
    const row = (await q.query<{ id: number; pw: string; active: boolean; interval_seconds: number; organisation_id: number }>(
      'select id, pw, active, interval_seconds, organisation_id from monitoring_points where mn = $1', [p.mn],
    )).rows[0];
    if (!row) continue;
    const factors = (await q.query<{ code: string; multiplier: number }>('select code, multiplier from monitoring_point_factors where point_id = $1', [row.id])).rows;
    let { scale, reportYear } = history?.scales?.[p.mn] ?? { scale: 1, reportYear: null as number | null };
    if (p.report && !history?.scales?.[p.mn]) {
      const rep = (await q.query<{ year: number; result: EnterpriseResult }>(
        'select year, result from enterprise_reports where organisation_id = $1 order by year desc limit 1', [row.organisation_id],
      )).rows[0];
      const target = rep ? reportTarget(rep.result, p.report.measure) : 0;
      if (rep && target > 0) {
        reportYear = rep.year;
        scale = scaleTo(p.signal, ...yearBounds(rep.year), target * (1 + p.report.bias));
      }
    }
    out.push({ id: row.id, mn: p.mn, pw: row.pw, active: row.active, intervalSeconds: row.interval_seconds, multiplier: new Map(factors.map((f) => [f.code, f.multiplier])), signal: p.signal, scale, reportYear });
  }
  return out;
}


/**
 * The faults placed on purpose, relative to the CST day of the load time, so that the data-quality rules (the
 * alarm list) have something to show within their default two-day window:
 * - `dayTotal`: the 示范水泥 electricity meter's daily total (day-Cou) two days ago is 6 % above its hours;
 * - `counterReset`: its register (e10001 rt-Rtd, minute by minute from the day before) restarts yesterday at
 *   10:00 (a replaced meter) — the metered month is unaffected: it sums interval totals;
 * - `spike`: its mean power (e10002 hour-Avg) yesterday 15:00 is six times the level;
 * - `gap`: the coal scale sends nothing yesterday 02:00–07:00 (5 hours); its daily total still arrives, so
 *   that day's amount is taken from it.
 */
export const DEMO_FAULTS = {
  dayTotal: { mn: 'DEMO430000SFSN01', daysAgo: 2, factor: 1.06 },
  counterReset: { mn: 'DEMO430000SFSN01', daysAgo: 1, hour: 10, raw: 3.5 },
  spike: { mn: 'DEMO430000SFSN01', daysAgo: 1, hour: 15, factor: 6 },
  gap: { mn: 'DEMO430000SFSN02', daysAgo: 1, hour: 2, hours: 5 },
} as const;

/** The raw register value a demo electricity meter starts with. */
export const registerStart = (p: PlayedPoint) => 10_000 + Math.floor(50_000 * unitHash(p.signal.seed, 1));

/**
 * The readings of one point's history: hourly data (2061) in [from, to) and the daily totals (2031) of its whole
 * days. `lean` (a report year): totals and electric power only, which is what the year's figures and charts use.
 */
export function historyRows(p: PlayedPoint, from: number, to: number, o: { lean: boolean; today: number }): ReadingRow[] {
  const rows: ReadingRow[] = [];
  const push = (time: number, factor: string, kind: string, value: number) => rows.push({ pointId: p.id, time, factor, kind, value, flag: 'N' });
  const at = (f: { daysAgo: number; hour?: number }) => o.today - f.daysAgo * 86_400_000 + (f.hour ?? 0) * HOUR_MS;
  const F = DEMO_FAULTS;
  let day = '';
  let dayStartMs = 0;
  let daySum = 0;
  const closeDay = () => {
    if (day && dayStartMs >= from && dayStartMs + 86_400_000 <= to) {
      push(dayStartMs, p.signal.total, 'day-Cou', daySum * (F.dayTotal.mn === p.mn && dayStartMs === at(F.dayTotal) ? F.dayTotal.factor : 1));
    }
  };
  for (let t = from; t < to; t += HOUR_MS) {
    if (cstDay(t) !== day) {
      closeDay();
      day = cstDay(t);
      dayStartMs = dayStart(day);
      daySum = 0;
    }
    const amount = hourAmount(p.signal, t) * p.scale;
    daySum += amount;
    if (F.gap.mn === p.mn && t >= at(F.gap) && t < at(F.gap) + F.gap.hours * HOUR_MS) continue;
    for (const v of periodValues(p.signal, amount, 1, t)) {
      if (o.lean && v.suffix !== 'Cou' && v.factor !== 'e10002') continue;
      const spike = F.spike.mn === p.mn && v.factor === 'e10002' && t === at(F.spike) ? F.spike.factor : 1;
      push(t, v.factor, `hour-${v.suffix}`, v.value * spike);
    }
  }
  closeDay();
  return rows;
}

/**
 * The meter register (e10001 rt-Rtd, every minute as a data logger's real-time data) of the point with the
 * counter fault, from the start of the day before the fault to `to`: it counts up by the minutes' amounts and
 * restarts at the fault. Other meters' registers start with the live feed.
 */
export function registerRows(p: PlayedPoint, to: number, today: number): ReadingRow[] {
  const F = DEMO_FAULTS.counterReset;
  if (p.mn !== F.mn) return [];
  const mult = p.multiplier.get(p.signal.total) ?? 1;
  const reset = today - F.daysAgo * 86_400_000 + F.hour * HOUR_MS;
  const rows: ReadingRow[] = [];
  let register = registerStart(p) * mult;
  for (let h = today - (F.daysAgo + 1) * 86_400_000; h < to; h += HOUR_MS) {
    const w = minuteWeights(p.signal, h);
    const amount = hourAmount(p.signal, h) * p.scale;
    for (let i = 0; i < 60 && h + i * MINUTE_MS < to; i++) {
      const t = h + i * MINUTE_MS;
      if (t === reset) register = F.raw * mult;
      rows.push({ pointId: p.id, time: t, factor: p.signal.total, kind: 'rt-Rtd', value: register, flag: 'N' });
      register += (amount / 60) * w[i];
    }
  }
  return rows;
}

/**
 * Backfills the demo points' history once (a setting remembers it): hourly data and daily totals for the last
 * HISTORY_DAYS days up to `now`, and for the whole year of the report a point's totals follow. Written through
 * the ingestion store (partitions, idempotent insert, rollups), in one transaction. Registers the demo points
 * first if an older demo database lacks them.
 */
export async function loadMonitoringHistory(db: Db, now: Date, actor: Actor): Promise<{ rows: number } | null> {
  if (await getSetting<HistorySetting>(db, HISTORY_SETTING)) return null;
  await db.tx((q) => loadMonitoringDemo(q, actor, now));
  const today = dayStart(cstDay(now.getTime()));
  const recentFrom = today - HISTORY_DAYS * 86_400_000;
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const points = await playedPoints(db);
  const batches: ReadingRow[][] = [];
  for (const p of points) {
    if (p.reportYear !== null) {
      const [from, to] = yearBounds(p.reportYear);
      if (from < recentFrom) batches.push(historyRows(p, from, Math.min(to, recentFrom, lastHour), { lean: true, today }));
    }
    batches.push(historyRows(p, recentFrom, lastHour, { lean: false, today }), registerRows(p, now.getTime(), today));
  }
  const all = batches.flat();
  await ensurePartitions(db, all);
  await db.tx(async (q) => {
    for (let i = 0; i < all.length; i += 10_000) await insertReadings(q, all.slice(i, i + 10_000));
    const done: HistorySetting = { loadedAt: now.toISOString(), rows: all.length, scales: Object.fromEntries(points.map((p) => [p.mn, { scale: p.scale, reportYear: p.reportYear }])) };
    await setSetting(q, HISTORY_SETTING, done);
  });
  return { rows: all.length };
}
