import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { KeyCreate, KeyCreated, KeyOut } from '../../contracts/ingest.ts';
import { can } from '../../core/access/policy.ts';
import { appendAudit } from '../audit/log.ts';
import { orgTarget } from '../access/guard.ts';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.ts';
import { newKey } from '../../ingest/api-keys.ts';
import type { Caller } from './points.ts';

interface Row {
  id: number; organisation_id: number; enterprise_name: string; region_id: number; name: string; prefix: string;
  created_by_name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null;
}

const SELECT = `select k.id, k.organisation_id, o.name as enterprise_name, o.region_id, k.name, k.prefix, k.created_by_name,
  k.created_at, k.last_used_at, k.revoked_at
  from ingest_keys k join organisations o on o.id = k.organisation_id`;

const target = (r: { organisation_id: number; region_id: number }) => orgTarget({ id: r.organisation_id, region_id: r.region_id, kind: 'enterprise' });
const actor = (p: Caller) => ({ userId: p.userId, username: p.username });

const toOut = (r: Row): KeyOut => ({
  id: r.id, organisationId: r.organisation_id, enterpriseName: r.enterprise_name, name: r.name, prefix: r.prefix, createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null,
});
/** What the audit log keeps of a key: never the key or its hash. */
const audited = (k: KeyOut) => ({ id: k.id, name: k.name, prefix: k.prefix, organisationId: k.organisationId, revokedAt: k.revokedAt });

async function one(q: Queryable, id: number): Promise<Row | undefined> {
  return (await q.query<Row>(`${SELECT} where k.id = $1`, [id])).rows[0];
}

/** Issues a key for an enterprise; the key is in this answer only (the table keeps its SHA-256). */
export async function createKey(ctx: AppContext, p: Caller, body: KeyCreate): Promise<KeyCreated> {
  return ctx.db.tx(async (q) => {
    const field = body.enterprise ? 'enterprise' : 'organisationId';
    const org = (await q.query<{ id: number; region_id: number; kind: string; name: string }>(
      `select id, region_id, kind, name from organisations where ${body.enterprise ? 'credit_code' : 'id'} = $1`, [body.enterprise ?? body.organisationId],
    )).rows[0];
    const tree = await ctx.regions.get(q);
    if (!org || !can(p.grants, 'organisation.read', orgTarget({ id: org.id, region_id: org.region_id, kind: org.kind as 'enterprise' }), tree)) {
      throw notFound('企业', 'Enterprise', field);
    }
    if (org.kind !== 'enterprise') {
      throw new HttpError(400, 'not_an_enterprise', { field, zh: `${field}：“${org.name}”不是企业，接入密钥只发给企业`, en: `${field}: "${org.name}" is not an enterprise; ingestion keys belong to enterprises` });
    }
    if (!can(p.grants, 'monitoring.key', target({ organisation_id: org.id, region_id: org.region_id }), tree)) throw forbidden(org.name);
    const { key, prefix, hash } = newKey();
    const now = ctx.now();
    const id = (await q.query<{ id: number }>(
      `insert into ingest_keys (organisation_id, name, prefix, secret_hash, created_by, created_by_name, created_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [org.id, body.name, prefix, hash, p.userId, p.username, now],
    )).rows[0].id;
    const out = toOut((await one(q, id))!);
    await appendAudit(q, actor(p), { action: 'create', entityType: 'ingest_key', entityId: prefix, regionId: org.region_id, organisationId: org.id, after: audited(out) }, now);
    return { ...out, key };
  });
}

export async function listKeys(ctx: AppContext, p: Caller, organisationId?: number): Promise<KeyOut[]> {
  const rows = (await ctx.db.query<Row>(`${SELECT} ${organisationId ? 'where k.organisation_id = $1' : ''} order by o.name, k.created_at, k.id`,
    organisationId ? [organisationId] : [])).rows;
  const tree = await ctx.regions.get();
  return rows.filter((r) => can(p.grants, 'monitoring.key', target(r), tree)).map(toOut);
}

/** Revokes a key at once (the next request with it gets 401); the row stays, for the audit trail. */
export async function revokeKey(ctx: AppContext, p: Caller, id: number): Promise<KeyOut> {
  return ctx.db.tx(async (q) => {
    const row = await one(q, id);
    if (!row || !can(p.grants, 'monitoring.key', target(row), await ctx.regions.get(q))) throw notFound('接入密钥', 'Ingestion key', 'id');
    if (row.revoked_at) throw conflict(`密钥 ${row.prefix} 已于 ${row.revoked_at.toISOString()} 吊销`, `Key ${row.prefix} was revoked at ${row.revoked_at.toISOString()}`, 'id');
    const now = ctx.now();
    await q.query('update ingest_keys set revoked_at = $2, revoked_by = $3 where id = $1', [id, now, p.userId]);
    const before = toOut(row);
    const after = toOut((await one(q, id))!);
    await appendAudit(q, actor(p), { action: 'revoke', entityType: 'ingest_key', entityId: row.prefix, regionId: row.region_id, organisationId: row.organisation_id, before: audited(before), after: audited(after) }, now);
    return after;
  });
}
