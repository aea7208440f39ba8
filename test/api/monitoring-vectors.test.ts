import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshDb } from '../helpers/db.ts';
import type { Db } from '../../src/db/index.ts';
import { startHj212Listener, type RunningListener } from '../../src/ingest/listener.ts';
import { Hj212Client } from '../../src/ingest/client.ts';
import { decodeFrame, encodeUpload, formatHj212Time, needsAck, parsePacket, buildSegment } from '../../src/core/hj212/index.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as { vectors: Array<{ id: string; packet: string }> }).vectors;
const NOW = new Date('2026-03-01T08:00:00Z');
let db: Db;
let drop: () => Promise<void>;
let L: RunningListener;
/** MN → the PW registered for it (the first vector's; later vectors with another PW must be refused) */
const registered = new Map<string, string>();

before(async () => {
  ({ db, drop } = await freshDb('pglite'));
  const region = (await db.query<{ id: number }>(`insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city') returning id`)).rows[0].id;
  const org = (await db.query<{ id: number }>(`insert into organisations (region_id, kind, name, credit_code) values ($1, 'enterprise', '测试', '91510500MA000001XX') returning id`, [region])).rows[0].id;
  // Register the MN/PW of every vector that frames and parses, so that its content reaches the store.
  for (const v of vectors) {
    const f = decodeFrame(v.packet);
    const p = f.ok ? parsePacket(f.value.bytes) : null;
    if (!p?.ok || !p.value.mn || !p.value.pw || !/^[0-9A-Za-z_.-]{1,64}$/.test(p.value.mn)) continue;
    if (registered.has(p.value.mn)) continue;
    registered.set(p.value.mn, p.value.pw);
    await db.query(`insert into monitoring_points (organisation_id, mn, pw, name, quantity) values ($1, $2, $3, 'v', 'other')`, [org, p.value.mn, p.value.pw]);
  }
  await db.query(`insert into monitoring_points (organisation_id, mn, pw, name, quantity) values ($1, 'CAL01', '123456', 'v', 'other')`, [org]);
  L = await startHj212Listener(db, { port: 0, host: '127.0.0.1', now: () => NOW });
});
after(async () => {
  await L.close();
  await drop();
});

test('every public vector through a real socket: a 9014 exactly when the Flag asks for one; the listener keeps serving', async () => {
  const report: string[] = [];
  for (const v of vectors) {
    const f = decodeFrame(v.packet);
    const p = f.ok ? parsePacket(f.value.bytes) : null;
    const parsed = p?.ok ? p.value : null;
    const refused = parsed?.mn !== undefined && registered.has(parsed.mn) && registered.get(parsed.mn) !== parsed.pw;
    const expectAck = parsed !== null && !refused && needsAck(parsed);
    const c = await Hj212Client.open('127.0.0.1', L.port);
    c.writeRaw(v.packet);
    if (expectAck) {
      try {
        const ack = await c.ack(parsed!.qn!, 5000);
        if (ack.mn !== parsed!.mn) report.push(`${v.id}: ack for ${ack.mn}`);
      } catch (e) {
        report.push(`${v.id}: no ack (${(e as Error).message})`);
      }
    } else {
      const closed = await Promise.race([c.closed.then(() => true), new Promise((r) => setTimeout(() => r(false), refused ? 5000 : 150))]);
      if (c.received.some((x) => x.cn === '9014')) report.push(`${v.id}: unexpected 9014`);
      if (refused && !closed) report.push(`${v.id}: wrong PW not refused`);
    }
    await c.close();
  }
  assert.deepEqual(report, []);
  assert.ok((await db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n > 0);
  const c = await Hj212Client.open('127.0.0.1', L.port);
  const seg = encodeUpload({ cn: '2011', st: '31', pw: '123456', mn: 'CAL01', qn: '20260301160000001', dataTime: formatHj212Time(NOW), readings: [{ code: 'a01014', values: { Rtd: 1 } }] });
  assert.equal((await c.sendAndWait(seg, '20260301160000001')).cn, '9014');
  await c.close();
});

test('a device asking for time calibration (1013, A=1) gets the 9013 and a 1012 with the server time', async () => {
  const c = await Hj212Client.open('127.0.0.1', L.port);
  c.send(buildSegment({ qn: '20260301155959000', st: '31', cn: '1013', pw: '123456', mn: 'CAL01', flag: 5 }, ''));
  for (let i = 0; i < 100 && c.received.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(c.received.map((p) => p.cn), ['9013', '1012']);
  assert.equal(c.received[1].params.SystemTime, formatHj212Time(NOW));
  await c.close();
});
