import { createServer, type Server, type Socket } from 'node:net';
import type { Db } from '../db/index.ts';
import { DomainError } from '../core/errors.ts';
import {
  FrameSplitter, parsePacket, needsAck, needsNotifyAck, dataAck, encodeFrame, answerTimeCalibration, formatQn, formatHj212Time,
  type Packet,
} from '../core/hj212/index.ts';
import type { ReadingWriter, WriterOptions } from './writer.ts';
import type { PointRegistry } from './registry.ts';
import { readingsOf, type PointInfo } from './validate.ts';
import { ensurePartitions } from './store.ts';
import { IngestPipeline, QUIET, type IngestLog } from './pipeline.ts';

export type { IngestLog } from './pipeline.ts';

export interface ListenerOptions {
  /** 0 = any free port (tests); default 9212 */
  port?: number;
  host?: string;
  /** a connection that sends nothing for this long is closed (default 5 min; devices send heartbeats) */
  idleMs?: number;
  maxConnections?: number;
  /** a connection whose readings waiting for a commit exceed this is paused until they are written (default 20 000) */
  maxPendingRows?: number;
  /** packets of one connection in flight (parsed, not yet answered) before it is paused (default 512) */
  maxPendingPackets?: number;
  /** the platform's shared registry and writer (serve.ts); without it the listener makes its own (tests, bench) */
  pipeline?: IngestPipeline;
  /** for a pipeline of its own */
  writer?: WriterOptions;
  registryTtlMs?: number;
  now?: () => Date;
  log?: IngestLog;
}

export interface ListenerStats {
  connections: number;
  open: number;
  refused: number;
  frames: number;
  frameErrors: number;
  packetsRejected: number;
  acks: number;
  closedHostile: number;
  idleClosed: number;
  paused: number;
}

export interface RunningListener {
  port: number;
  writer: ReadingWriter;
  registry: PointRegistry;
  stats: ListenerStats;
  close(): Promise<void>;
}

/**
 * The HJ 212 TCP listener: frames (strict) → packets (tolerant) → MN/PW check → validated readings →
 * group-committed batches → 9014 only after the batch holding the packet committed and only when the Flag
 * asks for it. Sub-packets carry whole factor groups with DataTime repeated, so each is stored and
 * acknowledged on its own (storage is idempotent, so reassembly is not needed to store them).
 */
