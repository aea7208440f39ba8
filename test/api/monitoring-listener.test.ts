import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { backends, freshDb } from '../helpers/db.ts';
import type { Db } from '../../src/db/index.ts';
import { startHj212Listener, type RunningListener } from '../../src/ingest/listener.ts';
import { Hj212Client } from '../../src/ingest/client.ts';
import { encodeFrame, encodeUpload, encodeUploadParts, formatHj212Time, type UploadInput } from '../../src/core/hj212/index.ts';

const NOW = new Date('2026-03-01T08:00:00Z');
const count = async (db: Db, sql: string, args: unknown[] = []) => (await db.query<{ n: number }>(sql, args)).rows[0].n;

async function seed(db: Db): Promise<void> {
  const region = (await db.query<{ id: number }>(`insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city') returning id`)).rows[0].id;
  const org = (await db.query<{ id: number }>(`insert into organisations (region_id, kind, name, credit_code) values ($1, 'enterprise', '测试', '91510500MA000001XX') returning id`, [region])).rows[0].id;
  for (const [mn, active] of [['MN0001', true], ['MN0002', true], ['MNOFF', false]] as const) {
    const id = (await db.query<{ id: number }>(`insert into monitoring_points (organisation_id, mn, pw, name, quantity, active) values ($1, $2, '123456', 'p', 'electricity', $3) returning id`, [org, mn, active])).rows[0].id;
    await db.query(`insert into monitoring_point_factors (point_id, code, unit, multiplier, min_value) values ($1, 'e10001', 'kWh', 2, 0), ($1, 'a01014', '%', 1, null)`, [id]);
  }
}

let qnSeq = 0;
const qn = () => `20260301160000${String(++qnSeq).padStart(3, '0')}`;
function upload(over: Partial<UploadInput> & { minute?: number } = {}): { seg: string; qn: string } {
  const q = over.qn ?? qn();
  const t = new Date(NOW.getTime() - 3600_000 + (over.minute ?? 0) * 60_000);
  const seg = encodeUpload({
    cn: '2051', st: '31', pw: '123456', mn: 'MN0001', dataTime: formatHj212Time(t), qn: q,
    readings: [{ code: 'e10001', values: { Cou: 10.5 }, flag: 'N' }, { code: 'a01014', values: { Avg: 3.25, Max: 4 }, flag: 'N' }],
    ...over,
  });
  return { seg, qn: q };
}

