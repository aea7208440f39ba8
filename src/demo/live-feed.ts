import type { Db } from '../db/index.ts';
import { encodeUpload, formatHj212Time, formatQn, type ReadingInput } from '../core/hj212/index.ts';
import { cstDay, dayStart } from '../core/monitoring-quality/index.ts';
import { Hj212Client } from '../ingest/client.ts';
import { HOUR_MS, MINUTE_MS, hourAmount, minuteWeights, periodValues, type DemoValue } from './monitoring-profile.ts';
import { playedPoints, registerStart, type PlayedPoint } from './monitoring.ts';

export interface DemoFeedOptions {
  db: Db;
  /** the platform's HJ 212 listener */
  port: number;
  host?: string;
  /** between ticks (default 60 000); 0: no timer, the caller calls tick() */
  intervalMs?: number;
  now?: () => Date;
  log?: { warn(obj: object, msg: string): void };
}

export interface DemoFeed {
  /** Sends what is due now: the minutes since the last one sent (at most CATCH_UP), hour and day data at their ends, real-time data. */
  tick(): Promise<void>;
  /** Stops the timer, waits for a tick in progress, closes the connections. */
  close(): Promise<void>;
  readonly stats: { ticks: number; packets: number; acked: number; failures: number };
}

/** Minutes a device sends again after a pause (a logger's buffer); older ones stay missing. */
const CATCH_UP = 10;
/** The points are read again every this many ticks (a user may deactivate one or change its password). */
const REFRESH_TICKS = 10;

