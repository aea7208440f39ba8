import type { Db } from '../db/index.ts';
import { ensurePartitions, insertEvents, insertReadings, type IngestEvent, type ReadingRow } from './store.ts';

export interface WriterOptions {
  /** flush when this many readings are queued (default 5000) */
  maxRows?: number;
  /** or when the oldest queued item has waited this long (default 10 ms) */
  maxDelayMs?: number;
}

interface Pending {
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
 * Group commit: submissions from every connection are queued and written together, one transaction per
 * batch; a submission's promise resolves only after its batch committed (that is when the listener sends
 * the 9014). One batch at a time, so batches commit in submission order — acknowledgements of one
 * connection go out in the order its packets came.
 */
export class ReadingWriter {
  readonly stats: WriterStats = { batches: 0, readingsIn: 0, readingsNew: 0, events: 0, failures: 0 };
  private queue: Pending[] = [];
  private queuedRows = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly maxRows: number;
  private readonly maxDelayMs: number;

  constructor(private readonly db: Db, opts: WriterOptions = {}) {
    this.maxRows = opts.maxRows ?? 5000;
    this.maxDelayMs = opts.maxDelayMs ?? 10;
  }

  /** Readings queued and not yet committed (for backpressure and metrics). */
  get backlog(): number {
    return this.queuedRows;
  }

  submit(rows: ReadingRow[], events: IngestEvent[] = []): Promise<void> {
    if (this.closed) return Promise.reject(new Error('writer closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, events, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= this.maxRows) this.kick();
      else if (!this.timer && !this.running) this.timer = setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running || !this.queue.length) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.queue.length) this.timer = setTimeout(() => this.kick(), this.queuedRows >= this.maxRows ? 0 : this.maxDelayMs);
    });
  }

  private async loop(): Promise<void> {
    // Keep writing while there is a backlog: batches grow while a commit is in flight (group commit).
    while (this.queue.length) {
      const batch: Pending[] = [];
      let n = 0;
      while (this.queue.length && (n === 0 || n + this.queue[0].rows.length <= this.maxRows * 2)) {
        const p = this.queue.shift()!;
        batch.push(p);
        n += p.rows.length;
      }
      this.queuedRows -= n;
      const rows = batch.flatMap((p) => p.rows);
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

  /** Writes what is queued, then refuses new submissions. */
  async close(): Promise<void> {
    this.closed = true;
    this.kick();
    while (this.running) await this.running;
  }
}
