import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './types.ts';

const DIR = new URL('./migrations/', import.meta.url).pathname;
/** Any constant: serialises concurrent migrators on a shared PostgreSQL server. */
const MIGRATION_LOCK = 727_001;

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies pending migrations in file order, all in one transaction (all or nothing). The same files run on
 * PGlite (PG 18) and PostgreSQL 15, so they stay within PG 15 syntax.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.tx(async (q) => {
    await q.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.exec(`create table if not exists schema_migrations (
      version text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await q.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await q.exec(m.sql);
      await q.query('insert into schema_migrations (version) values ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
