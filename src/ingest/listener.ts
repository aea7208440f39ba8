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
import { ensurePartitions, type IngestEvent, type ReadingRow } from './store.ts';
import { IngestPipeline, QUIET, CONTENT_EVENTS_PER_MINUTE, type IngestLog } from './pipeline.ts';

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
    /** frames received and not yet handled (they wait only while a device's MN/PW is being looked up) */
    const inbox: Uint8Array[] = [];
    let handling = false;
    let pendingRows = 0;
    let pendingPackets = 0;
    let dead = false;
    let paused = false;
    let budgetMinute = 0;
    let budgetLeft = CONTENT_EVENTS_PER_MINUTE;

    const kill = () => {
      dead = true;
      socket.destroy();
    };
    /** Several replies in one write: one socket write per committed group rather than per packet. */
    const send = (segments: string[]) => {
      if (!dead && socket.writable && segments.length) socket.write(segments.map(encodeFrame).join(''));
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

    /**
     * The packets of one pass over the inbox go to the writer as ONE submission: one promise, one socket
     * write of their 9014s after the batch holding them committed. The writer settles submissions in the
     * order they were made, so acknowledgements still leave in packet order.
     */
    let group = { rows: [] as ReadingRow[], events: [] as IngestEvent[], acks: [] as string[], packets: 0 };
    const submitGroup = () => {
      const g = group;
      if (!g.packets) return;
      group = { rows: [], events: [], acks: [], packets: 0 };
      if (!g.rows.length && !g.events.length && !g.acks.length) {
        pendingPackets -= g.packets; // nothing to store or answer (e.g. heartbeats without Flag A)
        return;
      }
      pendingRows += g.rows.length;
      writer.submit(g.rows, g.events).then(
        () => {
          pendingRows -= g.rows.length;
          pendingPackets -= g.packets;
          send(g.acks);
          stats.acks += g.acks.length;
          throttle();
        },
        (e: unknown) => {
          // Not stored, so never acknowledged: the device keeps the data and sends it again.
          log.warn({ remote, err: String(e) }, 'HJ 212 batch write failed; closing the connection');
          kill();
        },
      );
    };

    /** Parses one frame and adds it to the group. Returns the packet when its device must be looked up first. */
    function take(bytes: Uint8Array, at: Date): Packet | null {
      const r = parsePacket(bytes);
      if (!r.ok) {
        stats.packetsRejected++;
        pendingPackets--;
        log.warn({ remote, errors: r.errors.map((e) => e.code) }, 'HJ 212 packet rejected');
        return null;
      }
      const p = r.value;
      if (p.cn.startsWith('90') && !p.pw && !p.mn) {
        pendingPackets--;
        return null; // a reply from the device to a command we sent
      }
      const point = points.get(p.mn ?? '');
      if (!point || point.pw !== p.pw) return p;
      accept(p, point, at);
      return null;
    }

    function accept(p: Packet, point: PointInfo, at: Date): void {
      if (needsNotifyAck(p)) send(answerTimeCalibration(p, formatQn(at), formatHj212Time(at)));
      const { rows, events } = readingsOf(p, point, at, remote);
      // Content warnings are kept, but at most 100 a minute per connection (a chronic oddity must not flood the log).
      if (events.length) {
        const minute = Math.floor(at.getTime() / 60_000);
        if (budgetMinute !== minute) {
          budgetMinute = minute;
          budgetLeft = CONTENT_EVENTS_PER_MINUTE;
        }
        const kept = Math.min(events.length, Math.max(0, budgetLeft));
        budgetLeft -= kept;
        for (let i = 0; i < kept; i++) group.events.push(events[i]);
      }
      const ack = needsAck(p);
      for (const row of rows) group.rows.push(row);
      if (ack) group.acks.push(dataAck(p));
      group.packets++; // released from pendingPackets when its group settles
    }

    /** Handles the inbox in order; only a device not yet authenticated on this connection makes it wait. */
    async function handleInbox(): Promise<void> {
      if (handling) return;
      handling = true;
      try {
        let at = now();
        while (inbox.length && !dead) {
          const p = take(inbox.shift()!, at);
          if (!p) continue;
          // An unknown MN/PW on this connection: what came before it is submitted first (order), then the lookup.
          submitGroup();
          const r = await pipeline.authenticate(p.mn ?? '', p.pw);
          if (dead) return;
          if ('refusal' in r) return refuse(r.refusal.code, p.mn || null, r.refusal.detail);
          points.set(p.mn ?? '', r.point);
          at = now();
          accept(p, r.point, at);
        }
        submitGroup();
      } catch (e) {
        log.warn({ remote, err: String(e) }, 'HJ 212 packet handling failed; closing');
        kill();
      } finally {
        handling = false;
      }
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
          inbox.push(ev.frame.bytes);
          pendingPackets++;
        }
      }
      throttle();
      void handleInbox();
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
