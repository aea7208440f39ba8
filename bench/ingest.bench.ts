/**
 * End-to-end HJ 212 ingestion (simulated devices → TCP listener → parse → validate → batched store with
 * rollups → 9014) in readings/s, against, in the same run and database, the writer alone (the same rows
 * submitted packet by packet, no TCP), the store statement alone (batches of 5,000, one connection) and a
 * raw COPY of the same rows into the same readings table. The simulated devices run in a child process.
 *
 *   node --import tsx bench/ingest.bench.ts [readings=200000] [devices=50] [factors=10] [window=16] [lanes]
 *
 * `lanes`: writer connections (default: the writer's, 2 on PostgreSQL, 1 on PGlite).
 * `BENCH_ONLY=e2e` runs the end-to-end step alone and `BENCH_DB=postgresql` (or `pglite`) one database alone,
 * e.g. under `node --cpu-prof` to profile the listener.
 *
 * PGlite always (in memory); PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throw-away
 * database is created and dropped). PostgreSQL COPY is server-side `COPY … FROM 'file'` (the URL's user must
 * be allowed to read server files: a superuser on the project's machines); PGlite COPY uses `/dev/blob`.
 */
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fork } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { freshDb } from '../test/helpers/db.ts';
import { migrate, type Db, type DbKind } from '../src/db/index.ts';
import { startHj212Listener } from '../src/ingest/listener.ts';
import type { SimDevice, SimOptions, SimResult } from '../src/ingest/simulate.ts';
import { ReadingWriter } from '../src/ingest/writer.ts';
import { insertReadings, ensurePartitions, type ReadingRow } from '../src/ingest/store.ts';

const total = Number(process.argv[2] ?? 200_000);
const nDevices = Number(process.argv[3] ?? 50);
const nFactors = Number(process.argv[4] ?? 10);
const window = Number(process.argv[5] ?? 16);
const lanes = process.argv[6] ? Number(process.argv[6]) : undefined;
const perDevice = Math.ceil(total / nDevices / nFactors);
const START = new Date('2026-06-01T00:00:00Z');

/** PGlite with its own handle kept, for the `/dev/blob` COPY the Db interface does not offer. */
async function pgliteDb(): Promise<{ db: Db; pg: PGlite }> {
  const pg = new PGlite('memory://');
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>) => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const r = await q.query<T>(text, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(script: string) { await q.exec(script); },
  });
  const base = wrap(pg);
  const db: Db = {
    kind: 'pglite', query: base.query, exec: base.exec, tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    serverVersion: async () => '', close: () => pg.close(),
  };
  await migrate(db);
  return { db, pg };
}

async function seed(db: Db): Promise<SimDevice[]> {
  const region = (await db.query<{ id: number }>(`insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city') returning id`)).rows[0].id;
  const org = (await db.query<{ id: number }>(`insert into organisations (region_id, kind, name, credit_code) values ($1, 'enterprise', '基准企业', '91510500MA000001XX') returning id`, [region])).rows[0].id;
  const factors = Array.from({ length: nFactors }, (_, i) => `e1${String(i).padStart(4, '0')}`);
  const devices: SimDevice[] = [];
  for (let d = 0; d < nDevices; d++) {
    const mn = `BENCH${String(d).padStart(5, '0')}`;
    const id = (await db.query<{ id: number }>(`insert into monitoring_points (organisation_id, mn, pw, name, quantity) values ($1, $2, '123456', $2, 'electricity') returning id`, [org, mn])).rows[0].id;
    for (const code of factors) await db.query(`insert into monitoring_point_factors (point_id, code, unit) values ($1, $2, 'kWh')`, [id, code]);
    devices.push({ mn, pw: '123456', factors });
  }
  return devices;
}

/** Starts the simulated devices' process (see ingest-devices.ts); `run` plays them once it has loaded. */
async function devicesProcess(): Promise<{ run: (o: SimOptions) => Promise<SimResult> }> {
  const child = fork(new URL('./ingest-devices.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
  });
  return {
    run: (o) => new Promise((resolve, reject) => {
      child.once('message', (r) => resolve(r as SimResult));
      child.once('exit', (code) => code && reject(new Error(`device process exited with ${code}`)));
      child.send({ ...o, start: o.start?.toISOString() });
    }),
  };
}

