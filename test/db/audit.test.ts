import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends, freshDb } from '../helpers/db.ts';
import type { Db } from '../../src/db/index.ts';
import { appendAudit, verifyAudit } from '../../src/server/audit/log.ts';

const actor = { userId: null, username: 'test' };
const at = new Date('2026-05-01T00:00:00.123Z');

for (const kind of backends()) {
  describe(`audit log on ${kind}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    before(async () => ({ db, drop } = await freshDb(kind)));
    after(() => drop());

    test('entries chain and verify; jsonb key reordering does not break hashes', async () => {
      for (let i = 1; i <= 5; i++) {
        await db.tx((q) => appendAudit(q, actor, { action: 'update', entityType: 'thing', entityId: i, before: { zeta: i, alpha: [1, { b: 2, a: 1 }] }, after: { v: i * 1.5, s: '泸州' } }, at));
      }
      assert.deepEqual(await verifyAudit(db, 2), { entries: 5, firstBreak: null });
    });

    test('concurrent writers still produce one contiguous chain', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => db.tx((q) => appendAudit(q, actor, { action: 'create', entityType: 'c', entityId: i }, at))));
      const r = await verifyAudit(db);
      assert.equal(r.firstBreak, null);
      assert.equal(r.entries, 25);
    });

    test('update, delete and truncate are refused by the database', async () => {
      await assert.rejects(db.query("update audit_log set actor_name = 'mallory' where seq = 2"), /append-only/);
      await assert.rejects(db.query('delete from audit_log where seq = 2'), /append-only/);
      await assert.rejects(db.query('truncate audit_log'), /append-only/);
    });

    test('tampering by someone who bypasses the trigger is detected at the entry', async () => {
      await db.exec('alter table audit_log disable trigger audit_log_no_update');
      await db.query(`update audit_log set after = '{"v": 999}'::jsonb where seq = 3`);
      await db.exec('alter table audit_log enable trigger audit_log_no_update');
      assert.deepEqual((await verifyAudit(db)).firstBreak, { seq: 3, reason: 'hash' });
    });
  });
}
