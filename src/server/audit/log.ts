import type { Db, Queryable } from '../../db/index.ts';
import { GENESIS_HASH, hashEntry, verifyRun, type AuditEntry, type ChainBreak, type ChainedEntry } from '../../core/audit/chain.ts';

/** Serialises appends: each entry links to the one before, so two writers must not read the same head. */
const AUDIT_LOCK = 727_002;

export interface Actor {
  userId: number | null;
  username: string;
}
export const SYSTEM: Actor = { userId: null, username: 'system' };

export interface Change {
  action: 'create' | 'update' | 'delete' | string;
  entityType: string;
  entityId: string | number;
  regionId?: number | null;
  organisationId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its record commit or roll back together.
 */
export async function appendAudit(q: Queryable, actor: Actor, change: Change, at: Date): Promise<number> {
  await q.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const head = (await q.query<{ seq: number; hash: string }>('select seq, hash from audit_log order by seq desc limit 1')).rows[0];
  const entry: AuditEntry = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorId: actor.userId,
    actorName: actor.username,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    regionId: change.regionId ?? null,
    organisationId: change.organisationId ?? null,
    // Round-trip through JSON so what is hashed is exactly what jsonb will hold (no undefined, no Dates).
    before: change.before === undefined ? null : JSON.parse(JSON.stringify(change.before)),
    after: change.after === undefined ? null : JSON.parse(JSON.stringify(change.after)),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashEntry(entry, prevHash);
  await q.query(
    `insert into audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, region_id, organisation_id, before, after, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13)`,
    [entry.seq, at, entry.actorId, entry.actorName, entry.action, entry.entityType, entry.entityId, entry.regionId,
      entry.organisationId, JSON.stringify(entry.before), JSON.stringify(entry.after), prevHash, hash],
  );
  return entry.seq;
}

interface Row {
  seq: number; at: Date; actor_id: number | null; actor_name: string; action: string; entity_type: string; entity_id: string;
  region_id: number | null; organisation_id: number | null; before: unknown; after: unknown; prev_hash: string; hash: string;
}

export const toEntry = (r: Row): ChainedEntry => ({
  seq: r.seq, at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, entityType: r.entity_type,
  entityId: r.entity_id, regionId: r.region_id, organisationId: r.organisation_id, before: r.before, after: r.after,
  prevHash: r.prev_hash, hash: r.hash,
});

export const AUDIT_COLUMNS = 'seq, at, actor_id, actor_name, action, entity_type, entity_id, region_id, organisation_id, before, after, prev_hash, hash';

/** Walks the whole chain in pages; returns the number of entries and the first break, if any. */
export async function verifyAudit(db: Db, pageSize = 2000): Promise<{ entries: number; firstBreak: ChainBreak | null }> {
  let prev: { seq: number; hash: string } | null = null;
  let count = 0;
  for (;;) {
    const rows: Row[] = (await db.query<Row>(
      `select ${AUDIT_COLUMNS} from audit_log where seq > $1 order by seq limit $2`,
      [prev?.seq ?? 0, pageSize],
    )).rows;
    if (!rows.length) return { entries: count, firstBreak: null };
    const entries: ChainedEntry[] = rows.map(toEntry);
    const broken = verifyRun(entries, prev);
    if (broken) return { entries: count + entries.findIndex((e) => e.seq === broken.seq), firstBreak: broken };
    count += entries.length;
    const last: ChainedEntry = entries[entries.length - 1];
    prev = { seq: last.seq, hash: last.hash };
  }
}