/** CPU time (µs) of the database server's backends for this database, when the server runs on this machine. */
async function serverCpu(db: Db): Promise<Map<number, number> | null> {
  if (db.kind !== 'postgresql') return new Map(); // PGlite runs inside this process
  const pids = (await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')).rows.map((r) => r.pid);
  const out = new Map<number, number>();
  try {
    for (const pid of pids) {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) * (1e6 / 100)); // utime + stime, in clock ticks of 1/100 s
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * Wall time and CPU time of a step: this process (listener, writer, driver; PGlite itself) plus the server's
 * backends. CPU per reading holds up on a loaded machine, where the wall-clock rates vary from run to run.
 */
async function measure<T>(db: Db, fn: () => Promise<T>): Promise<{ ms: number; cpuUs: number | null; out: T }> {
  const s0 = await serverCpu(db);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const s1 = await serverCpu(db);
  // A backend that started during the step counts from zero (its whole life falls inside the step).
  const server = s0 && s1 ? [...s1].reduce((sum, [pid, us]) => sum + us - (s0.get(pid) ?? 0), 0) : null;
  return { ms, cpuUs: server === null ? null : c.user + c.system + server, out };
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const perReading = (us: number | null, n: number) => (us === null ? null : +(us / n).toFixed(1));
const reset = (db: Db) => db.exec('truncate readings, readings_hourly, readings_daily, readings_monthly, monitoring_events');

async function run(kind: DbKind) {
  let db: Db;
  let pg: PGlite | undefined;
  let drop: () => Promise<void>;
  if (kind === 'pglite') {
    ({ db, pg } = await pgliteDb());
    drop = () => db.close();
  } else {
    ({ db, drop } = await freshDb('postgresql'));
  }
  try {
    const devices = await seed(db);
    // 1. end to end
    const L = await startHj212Listener(db, { port: 0, host: '127.0.0.1', writer: { lanes } });
    const devicesElsewhere = await devicesProcess();
    const e2e = await measure(db, () => devicesElsewhere.run({ host: '127.0.0.1', port: L.port, devices, intervalSeconds: 0, packetsPerDevice: perDevice, window, start: START }));
    const sim = e2e.out;
    const batches = L.writer.stats.batches;
    await L.close();
    const rows = (await db.query<ReadingRow & { t: Date }>('select point_id as "pointId", time as t, factor, kind, value, flag from readings order by time, point_id, factor')).rows
      .map((r) => ({ pointId: r.pointId, time: r.t.getTime(), factor: r.factor, kind: r.kind, value: r.value, flag: r.flag }));
    const check = (await db.query<{ n: number }>('select sum(n)::int as n from readings_monthly')).rows[0].n;
    if (rows.length !== sim.readings || check !== rows.length) throw new Error(`stored ${rows.length}, acked ${sim.readings}, rollups ${check}`);
    if (process.env.BENCH_ONLY === 'e2e') {
      console.log(JSON.stringify({ database: kind, readings: rows.length, lanes: L.writer.lanes, load: loadavg().map((x) => +x.toFixed(1)),
        endToEnd: { seconds: +(e2e.ms / 1000).toFixed(2), readingsPerSecond: rate(rows.length, e2e.ms), cpuUsPerReading: perReading(e2e.cpuUs, rows.length), batches } }));
      return;
    }

    // 2. the writer alone: the same rows submitted packet by packet (all at once), no TCP, no parsing
    await reset(db);
    const w = new ReadingWriter(db, { lanes });
    const writer = await measure(db, async () => {
      const subs: Promise<void>[] = [];
      for (let i = 0; i < rows.length; i += nFactors) subs.push(w.submit(rows.slice(i, i + nFactors)));
      await Promise.all(subs);
    });
    await w.close();

    // 3. the store statement alone: batches of 5000, one transaction each, on one connection
    await reset(db);
    await ensurePartitions(db, rows);
    const store = await measure(db, async () => {
      for (let i = 0; i < rows.length; i += 5000) await db.tx((q) => insertReadings(q, rows.slice(i, i + 5000)));
    });

    // 4. raw COPY of the same rows into the same table (primary key and BRIN maintained, no rollups)
    await reset(db);
    const csv = rows.map((r) => `${r.pointId},${new Date(r.time).toISOString()},${r.factor},${r.kind},${r.value},${r.flag ?? ''}`).join('\n') + '\n';
    const copy = await measure(db, async () => {
      if (pg) {
        await pg.query(`copy readings (point_id, time, factor, kind, value, flag) from '/dev/blob' (format csv)`, [], { blob: new Blob([csv]) });
      } else {
        const file = join(tmpdir(), `st-bench-${process.pid}.csv`);
        writeFileSync(file, csv, { mode: 0o644 });
        try {
          await db.query(`copy readings (point_id, time, factor, kind, value, flag) from '${file}' (format csv)`);
        } finally {
          rmSync(file, { force: true });
        }
      }
    });
    const copied = (await db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n;
    if (copied !== rows.length) throw new Error(`COPY stored ${copied} of ${rows.length}`);
    const n = rows.length;
    const step = (m: { ms: number; cpuUs: number | null }) => ({ seconds: +(m.ms / 1000).toFixed(2), readingsPerSecond: rate(n, m.ms), cpuUsPerReading: perReading(m.cpuUs, n) });
    console.log(JSON.stringify({
      database: kind, readings: n, devices: nDevices, factorsPerPacket: nFactors, window, packets: sim.acked, lanes: L.writer.lanes, load: loadavg().map((x) => +x.toFixed(1)),
      endToEnd: { ...step(e2e), packetsPerSecond: rate(sim.acked, e2e.ms), batches },
      writerOnly: { ...step(writer), batches: w.stats.batches },
      storeOnly: step(store),
      rawCopy: step(copy),
      endToEndVsCopy: +(copy.ms / e2e.ms).toFixed(3),
      writerVsCopy: +(copy.ms / writer.ms).toFixed(3),
      cpuCopyVsEndToEnd: copy.cpuUs && e2e.cpuUs ? +(copy.cpuUs / e2e.cpuUs).toFixed(3) : null,
    }));
  } finally {
    await drop();
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) process.env.TEST_DATABASE_URL = url;
const kinds = (url ? ['pglite', 'postgresql'] : ['pglite']) as DbKind[];
for (const kind of kinds) if (!process.env.BENCH_DB || process.env.BENCH_DB === kind) await run(kind);
