import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends, freshDb } from '../helpers/db.ts';
import type { Db } from '../../src/db/index.ts';
import { ensurePartitions, insertReadings, type ReadingRow } from '../../src/ingest/store.ts';
import { ReadingWriter } from '../../src/ingest/writer.ts';

/** A region, an enterprise and a point, written directly (the registry API is tested in test/api). */
export async function seedPoint(db: Db, mn = 'MN-DB-1'): Promise<number> {
  const region = (await db.query<{ id: number }>(`insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city') returning id`)).rows[0].id;
  const org = (await db.query<{ id: number }>(
    `insert into organisations (region_id, kind, name, credit_code) values ($1, 'enterprise', '测试企业', '91510500MA000001XX') returning id`, [region],
  )).rows[0].id;
  return (await db.query<{ id: number }>(
    `insert into monitoring_points (organisation_id, mn, pw, name, quantity) values ($1, $2, '123456', '总表', 'electricity') returning id`, [org, mn],
  )).rows[0].id;
}

// Rows over a month boundary (CST and UTC), several hours, two factors and kinds; values chosen to be exact in binary.
function rowsFor(point: number): ReadingRow[] {
  const out: ReadingRow[] = [];
  const start = Date.UTC(2026, 0, 31, 14, 0, 0); // 2026-01-31 22:00 CST
  for (let i = 0; i < 720; i++) {
    const t = start + i * 60_000;
    out.push({ pointId: point, time: t, factor: 'e10001', kind: 'min-Cou', value: (i % 7) + 0.5, flag: 'N' });
    out.push({ pointId: point, time: t, factor: 'a01014', kind: 'rt-Rtd', value: -(i % 5) * 0.25, flag: null });
  }
  return out;
}

const groupBy = (db: Db, bucket: string) => db.query<Record<string, unknown>>(
  `select point_id, ${bucket} as b, factor, kind, count(*)::int as n, sum(value) as sum, min(value) as min, max(value) as max
     from readings group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
);

for (const kind of backends()) {
  describe(`monitoring storage on ${kind}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let point: number;
    before(async () => {
      ({ db, drop } = await freshDb(kind));
      point = await seedPoint(db);
    });
    after(() => drop());

    test('readings land in monthly partitions; a resend inserts nothing and leaves the rollups unchanged', async () => {
      const rows = rowsFor(point);
      await ensurePartitions(db, rows);
      const parts = (await db.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'readings'::regclass order by 1`)).rows.map((r) => r.name);
      assert.deepEqual(parts, ['readings_202601', 'readings_202602']);
      assert.equal(await db.tx((q) => insertReadings(q, rows)), 1440);
      const before = (await db.query('select * from readings_daily order by 1, 2, 3, 4')).rows;
      assert.equal(await db.tx((q) => insertReadings(q, rows.slice(0, 100))), 0);
      assert.deepEqual((await db.query('select * from readings_daily order by 1, 2, 3, 4')).rows, before);
      assert.equal((await db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n, 1440);
    });

    test('rollups equal a GROUP BY of the raw rows (hour UTC, day and month in CST)', async () => {
      // a second, overlapping batch through the writer: half resent, half new
      const extra = rowsFor(point).map((r) => ({ ...r, time: r.time + 120 * 60_000 }));
      const w = new ReadingWriter(db, { maxRows: 50 });
      await Promise.all([w.submit(extra.slice(0, 200)), w.submit(extra.slice(200))]);
      await w.close();
      assert.equal(w.stats.readingsNew, 240);
      const local = `(time at time zone 'UTC') + interval '8 hours'`;
      const cmp = async (table: string, col: string, bucket: string) => {
        const roll = (await db.query<Record<string, unknown>>(`select point_id, ${col} as b, factor, kind, n, sum, min, max from ${table} order by 1, 2, 3, 4`)).rows;
        const raw = (await groupBy(db, bucket)).rows;
        assert.equal(roll.length, raw.length, table);
        assert.deepEqual(roll, raw, table);
      };
      await cmp('readings_hourly', 'bucket', `date_trunc('hour', time)`);
      await cmp('readings_daily', 'day', `date_trunc('day', ${local})::date`);
      await cmp('readings_monthly', 'month', `date_trunc('month', ${local})::date`);
      const months = (await db.query<{ month: string }>('select distinct month from readings_monthly order by 1')).rows.map((r) => r.month);
      assert.deepEqual(months, ['2026-01-01', '2026-02-01']); // 2026-01-31 22:00 CST is still January
    });

    test('partition creation is idempotent and safe from concurrent callers', async () => {
      const rows: ReadingRow[] = [{ pointId: point, time: Date.UTC(2027, 4, 3), factor: 'x', kind: 'rt-Rtd', value: 1, flag: null }];
      await Promise.all([db.tx((q) => q.query("select readings_ensure_month('2027-05-01')")), db.tx((q) => q.query("select readings_ensure_month('2027-05-20')"))]);
      await ensurePartitions(db, rows);
      assert.equal(await db.tx((q) => insertReadings(q, rows)), 1);
    });
  });
}
