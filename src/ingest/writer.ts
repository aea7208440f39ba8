import type { Db } from '../db/index.ts';
import { ensurePartitions, insertEvents, insertReadings, type IngestEvent, type ReadingRow } from './store.ts';

export interface WriterOptions {
  /** flush when this many readings are queued (default 5000) */
  maxRows?: number;
  /** or when the oldest queued item has waited this long (default 10 ms) */
  maxDelayMs?: number;
  /**
   * Writer connections working in parallel, each owning the points with `point id % lanes` = its number
   * (default 2 on PostgreSQL, 1 on PGlite, whose single connection would only serialise them).
   */
  lanes?: number;
}

interface Pending {
  /** performance.now() when submitted */
  at: number;
  rows: ReadingRow[];
  events: IngestEvent[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface WriterStats {
  batches: number;
  readingsIn: number;
  readingsNew: number;
  events: number;
  failures: number;
}

/**
 * Group commit for one share of the points: submissions are queued and written together, one transaction
 * per batch, one batch at a time; a submission's promise resolves only after its batch committed. A batch
 * is written once `maxRows` readings are queued or the oldest has waited `maxDelayMs`, also right after a
 * commit: writing whatever trickled in during the commit would make many small batches, and each batch
 * upserts every rollup row it touches (≈ one per point, factor and kind), so small batches cost more per reading.
 */
class Lane {
  queuedRows = 0;
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private draining = false;

  constructor(private readonly db: Db, private readonly stats: WriterStats, private readonly maxRows: number, private readonly maxDelayMs: number) {}

  submit(rows: ReadingRow[], events: IngestEvent[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ at: performance.now(), rows, events, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= this.maxRows) this.kick();
      else if (!this.timer && !this.running) this.timer = setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running || !this.queue.length) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.queue.length) this.timer = setTimeout(() => this.kick(), this.ready() ? 0 : this.maxDelayMs - (performance.now() - this.queue[0].at));
    });
  }

  private ready(): boolean {
    return this.queue.length > 0 && (this.draining || this.queuedRows >= this.maxRows || performance.now() - this.queue[0].at >= this.maxDelayMs);
  }

  private async loop(): Promise<void> {
    // Batches grow while a commit is in flight (group commit).
    while (this.ready()) {
      const batch: Pending[] = [];
      let n = 0;
      while (this.queue.length && (n === 0 || n + this.queue[0].rows.length <= this.maxRows * 2)) {
        const p = this.queue.shift()!;
        batch.push(p);
        n += p.rows.length;
      }
      this.queuedRows -= n;
      const rows = batch.length === 1 ? batch[0].rows : batch.flatMap((p) => p.rows);
      const events = batch.flatMap((p) => p.events);
      try {
        await ensurePartitions(this.db, rows);
        const fresh = await this.db.tx(async (q) => {
          const k = await insertReadings(q, rows);
          await insertEvents(q, events);
          return k;
        });
        this.stats.batches++;
        this.stats.readingsIn += rows.length;
        this.stats.readingsNew += fresh;
        this.stats.events += events.length;
        for (const p of batch) p.resolve();
      } catch (e) {
        this.stats.failures++;
        for (const p of batch) p.reject(e);
      }
    }
  }

  async drain(): Promise<void> {
    this.draining = true;
    this.kick();
    while (this.running) await this.running;
  }
}

/**
 * The writer every ingestion path submits to. Each lane is a group-commit loop on its own connection; a
 * point belongs to one lane, so its readings and its rollup rows are only ever written by that lane and
 * lanes never wait for each other's row locks. Submissions settle in the order they were made (a later one
 * waits for the earlier ones to settle), so a connection's acknowledgements leave in the order its packets
 * came even when its packets' lanes commit out of order.
 */
export class ReadingWriter {
  readonly stats: WriterStats = { batches: 0, readingsIn: 0, readingsNew: 0, events: 0, failures: 0 };
  private readonly byLane: Lane[];
  /** settles after the last submission settled (never rejects) */
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(db: Db, opts: WriterOptions = {}) {
    const n = Math.max(1, Math.floor(opts.lanes ?? (db.kind === 'postgresql' ? 2 : 1)));
    this.byLane = Array.from({ length: n }, () => new Lane(db, this.stats, opts.maxRows ?? 5000, opts.maxDelayMs ?? 10));
  }

  /** Writer connections in parallel. */
  get lanes(): number {
    return this.byLane.length;
  }

  /** Readings queued and not yet committed (for backpressure and metrics). */
  get backlog(): number {
    return this.byLane.reduce((s, l) => s + l.queuedRows, 0);
  }

  /** Resolves once `rows` and `events` are committed; rejects (and they may be partly stored) if a write failed. */
  submit(rows: ReadingRow[], events: IngestEvent[] = []): Promise<void> {
    if (this.closed) return Promise.reject(new Error('writer closed'));
    if (this.byLane.length === 1) return this.byLane[0].submit(rows, events);
    const n = this.byLane.length;
    const parts = new Map<number, ReadingRow[]>();
    for (const r of rows) {
      const k = r.pointId % n;
      const part = parts.get(k);
      if (part) part.push(r);
      else parts.set(k, [r]);
    }
    // Events go with the first part (or to the lane of their point when there are no readings).
    const eventLane = parts.size ? parts.keys().next().value! : (events[0]?.pointId ?? 0) % n;
    if (!parts.has(eventLane)) parts.set(eventLane, []);
    const done = Promise.all([...parts].map(([k, part]) => this.byLane[k].submit(part, k === eventLane ? events : [])));
    done.catch(() => undefined); // handled below, possibly after it rejected: not an unhandled rejection
    const ordered = this.tail.then(() => done).then(() => undefined);
    this.tail = ordered.catch(() => undefined);
    return ordered;
  }

  /** Writes what is queued, then refuses new submissions. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.byLane.map((l) => l.drain()));
  }
}
