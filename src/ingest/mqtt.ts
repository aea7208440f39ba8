import { createServer, type Server, type Socket } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { connect, type IPublishPacket, type MqttClient } from 'mqtt';
import { DomainError } from '../core/errors.ts';
import type { IngestPipeline, Refusal } from './pipeline.ts';
import { verifyKey } from './api-keys.ts';
import { processUp, type MqttStats, type Outcome } from './mqtt-message.ts';

export type { MqttStats } from './mqtt-message.ts';

export interface MqttOptions {
  /** an external broker to subscribe to (MQTT_URL); without it a broker is embedded */
  url?: string | null;
  /** the embedded broker's port (MQTT_PORT; 0 = any free port) */
  port?: number;
  host?: string;
  /** topics are `<prefix>/<MN>/up` and `<prefix>/<MN>/down` (default shuangtan) */
  topicPrefix?: string;
  /** external broker: the platform's client id; its session is persistent, so the broker keeps messages while the platform is down */
  clientId?: string;
  /** larger messages are dropped with an event (default 64 KiB) */
  maxPayloadBytes?: number;
  /** external broker: how long start waits for the first connection before going on (it keeps retrying) */
  connectWaitMs?: number;
}

export interface RunningMqtt {
  mode: 'embedded' | 'external';
  /** the embedded broker's port */
  port: number | null;
  /** external broker: connected at the end of start */
  connected: boolean;
  stats: MqttStats;
  close(): Promise<void>;
}

/**
 * MQTT ingestion. With `url`, the platform subscribes (QoS 1) to `<prefix>/+/up` on that broker; otherwise it
 * embeds a broker (aedes) on `port`, where devices log in as their MN (password: the point's PW or the
 * enterprise's API key) and may publish only to their own up topic and subscribe only to their own down topic.
 * Either way each message goes through the shared pipeline and is acknowledged only after its write committed.
 */
export async function startMqtt(pl: IngestPipeline, opts: MqttOptions): Promise<RunningMqtt> {
  const prefix = opts.topicPrefix ?? 'shuangtan';
  const maxPayload = opts.maxPayloadBytes ?? 64 * 1024;
  const stats: MqttStats = { messages: 0, stored: 0, refused: 0, rejected: 0, failures: 0 };
  const topicRe = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([0-9A-Za-z_.-]{1,64})/up$`);
  const handle = async (mn: string, payload: Buffer, connected: boolean, remote: string): Promise<Outcome> => {
    stats.messages++;
    if (payload.length > maxPayload) {
      stats.rejected++;
      pl.recordRefusal('payload_too_large', mn, remote, `${payload.length} bytes > ${maxPayload}`);
      return { ok: false, replies: [] };
    }
    return processUp(pl, mn, payload, connected, remote, stats);
  };
  return opts.url ? external(pl, opts.url, opts, prefix, topicRe, handle, stats) : embedded(pl, opts, prefix, handle, stats);
}

type Handle = (mn: string, payload: Buffer, connected: boolean, remote: string) => Promise<Outcome>;

async function embedded(pl: IngestPipeline, opts: MqttOptions, prefix: string, handle: Handle, stats: MqttStats): Promise<RunningMqtt> {
  const sessions = new WeakMap<Client, { mn: string; remote: string }>();
  const port = opts.port ?? 1883;
  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const mn = username ?? '';
      const secret = password?.toString('utf8') ?? '';
      const remote = `mqtt ${(client.conn as Socket).remoteAddress ?? '?'} ${client.id.slice(0, 64)}`;
      const fail = (code: string, detail: string, returnCode: number) => {
        stats.refused++;
        pl.recordRefusal(code, mn || null, remote, detail);
        done(Object.assign(new Error(detail), { returnCode }) as AuthenticateError, false);
      };
      (async () => {
        let refusal: Refusal | { code: string; detail: string } | null = null;
        // A password of the key's shape is taken as a key (a PW that merely looks like one still works as a PW).
        const holder = secret.startsWith('stk_') ? await verifyKey(pl.db, secret, pl.now()) : null;
        if (holder) {
          const owner = (await pl.db.query<{ organisation_id: number }>('select organisation_id from monitoring_points where mn = $1', [mn])).rows[0];
          const point = owner?.organisation_id === holder.organisationId ? await pl.registry.get(mn) : null;
          if (!point) refusal = { code: 'unknown_mn', detail: `MN “${mn.slice(0, 64)}” 不是该密钥所属企业的监测点 / is not a point of the key's enterprise` };
          else if (!point.active) refusal = { code: 'inactive_point', detail: `MN ${mn}: 监测点已停用 / point is inactive` };
        } else {
          const a = await pl.authenticate(mn, secret);
          if ('refusal' in a) refusal = a.refusal;
        }
        if (refusal) return fail(refusal.code, refusal.detail, refusal.code === 'inactive_point' ? 5 : 4);
        sessions.set(client, { mn, remote });
        done(null, true);
      })().catch((e: unknown) => {
        pl.log.warn({ err: String(e) }, 'MQTT authentication failed');
        done(Object.assign(new Error('server unavailable'), { returnCode: 3 }) as AuthenticateError, false);
      });
    },
    authorizePublish(client, packet, callback) {
      const s = client ? sessions.get(client) : undefined;
      if (!s) return callback(new Error('not authenticated'));
      if (packet.topic !== `${prefix}/${s.mn}/up`) {
        stats.refused++;
        pl.recordRefusal('topic_not_allowed', s.mn, s.remote, `${s.mn} 不能发布到 / may not publish to ${packet.topic.slice(0, 100)}`);
        return callback(new Error('topic not allowed'));
      }
      packet.retain = false; // uplinks are consumed here, never kept for later subscribers
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      handle(s.mn, payload, true, s.remote).then(async (out) => {
        for (const reply of out.replies) {
          await new Promise<void>((resolve) => broker.publish({ cmd: 'publish', topic: `${prefix}/${s.mn}/down`, payload: Buffer.from(reply), qos: 1, retain: false, dup: false }, () => resolve()));
        }
        // A refusal closes the connection without PUBACK (the device keeps the message); a bad payload is acknowledged (resending cannot help).
        callback(out.refused ? new Error('refused') : null);
      }, (e: unknown) => {
        stats.failures++;
        pl.log.warn({ mn: s.mn, err: String(e) }, 'MQTT message not stored; closing the connection without PUBACK');
        callback(e instanceof Error ? e : new Error(String(e)));
      });
    },
    authorizeSubscribe(client, sub, callback) {
      const s = sessions.get(client);
      callback(null, s && sub.topic === `${prefix}/${s.mn}/down` ? sub : null);
    },
  });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new DomainError('port_in_use', {
        field: 'MQTT_PORT',
        zh: `MQTT 端口 ${port} 已被占用（本机可能已有 MQTT 服务）：可设 MQTT_URL=mqtt://127.0.0.1:${port} 订阅该服务，或 MQTT_PORT=其他端口，或 MQTT_PORT=off`,
        en: `MQTT port ${port} is already in use (an MQTT broker may run here): set MQTT_URL=mqtt://127.0.0.1:${port} to subscribe to it, MQTT_PORT to another port, or MQTT_PORT=off`,
      }) : e));
      server.listen(port, opts.host ?? '0.0.0.0', () => {
        server.removeAllListeners('error');
        resolve();
      });
    });
  } catch (e) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw e;
  }
  server.on('error', (e) => pl.log.warn({ err: String(e) }, 'MQTT broker error'));
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  pl.log.info({ port: bound }, `MQTT broker on port ${bound}`);
  let closing: Promise<void> | null = null;
  return {
    mode: 'embedded', port: bound, connected: true, stats,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const s of sockets) s.destroy();
        await stopped;
        await new Promise<void>((resolve) => broker.close(() => resolve()));
      })();
      return closing;
    },
  };
}

