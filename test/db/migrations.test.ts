import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { backends, freshDb } from '../helpers/db.ts';
import { migrate, type Db } from '../../src/db/index.ts';
import { listMigrations } from '../../src/db/migrate.ts';

for (const kind of backends()) {
  describe(`migrations on ${kind}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    before(async () => ({ db, drop } = await freshDb(kind, { migrate: false })));
    after(() => drop());

    test('apply once, then nothing to do', async () => {
      const first = await migrate(db);
      assert.deepEqual(first, listMigrations().map((m) => m.version));
      assert.deepEqual(await migrate(db), []);
      const tables = (await db.query<{ t: string }>(
        "select table_name as t from information_schema.tables where table_schema = 'public' order by 1",
      )).rows.map((r) => r.t);
      for (const t of ['audit_log', 'organisations', 'regions', 'sessions', 'user_roles', 'users']) assert.ok(tables.includes(t), t);
    });

    test('the server reports its version', async () => {
      assert.match(await db.serverVersion(), kind === 'pglite' ? /PostgreSQL 1[5-9].*PGlite/ : /PostgreSQL 1[5-9]/);
    });

    test('constraints: GB/T 2260 code shape, enterprise needs a credit code', async () => {
      await assert.rejects(db.query("insert into regions (code, code_kind, name, name_en, level) values ('12AB', 'gbt2260', 'x', 'x', 'city')"), /check constraint/);
      await db.query("insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city')");
      await assert.rejects(
        db.query("insert into organisations (region_id, kind, name) select id, 'enterprise', 'x' from regions where code = '510500'"),
        /check constraint/,
      );
    });

    test('a failed transaction writes nothing', async () => {
      await assert.rejects(db.tx(async (q) => {
        await q.query("insert into regions (code, code_kind, name, name_en, level) values ('510502', 'gbt2260', '江阳区', 'Jiangyang', 'county')");
        throw new Error('boom');
      }), /boom/);
      assert.equal((await db.query("select 1 from regions where code = '510502'")).rows.length, 0);
    });
  });
}
