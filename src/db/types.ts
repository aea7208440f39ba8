/** The database interface the rest of the platform sees: parameterised SQL, transactions, nothing else. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
}

export type DbKind = 'pglite' | 'postgresql';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs fn in one transaction; rolls back if it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** `PostgreSQL 18.6 …` as the server reports it. */
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

/** Postgres error with SQLSTATE, as both drivers raise it. */
export interface PgError extends Error {
  code?: string;
  constraint?: string;
  detail?: string;
}

export function isPgError(e: unknown, code?: string): e is PgError {
  return e instanceof Error && typeof (e as PgError).code === 'string' && (!code || (e as PgError).code === code);
}