interface Device {
  point: PlayedPoint;
  client: Hj212Client | null;
  /** start of the last minute acknowledged */
  lastMinute: number;
  /** stored value of the energy register (electricity meters) */
  register: number | null;
  lastQn: number;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Values → HJ 212 factor groups in raw device units (stored = raw × multiplier). */
function groups(p: PlayedPoint, values: readonly DemoValue[] | readonly { factor: string; suffix: 'Rtd'; value: number }[]): ReadingInput[] {
  const by = new Map<string, Record<string, number>>();
  for (const v of values) {
    const g = by.get(v.factor) ?? {};
    g[v.suffix] = round(v.value / (p.multiplier.get(v.factor) ?? 1));
    by.set(v.factor, g);
  }
  return [...by].map(([code, vals]) => ({ code, values: vals, flag: 'N' }));
}

/**
 * Plays the demo points (monitoring.ts) as HJ 212 data loggers against the platform's listener: every minute
 * each sends its minute data (CN 2051) and real-time data (2011: register and power, CEMS readings), at the end
 * of an hour its hourly data (2061) and at the end of a CST day its daily totals (2031), each acknowledged
 * (9014) before the next. Values continue the backfilled history (the same signals and scale). A device whose
 * connection fails reconnects on the next tick and sends the minutes it missed, up to CATCH_UP.
 */
export async function startDemoFeed(o: DemoFeedOptions): Promise<DemoFeed> {
  const host = o.host ?? '127.0.0.1';
  const now = o.now ?? (() => new Date());
  const stats = { ticks: 0, packets: 0, acked: 0, failures: 0 };
  const devices = new Map<string, Device>();
  let running: Promise<void> | null = null;
  let closed = false;

  async function refresh() {
    const points = (await playedPoints(o.db)).filter((p) => p.active);
    for (const p of points) {
      const d = devices.get(p.mn);
      if (d) {
        if (d.point.pw !== p.pw) { await d.client?.close(); d.client = null; }
        d.point = p;
        continue;
      }
      const m = Math.floor(now().getTime() / MINUTE_MS) * MINUTE_MS;
      let register: number | null = null;
      if (p.signal.kind === 'electricity') {
        const last = (await o.db.query<{ value: number }>(
          "select value from readings where point_id = $1 and factor = $2 and kind = 'rt-Rtd' order by time desc limit 1", [p.id, p.signal.total],
        )).rows[0];
        register = last?.value ?? registerStart(p) * (p.multiplier.get(p.signal.total) ?? 1);
      }
      devices.set(p.mn, { point: p, client: null, lastMinute: m - 2 * MINUTE_MS, register, lastQn: 0 });
    }
    for (const [mn, d] of devices) {
      if (points.some((p) => p.mn === mn)) continue;
      await d.client?.close();
      devices.delete(mn);
    }
  }

  async function send(d: Device, cn: string, at: number, readings: ReadingInput[]): Promise<boolean> {
    if (!readings.length) return true;
    try {
      d.client ??= await Hj212Client.open(host, o.port);
      d.lastQn = Math.max(now().getTime(), d.lastQn + 1);
      const qn = formatQn(new Date(d.lastQn));
      stats.packets++;
      await d.client.sendAndWait(encodeUpload({ cn, st: '31', pw: d.point.pw, mn: d.point.mn, qn, dataTime: formatHj212Time(new Date(at)), readings }), qn, 15_000);
      stats.acked++;
      return true;
    } catch (e) {
      stats.failures++;
      o.log?.warn({ mn: d.point.mn, cn, err: (e as Error).message }, 'demo feed: upload not acknowledged; retried on the next tick');
      await d.client?.close().catch(() => undefined);
      d.client = null;
      return false;
    }
  }

  async function play(d: Device, current: number) {
    const p = d.point;
    const amountOfHour = (h: number) => hourAmount(p.signal, h) * p.scale;
    for (let k = Math.max(d.lastMinute + MINUTE_MS, current - CATCH_UP * MINUTE_MS); k < current; k += MINUTE_MS) {
      const hour = Math.floor(k / HOUR_MS) * HOUR_MS;
      const amount = (amountOfHour(hour) / 60) * minuteWeights(p.signal, hour)[(k - hour) / MINUTE_MS];
      const minute: DemoValue[] = periodValues(p.signal, amount, 1 / 60, k);
      if (p.signal.kind === 'cems') minute.push({ factor: 'a19001', suffix: 'Avg', value: 9 + o2Wobble(p, k) });
      if (!(await send(d, '2051', k, groups(p, minute)))) return;
      if (d.register !== null) d.register += amount;
      const end = k + MINUTE_MS;
      if (end % HOUR_MS === 0 && !(await send(d, '2061', hour, groups(p, periodValues(p.signal, amountOfHour(hour), 1, hour))))) return;
      if (end === dayStart(cstDay(end))) {
        const day = end - 86_400_000;
        let total = 0;
        for (let h = day; h < end; h += HOUR_MS) total += amountOfHour(h);
        if (!(await send(d, '2031', day, groups(p, periodValues(p.signal, total, 24, day))))) return;
      }
      d.lastMinute = k;
    }
    const rt: { factor: string; suffix: 'Rtd'; value: number }[] = [];
    const hour = Math.floor(current / HOUR_MS) * HOUR_MS;
    const rate = amountOfHour(hour) * minuteWeights(p.signal, hour)[(current - hour) / MINUTE_MS];
    if (p.signal.kind === 'electricity') rt.push({ factor: p.signal.total, suffix: 'Rtd', value: d.register ?? 0 }, { factor: 'e10002', suffix: 'Rtd', value: rate });
    if (p.signal.kind === 'cems') {
      for (const v of periodValues(p.signal, rate, 1, current)) if (v.suffix === 'Avg') rt.push({ factor: v.factor, suffix: 'Rtd', value: v.value });
      rt.push({ factor: 'a19001', suffix: 'Rtd', value: 9 + o2Wobble(p, current) });
    }
    await send(d, '2011', current, groups(p, rt));
  }

  async function tick() {
    if (closed) return;
    if (running) return running;
    running = (async () => {
      if (stats.ticks++ % REFRESH_TICKS === 0) await refresh();
      const current = Math.floor(now().getTime() / MINUTE_MS) * MINUTE_MS;
      await Promise.all([...devices.values()].map((d) => play(d, current)));
    })().catch((e: unknown) => {
      stats.failures++;
      o.log?.warn({ err: (e as Error).message }, 'demo feed: tick failed');
    }).finally(() => { running = null; });
    return running;
  }

  const interval = o.intervalMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  if (interval > 0) {
    // The first tick a couple of seconds after the next full minute, so that minute has ended everywhere.
    const first = MINUTE_MS - (Date.now() % MINUTE_MS) + 2000;
    const again = () => {
      if (closed) return;
      void tick();
      timer = setTimeout(again, interval);
      timer.unref();
    };
    timer = setTimeout(again, interval === 60_000 ? first : interval);
    timer.unref();
  }

  return {
    tick, stats,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running;
      for (const d of devices.values()) await d.client?.close().catch(() => undefined);
      devices.clear();
    },
  };
}

/** The CEMS oxygen reading's slow wobble around 9 %: ± 0.5. */
function o2Wobble(p: PlayedPoint, t: number): number {
  return Math.round((Math.sin(t / 3_600_000 + p.signal.seed) * 0.5) * 100) / 100;
}
