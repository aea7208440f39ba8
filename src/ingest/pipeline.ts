import type { Db } from '../db/index.ts';
import { ReadingWriter, type WriterOptions } from './writer.ts';
import { PointRegistry } from './registry.ts';
import type { PointInfo } from './validate.ts';
import type { IngestEvent } from './store.ts';

export interface IngestLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
export const QUIET: IngestLog = { info: () => undefined, warn: () => undefined };

export interface PipelineOptions {
  writer?: WriterOptions;
  registryTtlMs?: number;
  now?: () => Date;
  log?: IngestLog;
}

export type Refusal = { code: 'unknown_mn' | 'wrong_pw' | 'inactive_point'; detail: string };

/** At most this many refusals a minute are recorded (a reconnect loop must not flood monitoring_events). */
const REFUSALS_PER_MINUTE = 120;
/** Content events kept per source (a connection, an API key, an MQTT client) and minute. */
export const CONTENT_EVENTS_PER_MINUTE = 100;

/**
 * What every ingestion path of one running platform shares — the HJ 212 TCP listener, the HTTP batch route
 * and MQTT: one point registry (MN → point, cached) and one group-commit writer, so that all readings go
 * through the same validation (validate.ts checkValues) and the same batches. The writer commits on one lane
 * on PGlite and two on PostgreSQL (a point's readings go to lane `point id % lanes`, batches of one lane commit
 * one after another); submissions settle in the order they were made.
 */
export class IngestPipeline {
  readonly writer: ReadingWriter;
  readonly registry: PointRegistry;
  readonly now: () => Date;
  readonly log: IngestLog;
  private refusals = { minute: 0, left: REFUSALS_PER_MINUTE };
  private content = new Map<string, { minute: number; left: number }>();

  constructor(readonly db: Db, opts: PipelineOptions = {}) {
    this.writer = new ReadingWriter(db, opts.writer);
    this.registry = new PointRegistry(db, opts.registryTtlMs ?? 5000);
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? QUIET;
  }

  /** MN and PW of a device → its registered, active point; or why not. */
  async authenticate(mn: string, pw: string | undefined): Promise<{ point: PointInfo } | { refusal: Refusal }> {
    const point = mn ? await this.registry.get(mn) : null;
    if (!point) return { refusal: { code: 'unknown_mn', detail: `MN “${mn.slice(0, 64)}” 未登记 / is not registered` } };
    if (point.pw !== pw) return { refusal: { code: 'wrong_pw', detail: `MN ${mn}: 密码不符 / wrong PW` } };
    if (!point.active) return { refusal: { code: 'inactive_point', detail: `MN ${mn}: 监测点已停用 / point is inactive` } };
    return { point };
  }

  /** Records a refusal (not tied to a point) as an event, within the overall budget. Never throws. */
  recordRefusal(code: string, mn: string | null, remote: string | null, detail: string): void {
    const at = this.now();
    const minute = Math.floor(at.getTime() / 60_000);
    if (this.refusals.minute !== minute) this.refusals = { minute, left: REFUSALS_PER_MINUTE };
    if (this.refusals.left-- > 0) this.writer.submit([], [{ at, pointId: null, mn, remote, code, detail }]).catch(() => undefined);
  }

  /** The content events of one source that fit its budget this minute (the rest are dropped). */
  budget(source: string, events: IngestEvent[]): IngestEvent[] {
    if (!events.length) return events;
    const minute = Math.floor(this.now().getTime() / 60_000);
    let b = this.content.get(source);
    if (!b || b.minute !== minute) {
      if (this.content.size > 10_000) this.content.clear();
      b = { minute, left: CONTENT_EVENTS_PER_MINUTE };
      this.content.set(source, b);
    }
    const kept = events.slice(0, Math.max(0, b.left));
    b.left -= kept.length;
    return kept;
  }

  /** Writes what is queued, then refuses new submissions. */
  close(): Promise<void> {
    return this.writer.close();
  }
}
