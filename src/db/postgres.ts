import pg from 'pg';
import type { Db, Queryable, QueryResult } from './types.ts';
import { OID, parseDate, parseInt8, parseNumeric } from './parsers.ts';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.numeric) return parseNumeric;
    if (oid === OID.date) return parseDate;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A real PostgreSQL server through a connection pool (DATABASE_URL). */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // Fail fast with a clear message if the server is unreachable.
  await pool.query('select 1');
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await c.query(text, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(script: string) {
      await c.query(script);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgresql',
    query: base.query,
    exec: base.exec,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(wrap(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    serverVersion: async () => (await pool.query<{ v: string }>('select version() as v')).rows[0].v,
    close: () => pool.end(),
  };
}