for (const kind of backends()) {
  describe(`HJ 212 listener on ${kind}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let L: RunningListener;
    const open = () => Hj212Client.open('127.0.0.1', L.port);
    before(async () => {
      ({ db, drop } = await freshDb(kind));
      await seed(db);
      L = await startHj212Listener(db, { port: 0, host: '127.0.0.1', now: () => NOW, idleMs: 1500 });
    });
    after(async () => {
      await L.close();
      await drop();
    });

    test('the 9014 arrives only after the readings are in the table; values scaled by the meter constant', async () => {
      const c = await open();
      const u = upload({ minute: 0 });
      const ack = await c.sendAndWait(u.seg, u.qn);
      assert.equal(ack.cn, '9014');
      assert.equal(ack.mn, 'MN0001');
      assert.equal(ack.flag?.value, 4); // 2017 version bits, A cleared
      // Read at once after the ack: it was sent after the commit.
      const rows = (await db.query<{ factor: string; kind: string; value: number }>('select factor, kind, value from readings order by factor, kind')).rows;
      assert.deepEqual(rows, [
        { factor: 'a01014', kind: 'min-Avg', value: 3.25 }, { factor: 'a01014', kind: 'min-Max', value: 4 }, { factor: 'e10001', kind: 'min-Cou', value: 21 },
      ]);
      await c.close();
    });

    test('no acknowledgement when the Flag does not ask for one, but the data is stored', async () => {
      const c = await open();
      const u = upload({ minute: 1, needsAck: false });
      c.send(u.seg);
      const asked = upload({ minute: 2 });
      await c.sendAndWait(asked.seg, asked.qn); // a later packet's ack: everything before it is processed
      assert.equal(c.received.filter((p) => p.qn === u.qn).length, 0);
      assert.equal(await count(db, 'select count(*)::int as n from readings where time = $1', [new Date(NOW.getTime() - 3600_000 + 60_000).toISOString()]), 3);
      await c.close();
    });

    test('a resent packet is acknowledged again and changes nothing', async () => {
      const c = await open();
      const u = upload({ minute: 3 });
      await c.sendAndWait(u.seg, u.qn);
      const before = (await db.query('select * from readings_hourly order by 1, 2, 3, 4')).rows;
      const n = await count(db, 'select count(*)::int as n from readings');
      const again = await c.sendAndWait(u.seg, u.qn);
      assert.equal(again.cn, '9014');
      assert.equal(await count(db, 'select count(*)::int as n from readings'), n);
      assert.deepEqual((await db.query('select * from readings_hourly order by 1, 2, 3, 4')).rows, before);
      await c.close();
    });

    test('unknown MN, wrong PW and an inactive point are refused, logged and closed', async () => {
      for (const [mn, pw, code] of [['NOPE', '123456', 'unknown_mn'], ['MN0002', 'bad', 'wrong_pw'], ['MNOFF', '123456', 'inactive_point']]) {
        const c = await open();
        const u = upload({ mn, pw, minute: 4 });
        await assert.rejects(c.sendAndWait(u.seg, u.qn, 5000), /closed/);
        await c.closed;
        for (let i = 0; i < 50 && !(await count(db, 'select count(*)::int as n from monitoring_events where code = $1', [code])); i++) await new Promise((r) => setTimeout(r, 20));
        assert.equal(await count(db, 'select count(*)::int as n from monitoring_events where code = $1 and mn = $2', [code, mn]), 1, code);
      }
      assert.equal(await count(db, "select count(*)::int as n from readings r join monitoring_points p on p.id = r.point_id where p.mn <> 'MN0001'"), 0);
    });

    test('hostile streams are closed; the listener keeps serving', async () => {
      const junk = await open();
      junk.writeRaw('##9999' + 'A'.repeat(20_000));
      for (let i = 0; i < 40; i++) junk.writeRaw(`##0010QN=1;CN=2011&&FFFF\r\n`);
      await junk.closed;
      const bin = await open();
      bin.writeRaw(new Uint8Array(64 * 1024).map((_, i) => (i * 7919) % 256));
      bin.writeRaw('##'.repeat(200));
      await Promise.race([bin.closed, new Promise((r) => setTimeout(r, 500))]);
      await bin.close();
      assert.ok(L.stats.closedHostile >= 1);
      const c = await open();
      const u = upload({ minute: 5 });
      assert.equal((await c.sendAndWait(u.seg, u.qn)).cn, '9014');
      await c.close();
    });

    test('sub-packets are stored and each acknowledged with its own QN; content warnings are recorded', async () => {
      const c = await open();
      const readings = Array.from({ length: 60 }, (_, i) => ({ code: `e1${String(i).padStart(4, '0')}`, values: { Cou: i, Avg: -1 }, flag: 'N', info: 'x'.repeat(30) }));
      const base = qn();
      const parts = encodeUploadParts({ cn: '2061', st: '31', pw: '123456', mn: 'MN0001', dataTime: formatHj212Time(new Date(NOW.getTime() - 7200_000)), readings }, (pno) => `${base.slice(0, -3)}${String(500 + pno)}`, 1024);
      assert.ok(parts.length > 1);
      const acks = parts.map((seg, i) => c.ack(`${base.slice(0, -3)}${String(501 + i)}`));
      for (const seg of parts) c.send(seg);
      await Promise.all(acks);
      assert.equal(await count(db, "select count(*)::int as n from readings where kind like 'hour-%'"), 120);
      // 60 unregistered factors with negative values: 120 warnings, of which 100 a minute per connection are kept
      assert.ok(await count(db, "select count(*)::int as n from monitoring_events where code = 'unregistered_factor'") >= 40);
      assert.equal(await count(db, 'select count(*)::int as n from monitoring_events where point_id is not null'), 100);
      await c.close();
    });

    test('many concurrent connections, each acknowledged; an idle connection is closed', async () => {
      const clients = await Promise.all(Array.from({ length: 40 }, () => open()));
      await Promise.all(clients.map((c, i) => {
        const u = upload({ minute: 10 + i });
        return c.sendAndWait(u.seg, u.qn);
      }));
      await Promise.all(clients.map((c) => c.close()));
      const idle = await open();
      const t0 = Date.now();
      await idle.closed;
      assert.ok(Date.now() - t0 >= 1000);
    });
  });
}

describe('HJ 212 listener under pressure and failure (pglite)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  before(async () => {
    ({ db, drop } = await freshDb('pglite'));
    await seed(db);
  });
  after(() => drop());

  test('a slow store pauses the connection (backpressure) and every packet is still acknowledged', async () => {
    const L = await startHj212Listener(db, { port: 0, host: '127.0.0.1', now: () => NOW, maxPendingRows: 4, maxPendingPackets: 4, writer: { maxDelayMs: 30, maxRows: 8 } });
    const c = await Hj212Client.open('127.0.0.1', L.port);
    const ups = Array.from({ length: 60 }, (_, i) => upload({ minute: 100 + i }));
    const acks = ups.map((u) => c.ack(u.qn));
    c.writeRaw(ups.map((u) => encodeFrame(u.seg)).join('')); // all at once: the listener must hold back, not buffer
    await Promise.all(acks);
    assert.ok(L.stats.paused > 0);
    const order = c.received.length; // acks taken by waiters are not kept; none arrived unasked
    assert.equal(order, 0);
    await c.close();
    await L.close();
  });

  test('when the write fails nothing is acknowledged and the connection is closed', async () => {
    const L = await startHj212Listener(db, { port: 0, host: '127.0.0.1', now: () => NOW });
    await db.exec('alter table readings_daily rename to readings_daily_gone');
    try {
      const c = await Hj212Client.open('127.0.0.1', L.port);
      const u = upload({ minute: 300 });
      await assert.rejects(c.sendAndWait(u.seg, u.qn, 5000), /closed/);
      assert.equal(await count(db, 'select count(*)::int as n from readings where time = $1', [new Date(NOW.getTime() - 3600_000 + 300 * 60_000).toISOString()]), 0);
    } finally {
      await db.exec('alter table readings_daily_gone rename to readings_daily');
      await L.close();
    }
  });
});
