import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { lockDataDir, migrate, openDb, type Db } from '../db/index.ts';
import type { Config } from './config.ts';
import { createContext, type AppContext } from './context.ts';
import { syncIndicators } from './plans/indicators.ts';
import { seedFactorLibrary } from './accounting/factor-sets.ts';

/**
 * Opens the configured database — a real PostgreSQL server when DATABASE_URL is set, otherwise the embedded
 * PGlite in DATA_DIR, locked against a second process — and brings its schema up to date.
 */
export async function openPlatformDb(config: Config): Promise<{ db: Db; release: () => void; applied: string[] }> {
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite') });
    const applied = await prepareDatabase(db);
    return { db, release, applied };
  } catch (e) {
    release();
    throw e;
  }
}

/** Schema migrations, then the reference data that lives in code (the indicator catalogue). */
export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrate(db);
  await db.tx((q) => syncIndicators(q));
  await db.tx((q) => seedFactorLibrary(q));
  return applied;
}

export interface RunningPlatform {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function withContext<T>(config: Config, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { db, release } = await openPlatformDb(config);
  try {
    return await fn(createContext(db, config));
  } finally {
    await db.close();
    release();
  }
}