export async function startHj212Listener(db: Db, opts: ListenerOptions = {}): Promise<RunningListener> {
  const own = !opts.pipeline;
  const pipeline = opts.pipeline ?? new IngestPipeline(db, { writer: opts.writer, registryTtlMs: opts.registryTtlMs, now: opts.now, log: opts.log });
  const now = opts.now ?? pipeline.now;
  const log = opts.log ?? QUIET;
  const idleMs = opts.idleMs ?? 5 * 60_000;
  const maxPendingRows = opts.maxPendingRows ?? 20_000;
  const maxPendingPackets = opts.maxPendingPackets ?? 512;
  const { writer, registry } = pipeline;
  const stats: ListenerStats = { connections: 0, open: 0, refused: 0, frames: 0, frameErrors: 0, packetsRejected: 0, acks: 0, closedHostile: 0, idleClosed: 0, paused: 0 };
  const sockets = new Set<Socket>();

  // This month's and next month's partitions exist before the first device sends (later months: on demand).
  const t = now().getTime();
  await ensurePartitions(db, [{ time: t }, { time: t + 32 * 86_400_000 }]);
  const server: Server = createServer((socket) => handle(socket));
  server.maxConnections = opts.maxConnections ?? 10_000;

  function handle(socket: Socket) {
    stats.connections++;
    stats.open++;
    sockets.add(socket);
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    const splitter = new FrameSplitter();
    const points = new Map<string, PointInfo>();
    let chain: Promise<void> = Promise.resolve();
    let pendingRows = 0;
    let pendingPackets = 0;
    let dead = false;
    let paused = false;
    let eventBudget = { minute: 0, left: 100 };

    const kill = () => {
      dead = true;
      socket.destroy();
    };
    const send = (segment: string) => {
      if (!dead && socket.writable) socket.write(encodeFrame(segment));
    };
    const throttle = () => {
      const over = pendingRows > maxPendingRows || pendingPackets > maxPendingPackets;
      if (over && !paused) {
        paused = true;
        stats.paused++;
        socket.pause();
      } else if (!over && paused && pendingRows <= maxPendingRows / 2 && pendingPackets <= maxPendingPackets / 2) {
        paused = false;
        if (!dead) socket.resume();
      }
    };
    const refuse = (code: string, mn: string | null, detail: string) => {
      stats.refused++;
      log.warn({ remote, mn, code }, `HJ 212 connection refused: ${detail}`);
      pipeline.recordRefusal(code, mn, remote, detail);
      kill();
    };

    async function authenticate(p: Packet): Promise<PointInfo | null> {
      const mn = p.mn ?? '';
      const known = points.get(mn);
      if (known && known.pw === p.pw) return known;
      const r = await pipeline.authenticate(mn, p.pw);
      if (dead) return null;
      if ('refusal' in r) {
        refuse(r.refusal.code, mn || null, r.refusal.detail);
        return null;
      }
      points.set(mn, r.point);
      return r.point;
    }

    async function onFrame(bytes: Uint8Array) {
      if (dead) return;
      const r = parsePacket(bytes);
      if (!r.ok) {
        stats.packetsRejected++;
        log.warn({ remote, errors: r.errors.map((e) => e.code) }, 'HJ 212 packet rejected');
        return;
      }
      const p = r.value;
      if (p.cn.startsWith('90') && !p.pw && !p.mn) return; // a reply from the device to a command we sent
      const point = await authenticate(p);
      if (!point || dead) return;
      const at = now();
      if (needsNotifyAck(p)) for (const s of answerTimeCalibration(p, formatQn(at), formatHj212Time(at))) send(s);
      const { rows, events: all } = readingsOf(p, point, at, remote);
      // Content warnings are kept, but at most 100 a minute per connection (a chronic oddity must not flood the log).
      const minute = Math.floor(at.getTime() / 60_000);
      if (eventBudget.minute !== minute) eventBudget = { minute, left: 100 };
      const events = all.slice(0, Math.max(0, eventBudget.left));
      eventBudget.left -= events.length;
      const ack = needsAck(p);
      if (!rows.length && !events.length && !ack) return;
      pendingRows += rows.length;
      pendingPackets++;
      throttle();
      writer.submit(rows, events).then(
        () => {
          pendingRows -= rows.length;
          pendingPackets--;
          if (ack) {
            send(dataAck(p));
            stats.acks++;
          }
          throttle();
        },
        (e: unknown) => {
          // Not stored, so never acknowledged: the device keeps the data and sends it again.
          log.warn({ remote, mn: point.mn, err: String(e) }, 'HJ 212 batch write failed; closing the connection');
          kill();
        },
      );
    }

    socket.setTimeout(idleMs, () => {
      stats.idleClosed++;
      kill();
    });
    socket.on('data', (chunk: Buffer) => {
      if (dead) return;
      for (const ev of splitter.push(chunk)) {
        if (ev.type === 'error') {
          stats.frameErrors++;
          if (ev.fatal) {
            stats.closedHostile++;
            log.warn({ remote, code: ev.issue.code }, 'HJ 212 stream rejected (too many framing errors); closing');
            kill();
            return;
          }
        } else if (ev.type === 'frame') {
          stats.frames++;
          const bytes = ev.frame.bytes;
          pendingPackets++;
          throttle();
          chain = chain.then(() => onFrame(bytes)).catch((e: unknown) => {
            log.warn({ remote, err: String(e) }, 'HJ 212 packet handling failed; closing');
            kill();
          }).finally(() => {
            pendingPackets--;
            throttle();
          });
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      dead = true;
      stats.open--;
      sockets.delete(socket);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new DomainError('port_in_use', {
      field: 'HJ212_PORT', zh: `HJ 212 端口 ${opts.port ?? 9212} 已被占用（可设 HJ212_PORT=其他端口 或 off）`,
      en: `HJ 212 port ${opts.port ?? 9212} is already in use (set HJ212_PORT to another port, or off)`,
    }) : e));
    server.listen(opts.port ?? 9212, opts.host ?? '0.0.0.0', () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  server.on('error', (e) => log.warn({ err: String(e) }, 'HJ 212 listener error'));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port ?? 9212;
  log.info({ port }, `HJ 212 listener on port ${port}`);
  let closing: Promise<void> | null = null;
  return {
    port, writer, registry, stats,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const s of sockets) s.destroy();
        await stopped;
        if (own) await pipeline.close();
      })();
      return closing;
    },
  };
}
