import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical.ts';

export { canonicalJson };

/** The genesis link of the audit chain. */
export const GENESIS_HASH = '0'.repeat(64);

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
