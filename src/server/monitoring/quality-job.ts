import type { AppContext } from '../context.ts';
import { DAY_MS } from '../../core/monitoring-quality/index.ts';
import { evaluateQuality, newQualityState, type EvaluationResult } from './quality-evaluate.ts';

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface QualityJobOptions {
  /** pause between the end of one run and the start of the next (default 5 min) */
  intervalMs?: number;
  /** how far back each run looks (default 2 days; the window starts at the beginning of that CST day) */
  windowMs?: number;
  /** delay of the first run after the start (default 30 s, so that starting the server is not slowed) */
  firstRunMs?: number;
  log?: JobLog;
}

export interface QualityJob {
  /** Runs now, or joins the run in progress (runs never overlap). Null when the run failed or the job stopped. */
  runNow(): Promise<EvaluationResult | null>;
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
  readonly stats: { runs: number; failures: number; last: EvaluationResult | null };
}

/**
 * Evaluates the last ~2 days of every point every few minutes, incrementally: the first run reads the whole
 * window, later ones only what is new (QualityState). The next run is scheduled only after the previous one
 * finished, and a run asked for while one is in progress joins it, so runs never overlap.
 */
export function startQualityJob(ctx: AppContext, opts: QualityJobOptions = {}): QualityJob {
  const intervalMs = opts.intervalMs ?? 5 * 60_000;
  const windowMs = opts.windowMs ?? 2 * DAY_MS;
  const stats: QualityJob['stats'] = { runs: 0, failures: 0, last: null };
  const state = newQualityState();
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<EvaluationResult | null> | null = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  };
  const once = async (): Promise<EvaluationResult | null> => {
    const to = ctx.now();
    try {
      const r = await evaluateQuality(ctx, { from: new Date(to.getTime() - windowMs), to }, state);
      stats.runs++;
      stats.last = r;
      if (r.created) opts.log?.info({ created: r.created, updated: r.updated, points: r.points, evaluated: r.pointsEvaluated, rawRows: r.rawRowsRead }, 'data-quality alarms raised');
      return r;
    } catch (e) {
      stats.failures++;
      opts.log?.warn({ err: String(e) }, 'data-quality evaluation failed; will retry');
      return null;
    }
  };
  function run(): Promise<EvaluationResult | null> {
    if (stopped) return Promise.resolve(null);
    if (current) return current;
    if (timer) clearTimeout(timer);
    timer = null;
    current = once().finally(() => {
      current = null;
      schedule(intervalMs);
    });
    return current;
  }
  schedule(opts.firstRunMs ?? 30_000);
  return {
    runNow: run,
    stats,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
