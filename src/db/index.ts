import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export type { Db, Queryable, QueryResult, DbKind } from './types.ts';
export { isPgError } from './types.ts';
export { migrate } from './migrate.ts';
export { lockDataDir } from './lock.ts';

export interface DbConfig {
  /** postgresql://… — when set, a real server; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory (tests). */
  dataDir?: string;
}

export function openDb(cfg: DbConfig): Promise<Db> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite(cfg.dataDir);
}
