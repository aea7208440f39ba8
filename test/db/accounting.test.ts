import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { backends, freshDb } from '../helpers/db.ts';
import type { Db } from '../../src/db/index.ts';
import { prepareDatabase } from '../../src/server/platform.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { seedFactorSet } from '../../src/core/factors/index.ts';
import { REFERENCE_URL, loadFactorSet, seedFactorLibrary } from '../../src/server/accounting/factor-sets.ts';
import { verifyInventory } from '../../src/server/accounting/inventories.ts';
import { HttpError } from '../../src/server/http/errors.ts';

const referenceText = readFileSync(REFERENCE_URL, 'utf8');
const count = async (db: Db, sql: string, args: unknown[] = []) => (await db.query<{ n: number }>(`select count(*)::int as n ${sql}`, args)).rows[0].n;

for (const kind of backends()) {
  describe(`accounting on ${kind}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await freshDb(kind, { migrate: false }));
      await prepareDatabase(db);
    });
    after(() => drop());

    test('the factor library is seeded once from the reference data and restores to its fingerprint', async () => {
      assert.equal(await count(db, 'from factor_sets'), 1);
      await prepareDatabase(db);
      assert.equal(await count(db, 'from factor_sets'), 1, 'seeding is idempotent');
      // the same content under another file hash (whitespace) is not a new version either
      assert.equal(await db.tx((q) => seedFactorLibrary(q, `${referenceText}\n`)), null);
      const { row, set } = await loadFactorSet(db, 1);
      const expected = seedFactorSet(JSON.parse(referenceText));
      assert.equal(set.fingerprint, expected.fingerprint, 'jsonb gives back exactly the records that were stored');
      assert.equal(row.record_count, 411);
      assert.deepEqual([row.name, row.version, row.parent_id], ['cn-reference-seed', 1, null]);
    });

    test('changed reference data becomes the next seed version; the old one stays', async () => {
      const ref = JSON.parse(referenceText);
      ref['1_fuel_parameters'].heat.purchased_heat_default_ef.value = 0.111;
      const row = await db.tx((q) => seedFactorLibrary(q, JSON.stringify(ref)));
      assert.ok(row);
      assert.equal(row.version, 2);
      const heat = (await loadFactorSet(db, row.id)).set.records.find((r) => r.kind === 'heat.co2')!;
      assert.equal(heat.value, 0.111);
      assert.equal((await loadFactorSet(db, 1)).set.records.find((r) => r.kind === 'heat.co2')!.value, 0.11);
      // calculations without a named set now use the newest seed; remove it again for the demo below
      await db.query('delete from factor_sets where id = $1', [row.id]);
    });

    test('the demo stores 示范市 2020/2023 and the cement report; recomputing gives the stored result', async () => {
      await loadDemo(db, new Date('2026-03-01T08:00:00Z'), 'Demo-pass-2026');
      const region = (await db.query<{ id: number }>("select id from regions where code = '430000-DEMO'")).rows[0].id;
      const inv = (await db.query<{ id: number; year: number; factor_set_id: number }>('select id, year, factor_set_id from inventories where region_id = $1 order by year', [region])).rows;
      assert.deepEqual(inv.map((i) => i.year), [2020, 2023]);
      // 10 computed observations: 5 indicators × 2 years, submitted for review
      assert.equal(await count(db, "from observations where region_id = $1 and source = 'computed' and status = 'submitted'", [region]), 10);
      assert.equal(await count(db, "from enterprise_reports where status = 'submitted'"), 1);
      assert.equal(await count(db, "from audit_log where entity_type in ('inventory', 'enterprise_report', 'factor_set')"), 4);
      for (const i of inv) assert.deepEqual(await verifyInventory(db, i.id), { id: i.id, factorSetIntact: true, identical: true, differences: [], problem: null });
      // one inventory per input and set: the same again is refused by the table too
      await assert.rejects(db.query('insert into inventories (region_id, year, factor_set_id, factor_set_fingerprint, input_hash, calculator, input, result, summary, created_at) select region_id, year, factor_set_id, factor_set_fingerprint, input_hash, calculator, input, result, summary, created_at from inventories where id = $1', [inv[1].id]), /duplicate key|unique/);
    });

    test('a stored set changed behind the platform\'s back is refused, and the inventories using it say so', async () => {
      const demoSet = (await db.query<{ id: number }>('select factor_set_id as id from inventories order by id limit 1')).rows[0].id;
      await db.query(`update factor_sets set content = jsonb_set(content, '{records,0,value}', '999'::jsonb) where id = $1`, [demoSet]);
      await assert.rejects(loadFactorSet(db, demoSet), (e: unknown) => e instanceof HttpError && e.status === 409 && e.code === 'factor_set_tampered' && /指纹不符/.test(e.zh));
      const id = (await db.query<{ id: number }>('select id from inventories order by id limit 1')).rows[0].id;
      const v = await verifyInventory(db, id);
      assert.equal(v.factorSetIntact, false);
      assert.equal(v.identical, false);
      assert.match(v.problem!.en, /no longer matches its fingerprint/);
      // the seed it was derived from is untouched
      assert.equal((await loadFactorSet(db, 1)).row.fingerprint, seedFactorSet(JSON.parse(referenceText)).fingerprint);
    });
  });
}
