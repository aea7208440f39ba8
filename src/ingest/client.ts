import { connect, type Socket } from 'node:net';
import { FrameSplitter, encodeFrame, parsePacket, type Packet } from '../core/hj212/index.ts';

/**
 * A device-side HJ 212 TCP client (simulator, tests, benchmark): sends framed segments, reads what the
 * platform sends back, and lets the caller wait for the 9014 of a QN.
 */
export class Hj212Client {
  /** packets from the platform that no `ack` waiter took (the last 10 000) */
  readonly received: Packet[] = [];
  private readonly splitter = new FrameSplitter();
  private readonly waiters = new Map<string, { resolve: (p: Packet) => void; reject: (e: Error) => void }>();
  private closedResolve!: () => void;
  /** resolves when the platform (or we) closed the connection */
  readonly closed: Promise<void>;
  isClosed = false;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((r) => (this.closedResolve = r));
    socket.on('data', (chunk) => {
      for (const ev of this.splitter.push(chunk)) {
        if (ev.type !== 'frame') continue;
        const r = parsePacket(ev.frame.bytes);
        if (!r.ok) continue;
        const w = r.value.cn === '9014' && r.value.qn ? this.waiters.get(r.value.qn) : undefined;
        if (w) {
          this.waiters.delete(r.value.qn!);
          w.resolve(r.value);
        } else if (this.received.push(r.value) > 10_000) {
          this.received.shift();
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.isClosed = true;
      for (const w of this.waiters.values()) w.reject(new Error('connection closed before the acknowledgement'));
      this.waiters.clear();
      this.closedResolve();
    });
  }

  static open(host: string, port: number): Promise<Hj212Client> {
    return new Promise((resolve, reject) => {
      const s = connect({ host, port }, () => {
        s.off('error', reject);
        s.setNoDelay(true);
        resolve(new Hj212Client(s));
      });
      s.once('error', reject);
    });
  }

  /** Writes raw bytes (for hostile-input tests). */
  writeRaw(data: string | Uint8Array): boolean {
    return this.socket.write(data);
  }

  /** Frames and sends a data segment. */
  send(segment: string): boolean {
    return this.socket.write(encodeFrame(segment));
  }

  /** Waits for the 9014 answering `qn` (rejects on timeout or when the connection closes). */
  ack(qn: string, timeoutMs = 10_000): Promise<Packet> {
    const got = this.received.find((p) => p.cn === '9014' && p.qn === qn);
    if (got) return Promise.resolve(got);
    if (this.isClosed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters.delete(qn);
        reject(new Error(`no 9014 for QN ${qn} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(qn, {
        resolve: (p) => { clearTimeout(t); resolve(p); },
        reject: (e) => { clearTimeout(t); reject(e); },
      });
    });
  }

  /** Sends and waits for the acknowledgement. */
  async sendAndWait(segment: string, qn: string, timeoutMs?: number): Promise<Packet> {
    const p = this.ack(qn, timeoutMs);
    this.send(segment);
    return p;
  }

  close(): Promise<void> {
    this.socket.end();
    this.socket.destroy();
    return this.closed;
  }
}