async function external(pl: IngestPipeline, url: string, opts: MqttOptions, prefix: string, topicRe: RegExp, handle: Handle, stats: MqttStats): Promise<RunningMqtt> {
  const shown = url.replace(/\/\/[^@/]*@/, '//***@'); // never log a password given in the URL
  const client: MqttClient = connect(url, {
    clientId: opts.clientId ?? 'shuangtan-ingest', clean: false, reconnectPeriod: 2000, connectTimeout: 10_000, protocolVersion: 4,
  });
  // mqtt.js sends the PUBACK of a QoS 1 message when this callback is called, and reads the next message
  // only then: so the PUBACK follows the commit. A failed write sends none and reconnects, and the broker
  // (persistent session) delivers the message again.
  client.handleMessage = (packet: IPublishPacket, callback: (error?: Error) => void) => {
    const m = topicRe.exec(packet.topic);
    if (!m) return callback();
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    handle(m[1], payload, false, `mqtt ${packet.topic.slice(0, 100)}`).then((out) => {
      // Not awaited: the broker's PUBACK for it is read by the same loop that waits for this callback.
      for (const reply of out.replies) client.publish(`${prefix}/${m[1]}/down`, reply, { qos: 1 });
      callback(); // refusals and bad payloads too: redelivering them cannot help, and they would hold up the queue
    }, (e: unknown) => {
      stats.failures++;
      pl.log.warn({ mn: m[1], err: String(e) }, 'MQTT message not stored; reconnecting for redelivery');
      callback(e instanceof Error ? e : new Error(String(e)));
      client.stream?.destroy();
    });
  };
  client.on('error', (e) => pl.log.warn({ url: shown, err: String(e) }, 'MQTT client error'));
  // Start returns once subscribed (so nothing published after it is missed), or after connectWaitMs.
  const connected = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), opts.connectWaitMs ?? 5000);
    client.on('connect', () => {
      client.subscribe(`${prefix}/+/up`, { qos: 1 }, (err) => {
        if (err) pl.log.warn({ url: shown, err: String(err) }, 'MQTT subscription failed');
        clearTimeout(timer);
        resolve(!err);
      });
    });
  });
  if (!connected) pl.log.warn({ url: shown }, 'MQTT broker not reachable yet; retrying in the background');
  else pl.log.info({ url: shown }, 'MQTT subscribed');
  return {
    mode: 'external', port: null, connected, stats,
    close: () => client.endAsync(),
  };
}
