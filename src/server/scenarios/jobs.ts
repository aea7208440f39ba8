/**
 * Stored runs as jobs. A run is queued in the database with its exact input and options, handed to the
 * worker pool (pool.ts: Monte Carlo never blocks the event loop), and its state written back as it goes:
 * running with the share of draws done, then done with the report or failed with the error. The process
 * working on a run refreshes its heartbeat; a queued or running run whose heartbeat stopped for a minute
 * (the process stopped) reads as failed, interrupted. Live previews use a pool of their own, so a long
 * stored run does not hold up the editor.
 */
import type { AppContext } from '../context.ts';
import type { DomainError } from '../../core/errors.ts';
import { runWorkers, WorkerPool } from './pool.ts';
import type { WorkerTask } from './worker-main.ts';

/** How often the working process refreshes heartbeats and writes progress. */
const HEARTBEAT_MS = 2_000;
/** A heartbeat older than this means the run was interrupted. */
export const STALE_MS = 60_000;

export const INTERRUPTED = {
  code: 'interrupted',
  zh: '运行被中断（服务在运行完成前停止），请重新运行',
  en: 'the run was interrupted (the server stopped before it finished); run it again',
};

class ScenarioJobs {
  readonly runs = new WorkerPool(runWorkers());
  /** one worker for live previews, kept ten minutes after the last one (an editing session) */
  readonly previews = new WorkerPool(1, 600_000);
  /** runs this process holds, with their latest progress */
  readonly held = new Map<number, { percent: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** Hands a queued run (already stored) to the pool; resolves when it is written back. */
  start(runId: number, task: Omit<WorkerTask, 'id'>): Promise<void> {
    const { db } = this.ctx;
    this.held.set(runId, { percent: 0 });
    this.beat();
    const write = (sql: string, args: unknown[]) => db.query(sql, args).catch(() => undefined); // the database may be closing
    return this.runs.run(task, {
      onStart: () => void write(`update scenario_runs set status = 'running', started_at = $2, heartbeat_at = $2 where id = $1 and status = 'queued'`, [runId, this.ctx.now()]),
      onProgress: (done, total) => {
        const h = this.held.get(runId);
        if (h) h.percent = total > 0 ? Math.min(99, Math.floor((100 * done) / total)) : 0;
      },
    }).then(
      (report) => write(
        `update scenario_runs set status = 'done', percent = 100, report = $2::jsonb, finished_at = $3, heartbeat_at = $3 where id = $1`,
        [runId, JSON.stringify(report), this.ctx.now()],
      ),
      (e: Error) => {
        const d = e as Partial<DomainError>;
        const error = d.zh && d.en ? { code: d.code ?? 'failed', zh: d.zh, en: d.en, field: d.field, issues: d.issues } : { code: 'failed', zh: `运行失败：${e.message}`, en: `the run failed: ${e.message}` };
        return write(`update scenario_runs set status = 'failed', error = $2::jsonb, finished_at = $3, heartbeat_at = $3 where id = $1`, [runId, JSON.stringify(error), this.ctx.now()]);
      },
    ).then(() => { this.held.delete(runId); });
  }

  /** Latest progress of a run this process holds. */
  percent(runId: number): number | undefined {
    return this.held.get(runId)?.percent;
  }

  /** Refreshes the heartbeat (and progress) of the runs held, every HEARTBEAT_MS while there are any. */
  private beat(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.held.size) { clearInterval(this.timer!); this.timer = null; return; }
      const ids = [...this.held.keys()];
      const pct = ids.map((id) => this.held.get(id)!.percent);
      void this.ctx.db.query(
        `update scenario_runs r set heartbeat_at = $3, percent = case when r.status = 'running' then greatest(r.percent, p.pct) else r.percent end
           from unnest($1::int[], $2::int[]) as p(id, pct) where r.id = p.id and r.status in ('queued', 'running')`,
        [ids, pct, this.ctx.now()],
      ).catch(() => undefined);
    }, HEARTBEAT_MS).unref();
  }
}

const byContext = new WeakMap<AppContext, ScenarioJobs>();

/** The job runner of one server (created on first use). */
export function jobsOf(ctx: AppContext): ScenarioJobs {
  let j = byContext.get(ctx);
  if (!j) { j = new ScenarioJobs(ctx); byContext.set(ctx, j); }
  return j;
}
