/**
 * The work a scenario worker thread does: one run of a scenario file (src/core/scenarios runScenarioFile),
 * reporting Monte Carlo progress, answering with the report (or its chart view) or with the error.
 * Messages: in {id, input, options, view}; out {id, type: 'progress', done, total} | {id, type: 'done', report}
 * | {id, type: 'error', error}.
 */
import { parentPort } from 'node:worker_threads';
import { chartView, runScenarioFile, type RunOptions } from '../../core/scenarios/index.ts';
import { DomainError } from '../../core/errors.ts';

export interface WorkerTask { id: number; input: unknown; options: Pick<RunOptions, 'scenarios' | 'draws' | 'seed'>; view: 'full' | 'chart' }
export type WorkerError = { code: string; zh: string; en: string; field?: string; issues: { field?: string; zh: string; en: string }[] } | { message: string };
export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; report: unknown }
  | { id: number; type: 'error'; error: WorkerError };

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs in a worker thread');
port.on('message', (task: WorkerTask) => {
  const reply = (m: WorkerReply) => port.postMessage(m);
  try {
    const report = runScenarioFile(task.input, {
      ...task.options,
      onProgress: (done, total) => reply({ id: task.id, type: 'progress', done, total }),
    });
    reply({ id: task.id, type: 'done', report: task.view === 'chart' ? chartView(report) : report });
  } catch (e) {
    const error: WorkerError = e instanceof DomainError
      ? { code: e.code, zh: e.zh, en: e.en, field: e.field, issues: e.issues }
      : { message: e instanceof Error ? e.message : String(e) };
    reply({ id: task.id, type: 'error', error });
  }
});
