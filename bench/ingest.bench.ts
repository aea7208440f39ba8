/**
 * End-to-end HJ 212 ingestion (simulated devices → TCP listener → parse → validate → batched store with
 * rollups → 9014) in readings/s, against, in the same run and database, the store path alone (batched
 * insert with rollups, no TCP) and a raw COPY of the same rows into the same readings table.
 *
 *   node --import tsx bench/ingest.bench.ts [readings=200000] [devices=50] [factors=10] [window=16]
 *
 * PGlite always (in memory); PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throw-away
 * database is created and dropped). PostgreSQL COPY is server-side `COPY … FROM 'file'` (the URL's user must
 * be allowed to read server files: a superuser on the project's machines); PGlite COPY uses `/dev/blob`.
 */
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { freshDb } from '../test/helpers/db.ts';
import { migrate, type Db, type DbKind } from '../src/db/index.ts';
import { startHj212Listener } from '../src/ingest/listener.ts';
import { simulate, type SimDevice } from '../src/ingest/simulate.ts';
import { insertReadings, ensurePartitions, type ReadingRow } from '../src/ingest/store.ts';

const total = Number(process.argv[2] ?? 200_000);
const nDevices = Number(process.argv[3] ?? 50);
const nFactors = Number(process.argv[4] ?? 10);
const window = Number(process.argv[5] ?? 16);
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

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
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
    const L = await startHj212Listener(db, { port: 0, host: '127.0.0.1' });
    const t0 = performance.now();
    const sim = await simulate({ host: '127.0.0.1', port: L.port, devices, intervalSeconds: 0, packetsPerDevice: perDevice, window, start: START });
    const e2eMs = performance.now() - t0;
    await L.close();
    const rows = (await db.query<ReadingRow & { t: Date }>('select point_id as "pointId", time as t, factor, kind, value, flag from readings order by time, point_id, factor')).rows
      .map((r) => ({ pointId: r.pointId, time: r.t.getTime(), factor: r.factor, kind: r.kind, value: r.value, flag: r.flag }));
    const check = (await db.query<{ n: number }>('select sum(n)::int as n from readings_monthly')).rows[0].n;
    if (rows.length !== sim.readings || check !== rows.length) throw new Error(`stored ${rows.length}, acked ${sim.readings}, rollups ${check}`);

    // 2. the store path alone: the writer's statement in batches of 5000, one transaction each
    await reset(db);
    await ensurePartitions(db, rows);
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += 5000) await db.tx((q) => insertReadings(q, rows.slice(i, i + 5000)));
    const storeMs = performance.now() - t1;

    // 3. raw COPY of the same rows into the same table (primary key and BRIN maintained, no rollups)
    await reset(db);
    const csv = rows.map((r) => `${r.pointId},${new Date(r.time).toISOString()},${r.factor},${r.kind},${r.value},${r.flag ?? ''}`).join('\n') + '\n';
    const t2 = performance.now();
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
    const copyMs = performance.now() - t2;
    const copied = (await db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n;
    if (copied !== rows.length) throw new Error(`COPY stored ${copied} of ${rows.length}`);
    const e2e = rate(rows.length, e2eMs);
    const copy = rate(rows.length, copyMs);
    console.log(JSON.stringify({
      database: kind, readings: rows.length, devices: nDevices, factorsPerPacket: nFactors, window, packets: sim.acked,
      endToEnd: { seconds: +(e2eMs / 1000).toFixed(2), readingsPerSecond: e2e, packetsPerSecond: rate(sim.acked, e2eMs) },
      storeOnly: { seconds: +(storeMs / 1000).toFixed(2), readingsPerSecond: rate(rows.length, storeMs) },
      rawCopy: { seconds: +(copyMs / 1000).toFixed(2), readingsPerSecond: copy },
      endToEndVsCopy: +(e2e / copy).toFixed(3),
    }));
  } finally {
    await drop();
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) process.env.TEST_DATABASE_URL = url;
for (const kind of (url ? ['pglite', 'postgresql'] : ['pglite']) as DbKind[]) await run(kind);
