import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { migrate, type Db, type DbKind } from '../../src/db/index.ts';

/** The database kinds the db suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
}

/**
 * A fresh, migrated database of the given kind: PGlite in memory, or a new throw-away database on the
 * PostgreSQL server of TEST_DATABASE_URL (dropped again by `drop`).
 */
export async function freshDb(kind: DbKind, opts: { migrate?: boolean } = {}): Promise<{ db: Db; url?: string; drop: () => Promise<void> }> {
  let db: Db;
  let drop = async () => db.close();
  let url: string | undefined;
  if (kind === 'pglite') {
    db = await openPglite(undefined);
  } else {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `st_test_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    db = await openPostgres(url);
    drop = async () => {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // pg's pool.end() resolves before the server has seen its connections close; dropping WITH (FORCE)
      // right away would kill them mid-goodbye. Wait for them to go, then drop.
      for (let i = 0; i < 100; i++) {
        const n = (await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0].n;
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name}`);
      await c.end();
    };
  }
  if (opts.migrate !== false) await migrate(db);
  return { db, url, drop };
}
