// The writer's lanes, against a fake database whose commits the test releases one by one (the real
// databases are exercised by test/db/monitoring.test.ts and test/api/monitoring-listener.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db, Queryable } from '../db/index.ts';
import { ReadingWriter } from './writer.ts';
import type { ReadingRow } from './store.ts';

/** A PostgreSQL-like Db: each readings batch waits until the test calls `commit(i)` or `fail(i)`. */
function fakeDb() {
  const batches: { points: number[]; release: (ok: boolean) => void }[] = [];
  const arrived: (() => void)[] = [];
  const q: Queryable = {
    async query<T>(text: string, params?: readonly unknown[]) {
      if (!text.includes('insert into readings')) return { rows: [] as T[], rowCount: 0 }; // partitions, events
      const points = params![0] as number[];
      await new Promise<void>((resolve, reject) => {
        batches.push({ points, release: (ok) => (ok ? resolve() : reject(new Error('write failed'))) });
        arrived.shift()?.();
      });
      return { rows: [{ inserted: points.length }] as T[], rowCount: 1 };
    },
    async exec() {},
  };
  const db: Db = { kind: 'postgresql', ...q, tx: (fn) => fn(q), serverVersion: async () => '', close: async () => {} };
  /** resolves once `n` batches have reached the database */
  const reached = async (n: number) => {
    while (batches.length < n) await new Promise<void>((r) => arrived.push(r));
  };
  return { db, batches, reached };
}

const row = (pointId: number, minute = 0): ReadingRow => ({ pointId, time: Date.UTC(2026, 5, 1, 0, minute), factor: 'e10001', kind: 'min-Cou', value: 1, flag: 'N' });

/** Records the order in which submissions settle. */
function track(settled: string[], name: string, p: Promise<void>) {
  return p.then(() => settled.push(`${name} ok`), () => settled.push(`${name} failed`));
}

test('each point belongs to one lane: a submission is split by point id % lanes and settles when all parts committed', async () => {
  const { db, batches, reached } = fakeDb();
  const w = new ReadingWriter(db, { lanes: 2, maxDelayMs: 1 });
  assert.equal(w.lanes, 2);
  const settled: string[] = [];
  const all = track(settled, 'mixed', w.submit([row(1), row(2), row(3), row(4)]));
  await reached(2);
  assert.deepEqual(batches.map((b) => b.points).sort(), [[1, 3], [2, 4]]); // odd points in one lane, even in the other
  batches.find((b) => b.points[0] === 1)!.release(true);
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(settled, []); // half committed is not committed
  batches.find((b) => b.points[0] === 2)!.release(true);
  await all;
  assert.deepEqual(settled, ['mixed ok']);
  assert.equal(w.stats.readingsNew, 4);
  await w.close();
});

test('submissions settle in the order they were made, even when a later lane commits first', async () => {
  const { db, batches, reached } = fakeDb();
  const w = new ReadingWriter(db, { lanes: 2, maxDelayMs: 1 });
  const settled: string[] = [];
  const first = track(settled, 'first (point 1)', w.submit([row(1)]));
  const second = track(settled, 'second (point 2)', w.submit([row(2)]));
  await reached(2);
  const batchOf = (point: number) => batches.find((b) => b.points[0] === point)!;
  batchOf(2).release(true); // point 2's lane commits first …
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(settled, []); // … but its acknowledgement waits for the earlier submission
  batchOf(1).release(true);
  await Promise.all([first, second]);
  assert.deepEqual(settled, ['first (point 1) ok', 'second (point 2) ok']);
  await w.close();
});

test('a failed batch rejects only its own submissions; the other lane goes on', async () => {
  const { db, batches, reached } = fakeDb();
  const w = new ReadingWriter(db, { lanes: 2, maxDelayMs: 1 });
  const settled: string[] = [];
  const a = track(settled, 'point 1', w.submit([row(1)]));
  const b = track(settled, 'point 2', w.submit([row(2)]));
  await reached(2);
  batches.find((x) => x.points[0] === 1)!.release(false);
  batches.find((x) => x.points[0] === 2)!.release(true);
  await Promise.all([a, b]);
  assert.deepEqual(settled, ['point 1 failed', 'point 2 ok']);
  assert.equal(w.stats.failures, 1);
  // the failed lane keeps working
  const c = w.submit([row(3, 1)]);
  await reached(3);
  batches[2].release(true);
  await c;
  await w.close();
  await assert.rejects(w.submit([row(1)]), /writer closed/);
});

test('one lane by default on PGlite (one connection), two on PostgreSQL', () => {
  const { db } = fakeDb();
  assert.equal(new ReadingWriter(db).lanes, 2);
  assert.equal(new ReadingWriter({ ...db, kind: 'pglite' }).lanes, 1);
});
