/**
 * A small pool of scenario worker threads (worker.mjs): at most `size` runs at once, the rest wait in
 * order. Workers start when needed (or ahead, `warm`: starting one compiles the engine, about a second),
 * are reused, do not keep the process alive (unref), and stop after `idleMs` without work. A worker that
 * dies takes only its own task down (rejected), and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { DomainError } from '../../core/errors.ts';
import type { WorkerReply, WorkerTask } from './worker-main.ts';

const ENTRY = new URL('./worker.mjs', import.meta.url);

/** Long runs at once: one worker per two cores, at least one (a 2-core machine runs one at a time). */
export function runWorkers(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

interface Task {
  msg: Omit<WorkerTask, 'id'>;
  id: number;
  onStart?: () => void;
  onProgress?: (done: number, total: number) => void;
  resolve: (report: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot { worker: Worker; task: Task | null; idle?: NodeJS.Timeout }

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;

  constructor(readonly size: number, private readonly idleMs = 60_000) {}

  /** Tasks waiting for a worker. */
  get waiting(): number { return this.queue.length; }

  /** Runs one task; `onStart` when a worker takes it, `onProgress` as it reports. */
  run(msg: Omit<WorkerTask, 'id'>, hooks: { onStart?: () => void; onProgress?: (done: number, total: number) => void } = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ msg, id: ++this.seq, ...hooks, resolve, reject });
      this.pump();
    });
  }

  /** Starts a worker now if none is running, so the first task does not wait for it to load. */
  warm(): void {
    if (this.slots.length) return;
    const slot = this.spawn();
    slot.idle = setTimeout(() => this.retire(slot), this.idleMs).unref();
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as Task;
      if (slot.idle) clearTimeout(slot.idle);
      slot.task = task;
      task.onStart?.();
      slot.worker.postMessage({ ...task.msg, id: task.id } satisfies WorkerTask);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY);
    const slot: Slot = { worker, task: null };
    this.slots.push(slot);
    worker.on('message', (m: WorkerReply) => {
      const task = slot.task;
      if (!task || m.id !== task.id) return;
      if (m.type === 'progress') { task.onProgress?.(m.done, m.total); return; }
      slot.task = null;
      if (m.type === 'done') task.resolve(m.report);
      else task.reject('code' in m.error ? new DomainError(m.error.code, m.error, m.error.issues) : new Error(m.error.message));
      slot.idle = setTimeout(() => this.retire(slot), this.idleMs).unref();
      this.pump();
    });
    const fail = (e: Error) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (slot.idle) clearTimeout(slot.idle);
      slot.task?.reject(e);
      slot.task = null;
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (this.slots.includes(slot)) fail(new Error(`scenario worker exited with code ${code}`)); });
    worker.unref(); // after the listeners: adding a 'message' listener refs the worker's port again
    return slot;
  }

  private retire(slot: Slot): void {
    if (slot.task) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }
}
