import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './types.ts';
import { OID, parseDate, parseInt8, parseNumeric } from './parsers.ts';

/**
 * Embedded PostgreSQL (PGlite, PG 18 in wasm). One connection: PGlite serialises every query, and a
 * transaction holds its lock until it ends, so `tx` gives real isolation without a pool.
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = new PGlite(dataDir ?? 'memory://', {
    parsers: { [OID.int8]: parseInt8, [OID.numeric]: parseNumeric, [OID.date]: parseDate },
  });
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(text, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(script: string) {
      await q.exec(script);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    serverVersion: async () => (await pg.query<{ v: string }>('select version() as v')).rows[0].v,
    close: () => pg.close(),
  };
}
