import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';

/**
 * Enterprise API keys for batch ingestion: `stk_<12 hex>.<32 base64url>`. The prefix (before the dot) is
 * shown in lists; only the SHA-256 of the whole key is stored, so a leaked table reveals no key. The key has
 * 192 random bits, so one unsalted hash is enough and the lookup is by that hash.
 */
const FORMAT = /^stk_[0-9a-f]{12}\.[A-Za-z0-9_-]{32}$/;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export function newKey(): { key: string; prefix: string; hash: string } {
  const prefix = `stk_${randomBytes(6).toString('hex')}`;
  const key = `${prefix}.${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashKey(key) };
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function keyOfHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;
  const auth = one(headers.authorization);
  const bearer = auth && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() : null;
  return bearer || one(headers['x-api-key']);
}

export interface KeyHolder {
  keyId: number;
  organisationId: number;
  prefix: string;
}

/** When last_used_at was last written, per database and key: written at most once a minute. */
const touched = new WeakMap<Db, Map<number, number>>();

/** The enterprise a valid, unrevoked key belongs to; null for anything else. */
export async function verifyKey(db: Db, key: string | null, now: Date): Promise<KeyHolder | null> {
  if (!key || !FORMAT.test(key)) return null;
  const row = (await db.query<{ id: number; organisation_id: number; prefix: string }>(
    'select id, organisation_id, prefix from ingest_keys where secret_hash = $1 and revoked_at is null', [hashKey(key)],
  )).rows[0];
  if (!row) return null;
  let seen = touched.get(db);
  if (!seen) touched.set(db, (seen = new Map()));
  const last = seen.get(row.id);
  if (last === undefined || now.getTime() - last >= 60_000) {
    seen.set(row.id, now.getTime());
    await db.query('update ingest_keys set last_used_at = $2 where id = $1', [row.id, now]);
  }
  return { keyId: row.id, organisationId: row.organisation_id, prefix: row.prefix };
}
