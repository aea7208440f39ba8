import { createHash } from 'node:crypto';

/** The genesis link of the audit chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and `undefined` dropped, so the same entry hashes the same
 * way whether it comes from the application or back from jsonb (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AuditEntry {
  seq: number;
  at: string; // ISO 8601, millisecond precision
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  regionId: number | null;
  organisationId: number | null;
  before: unknown;
  after: unknown;
}

export function hashEntry(entry: AuditEntry, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'hash' | 'link' | 'gap' };

/**
 * Checks a run of entries in seq order, continuing from `prev` (the last verified entry, or none for the
 * start of the log). Returns the first break, or null.
 */
export function verifyRun(entries: readonly ChainedEntry[], prev: { seq: number; hash: string } | null): ChainBreak | null {
  let last = prev ?? { seq: 0, hash: GENESIS_HASH };
  for (const e of entries) {
    if (e.seq !== last.seq + 1) return { seq: e.seq, reason: 'gap' };
    if (e.prevHash !== last.hash) return { seq: e.seq, reason: 'link' };
    const { prevHash, hash, ...body } = e;
    if (hashEntry(body, prevHash) !== hash) return { seq: e.seq, reason: 'hash' };
    last = { seq: e.seq, hash };
  }
  return null;
}
