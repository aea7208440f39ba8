import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ingestOf } from '../../src/server/context.ts';
import { startMqtt, type RunningMqtt } from '../../src/ingest/mqtt.ts';
import { decodeFrame, encodeFrame, encodeUpload, parsePacket } from '../../src/core/hj212/index.ts';
import { createKey } from '../../src/server/monitoring/keys.ts';
import { createPoint } from '../../src/server/monitoring/points.ts';
import { PointCreate } from '../../src/contracts/monitoring.ts';
import { parseInput } from '../../src/core/validation.ts';
import { serve } from '../../src/server/serve.ts';
import { loadConfig } from '../../src/server/config.ts';

const MN = 'MQTT-E'; // registered below for 江南水泥: PW 123456; e10001 and e10002 with multiplier 200 and min 0
const OTHER = 'DEMO510504LMNJ01'; // a demo point of 龙马酿酒
const ADMIN = { userId: null, username: 'test', grants: [{ role: 'admin' as const, regionId: null, organisationId: null }] };
const modes = ['embedded', ...(process.env.TEST_MQTT_URL ? ['external'] : [])] as const;

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const mode of modes) {
  describe(`MQTT ingestion, ${mode} broker`, () => {
    let s: TestServer;
    let mq: RunningMqtt;
    let url: string;
    const tag = `st-test-${process.pid}-${Date.now()}`;
    const P = mode === 'embedded' ? 'shuangtan' : tag; // a shared broker: topics of this run only
    const clients: MqttClient[] = [];
    let seq = 0;

    before(async () => {
      s = await startTestServer();
      const cement = (await s.ctx.db.query<{ id: number }>("select id from organisations where name = '泸州江南水泥有限公司（演示）'")).rows[0].id;
      await createPoint(s.ctx, ADMIN, parseInput(PointCreate, {
        organisationId: cement, mn: MN, pw: '123456', factors: [{ code: 'e10001', multiplier: 200, min: 0 }, { code: 'e10002', multiplier: 200, min: 0 }],
      }));
      if (mode === 'embedded') {
        mq = await startMqtt(ingestOf(s.ctx), { port: 0, host: '127.0.0.1' });
        url = `mqtt://127.0.0.1:${mq.port}`;
      } else {
        url = process.env.TEST_MQTT_URL!;
        mq = await startMqtt(ingestOf(s.ctx), { url, topicPrefix: P, clientId: tag });
        assert.equal(mq.connected, true);
      }
    });
    after(async () => {
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
      await mq.close();
      if (mode === 'external') (await connectAsync(url, { clientId: tag, clean: true, reconnectPeriod: 0 })).end(); // drop the platform's persistent session
      await ingestOf(s.ctx).close();
      await s.close();
    });

    /** A device: on the embedded broker it logs in as its MN; the shared broker takes anonymous clients. */
    const device = async (mn: string, password = '123456') => {
      const c = await connectAsync(url, { clientId: `${tag}-d${++seq}`, reconnectPeriod: 0, connectTimeout: 5000, ...(mode === 'embedded' ? { username: mn, password } : {}) });
      clients.push(c);
      return c;
    };
    const nextOn = (c: MqttClient, topic: string, match: (text: string) => boolean) => new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message on ${topic}`)), 10_000);
      const on = (t: string, m: Buffer) => {
        if (t === topic && match(m.toString())) {
          clearTimeout(timer);
          c.off('message', on);
          resolve(m.toString());
        }
      };
      c.on('message', on);
    });
    const values = async (mn: string, time: string) => (await s.ctx.db.query<{ factor: string; value: number }>(
      'select r.factor, r.value from readings r join monitoring_points p on p.id = r.point_id where p.mn = $1 and r.time = $2 order by r.factor', [mn, time],
    )).rows.map((r) => [r.factor, r.value]);
    const event = (code: string, mn: string) => waitFor(`event ${code}`, async () =>
      (await s.ctx.db.query<{ n: number }>('select count(*)::int as n from monitoring_events where code = $1 and mn = $2', [code, mn])).rows[0].n);

    test('an HJ 212 frame with QoS 1 is stored, then acknowledged with a 9014 on the down topic', async () => {
      const d = await device(MN);
      await d.subscribeAsync(`${P}/${MN}/down`, { qos: 1 });
      const qn = '20260301140000001';
      const seg = encodeUpload({ cn: '2051', st: '31', pw: '123456', mn: MN, qn, dataTime: '20260301140000', readings: [{ code: 'e10001', values: { Cou: 1.5 }, flag: 'N' }] });
      const ack = nextOn(d, `${P}/${MN}/down`, (t) => t.includes(`QN=${qn}`));
      await d.publishAsync(`${P}/${MN}/up`, encodeFrame(seg), { qos: 1 });
      // Embedded: the PUBACK came after the commit, so the row is there already. 20260301140000 CST = 06:00Z; 1.5 × 200.
      if (mode === 'embedded') assert.deepEqual(await values(MN, '2026-03-01T06:00:00Z'), [['e10001', 300]]);
      const frame = decodeFrame(await ack);
      assert.ok(frame.ok);
      const reply = parsePacket(frame.value.bytes);
      assert.ok(reply.ok);
      assert.equal(reply.value.cn, '9014');
      assert.deepEqual(await values(MN, '2026-03-01T06:00:00Z'), [['e10001', 300]]);

      // The bare data segment (no ## frame) is taken too.
      const qn2 = '20260301140100002';
      const ack2 = nextOn(d, `${P}/${MN}/down`, (t) => t.includes(`QN=${qn2}`));
      await d.publishAsync(`${P}/${MN}/up`, encodeUpload({ cn: '2051', st: '31', pw: '123456', mn: MN, qn: qn2, dataTime: '20260301140100', readings: [{ code: 'e10001', values: { Cou: 2 } }] }), { qos: 1 });
      await ack2;
      assert.deepEqual(await values(MN, '2026-03-01T06:01:00Z'), [['e10001', 400]]);
    });

    test('a JSON message is stored (oddities as events) and acknowledged in JSON; a resend stores nothing new', async () => {
      const d = await device(MN);
      await d.subscribeAsync(`${P}/${MN}/down`, { qos: 1 });
      const msg = JSON.stringify({ pw: '123456', id: 'j1', time: '2026-03-01T14:05:00+08:00', kind: 'min-Cou', values: { e10001: 2, e10002: -1 } });
      const ack = nextOn(d, `${P}/${MN}/down`, (t) => t.includes('"j1"'));
      await d.publishAsync(`${P}/${MN}/up`, msg, { qos: 1 });
      assert.deepEqual(JSON.parse(await ack), { ok: true, id: 'j1', time: '2026-03-01T06:05:00.000Z', kind: 'min-Cou', readings: 2, events: 1 });
      assert.deepEqual(await values(MN, '2026-03-01T06:05:00Z'), [['e10001', 400], ['e10002', -200]]); // 2 × 200; −1 × 200 below min 0: stored and flagged
      assert.equal(await event('below_range', MN), 1);
      const n = (await s.ctx.db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n;
      const again = nextOn(d, `${P}/${MN}/down`, (t) => t.includes('"j1"'));
      await d.publishAsync(`${P}/${MN}/up`, msg, { qos: 1 });
      assert.equal(JSON.parse(await again).ok, true);
      assert.equal((await s.ctx.db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n, n);

      const bad = nextOn(d, `${P}/${MN}/down`, (t) => t.includes('"j2"'));
      await d.publishAsync(`${P}/${MN}/up`, JSON.stringify({ pw: '123456', id: 'j2', time: '2026-03-01 14:06', values: { e10001: 'x' } }), { qos: 1 });
      const b = JSON.parse(await bad);
      assert.equal(b.ok, false);
      assert.deepEqual(b.error.issues.map((i: { field: string }) => i.field), ['time', 'values.e10001']);
      assert.equal(await event('invalid_message', MN), 1);
    });

    test('a wrong PW is refused and recorded; nothing stored', async () => {
      if (mode === 'embedded') {
        await assert.rejects(device(MN, 'wrong'), /Bad username or password/);
        await assert.rejects(device('NOSUCHMN'), /Bad username or password/);
        assert.equal(await event('unknown_mn', 'NOSUCHMN'), 1);
      } else {
        const d = await device(MN);
        await d.subscribeAsync(`${P}/${MN}/down`, { qos: 1 });
        const refused = nextOn(d, `${P}/${MN}/down`, (t) => t.includes('"w1"'));
        await d.publishAsync(`${P}/${MN}/up`, JSON.stringify({ pw: 'wrong', id: 'w1', time: '2026-03-01T14:10:00+08:00', values: { e10001: 1 } }), { qos: 1 });
        assert.equal(JSON.parse(await refused).error.code, 'refused');
        await d.publishAsync(`${P}/${MN}/up`, encodeFrame(encodeUpload({ cn: '2051', st: '31', pw: 'wrong', mn: MN, qn: '20260301141000003', dataTime: '20260301141000', readings: [{ code: 'e10001', values: { Cou: 1 } }] })), { qos: 1 });
      }
      assert.ok(await event('wrong_pw', MN) >= 1);
      assert.deepEqual(await values(MN, '2026-03-01T06:10:00Z'), []);
    });

    test('a client cannot publish for another MN', async () => {
      const d = await device(MN);
      if (mode === 'embedded') {
        await assert.rejects(d.subscribeAsync(`${P}/${OTHER}/down`, { qos: 1 }), /Subscribe error/); // SUBACK 128: refused
        const closed = new Promise<void>((r) => d.once('close', () => r()));
        d.publish(`${P}/${OTHER}/up`, JSON.stringify({ pw: '123456', time: '2026-03-01T14:20:00+08:00', values: { e10001: 1 } }), { qos: 1 });
        await closed;
        assert.equal(await event('topic_not_allowed', MN), 1);
      } else {
        // On a shared broker the topic names the MN: a packet of another MN on it is refused.
        await d.publishAsync(`${P}/${MN}/up`, encodeFrame(encodeUpload({ cn: '2051', st: '31', pw: '123456', mn: OTHER, qn: '20260301142000004', dataTime: '20260301142000', readings: [{ code: 'e10001', values: { Cou: 1 } }] })), { qos: 1 });
        assert.equal(await event('topic_mismatch', MN), 1);
      }
      assert.deepEqual(await values(OTHER, '2026-03-01T06:20:00Z'), []);
    });

    test('an unreadable payload is acknowledged (resending cannot help) and recorded', async () => {
      const d = await device(MN);
      await d.publishAsync(`${P}/${MN}/up`, 'hello', { qos: 1 });
      assert.equal(await event('hj212_packet', MN), 1);
      await d.publishAsync(`${P}/${MN}/up`, '##0010QN=1;CN=2011&&FFFF\r\n', { qos: 1 });
      assert.equal(await event('hj212_frame', MN), 1);
    });

    if (mode === 'embedded') {
      test('embedded broker: a failed write sends no PUBACK and closes; the device sends again and the reading is stored once', async () => {
        await s.ctx.db.exec('alter table readings_daily rename to readings_daily_gone');
        const d = await connectAsync(url, { username: MN, password: '123456', clientId: `${tag}-retry`, clean: false, reconnectPeriod: 100 });
        clients.push(d);
        let closes = 0;
        d.on('close', () => {
          if (++closes === 1) void s.ctx.db.exec('alter table readings_daily_gone rename to readings_daily');
        });
        // Resolves on the PUBACK, which only the resend after the table is back can earn.
        await d.publishAsync(`${P}/${MN}/up`, JSON.stringify({ pw: '123456', time: '2026-03-01T14:40:00+08:00', values: { e10001: 4 } }), { qos: 1 });
        assert.ok(closes >= 1);
        assert.deepEqual(await values(MN, '2026-03-01T06:40:00Z'), [['e10001', 800]]);
        assert.ok(mq.stats.failures >= 1);
      });

      test('embedded broker: the enterprise\'s API key logs a device in for that enterprise\'s MNs only', async () => {
        const cement = (await s.ctx.db.query<{ id: number }>("select id from organisations where name = '泸州江南水泥有限公司（演示）'")).rows[0].id;
        const { key } = await createKey(s.ctx, ADMIN, { organisationId: cement, name: 'mqtt' });
        const d = await device(MN, key);
        await d.subscribeAsync(`${P}/${MN}/down`, { qos: 1 });
        const ack = nextOn(d, `${P}/${MN}/down`, (t) => t.includes('"k1"'));
        await d.publishAsync(`${P}/${MN}/up`, JSON.stringify({ id: 'k1', time: '2026-03-01T14:30:00+08:00', values: { e10001: 3 } }), { qos: 1 }); // no pw: the login proved the MN
        assert.equal(JSON.parse(await ack).readings, 1);
        assert.deepEqual(await values(MN, '2026-03-01T06:30:00Z'), [['e10001', 600]]);
        await assert.rejects(device(OTHER, key), /Bad username or password/);
        await assert.rejects(device(MN, `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`), /Bad username or password/);
      });
    }
  });
}

test('npm start goes on without MQTT when the embedded broker\'s port is taken, saying so in both languages', async () => {
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  const port = (taken.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'st-mqtt-'));
  const lines: string[] = [];
  try {
    const p = await serve(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SHUANGTAN_DEMO: 'false', SHUANGTAN_ADMIN_PASSWORD: 'Admin-pass-2026', HJ212_PORT: '0', MQTT_PORT: String(port) }), (l) => lines.push(l));
    try {
      const warning = lines.find((l) => l.includes('MQTT'))!;
      assert.match(warning, /MQTT 端口 \d+ 已被占用/);
      assert.match(warning, /set MQTT_URL=mqtt:\/\/127\.0\.0\.1:\d+/);
      assert.ok(p.ctx.ingest, 'the shared ingest pipeline is on the context');
      assert.equal((await fetch(`${p.url.replace('localhost', '127.0.0.1')}/api/health`)).status, 200);
    } finally {
      await p.close();
    }
  } finally {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
