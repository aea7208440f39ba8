import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { PointCreate, PointOut, PointUpdate } from '../../contracts/monitoring.ts';
import { lookupFactor } from '../../core/hj212/index.ts';
import { can } from '../../core/access/policy.ts';
import { appendAudit } from '../audit/log.ts';
import { orgTarget } from '../access/guard.ts';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.ts';

interface Row {
  id: number; organisation_id: number; enterprise_name: string; credit_code: string | null; region_id: number; region_code: string; kind: 'enterprise';
  mn: string; protocol: PointOut['protocol']; name: string; quantity: string; interval_seconds: number; feeds: string | null; active: boolean;
  created_at: Date; updated_at: Date;
}
interface FactorRow { point_id: number; code: string; unit: string; multiplier: number; offset: number; min_value: number | null; max_value: number | null }

const SELECT = `select p.id, p.organisation_id, o.name as enterprise_name, o.credit_code, o.region_id, r.code as region_code, o.kind,
  p.mn, p.protocol, p.name, p.quantity, p.interval_seconds, p.feeds, p.active, p.created_at, p.updated_at
  from monitoring_points p join organisations o on o.id = p.organisation_id join regions r on r.id = o.region_id`;

/** Who acts: a logged-in principal, or the CLI working on the database directly (userId null, admin grant). */
export type Caller = Pick<Principal, 'grants' | 'username'> & { userId: number | null };
const actor = (p: Caller) => ({ userId: p.userId, username: p.username });
const target = (r: Pick<Row, 'organisation_id' | 'region_id'>) => orgTarget({ id: r.organisation_id, region_id: r.region_id, kind: 'enterprise' });

async function toOut(q: Queryable, rows: Row[]): Promise<PointOut[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const factors = (await q.query<FactorRow>(
    'select point_id, code, unit, multiplier, "offset", min_value, max_value from monitoring_point_factors where point_id = any($1::int[]) order by point_id, code', [ids],
  )).rows;
  // Latest reading per point: the hourly rollup finds its hour (an index lookup), then the raw rows of that
  // hour on give the exact time, so the raw table is touched only within one hour per point.
  const last = new Map((await q.query<{ point_id: number; at: Date | null }>(
    `select p.id as point_id, (select max(r.time) from readings r where r.point_id = p.id and r.time >= h.bucket) as at
       from unnest($1::int[]) as p(id)
       join lateral (select max(bucket) as bucket from readings_hourly where point_id = p.id) h on h.bucket is not null`, [ids],
  )).rows.map((r) => [r.point_id, r.at]));
  return rows.map((r) => ({
    id: r.id, organisationId: r.organisation_id, enterpriseName: r.enterprise_name, creditCode: r.credit_code, regionCode: r.region_code,
    mn: r.mn, protocol: r.protocol, name: r.name, quantity: r.quantity, intervalSeconds: r.interval_seconds, feeds: r.feeds, active: r.active,
    factors: factors.filter((f) => f.point_id === r.id).map((f) => ({ code: f.code, unit: f.unit, multiplier: f.multiplier, offset: f.offset, min: f.min_value, max: f.max_value })),
    lastReadingAt: last.get(r.id)?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  }));
}

/** Loads a point by MN and checks the principal may do `action` on it; what may not be read is "not found". */
export async function loadPoint(ctx: AppContext, q: Queryable, p: Caller, mn: string, action: 'monitoring.read' | 'monitoring.write'): Promise<Row> {
  const row = (await q.query<Row>(`${SELECT} where p.mn = $1`, [mn])).rows[0];
  const tree = await ctx.regions.get(q);
  if (!row || !can(p.grants, 'monitoring.read', target(row), tree)) throw notFound(`监测点 ${mn} `, `Monitoring point ${mn}`, 'mn');
  if (action !== 'monitoring.read' && !can(p.grants, action, target(row), tree)) throw forbidden(row.name);
  return row;
}

export async function listPoints(ctx: AppContext, p: Caller, organisationId?: number): Promise<PointOut[]> {
  const rows = (await ctx.db.query<Row>(`${SELECT} ${organisationId ? 'where p.organisation_id = $1' : ''} order by r.code, o.name, p.mn`, organisationId ? [organisationId] : [])).rows;
  const tree = await ctx.regions.get();
  return toOut(ctx.db, rows.filter((r) => can(p.grants, 'monitoring.read', target(r), tree)));
}

export async function getPoint(ctx: AppContext, p: Caller, mn: string): Promise<PointOut> {
  return (await toOut(ctx.db, [await loadPoint(ctx, ctx.db, p, mn, 'monitoring.read')]))[0];
}

async function writeFactors(q: Queryable, pointId: number, factors: NonNullable<PointUpdate['factors']>): Promise<void> {
  await q.query('delete from monitoring_point_factors where point_id = $1', [pointId]);
  for (const f of factors) {
    const std = lookupFactor(f.code)?.factor;
    const unit = f.unit ?? (std && 'unit' in std ? std.unit : '');
    await q.query(
      'insert into monitoring_point_factors (point_id, code, unit, multiplier, "offset", min_value, max_value) values ($1, $2, $3, $4, $5, $6, $7)',
      [pointId, f.code, unit, f.multiplier, f.offset, f.min ?? null, f.max ?? null],
    );
  }
}

export async function createPoint(ctx: AppContext, p: Caller, body: PointCreate): Promise<PointOut> {
  return ctx.db.tx(async (q) => {
    const org = (await q.query<{ id: number; region_id: number; kind: string; name: string }>(
      body.enterprise ? 'select id, region_id, kind, name from organisations where credit_code = $1' : 'select id, region_id, kind, name from organisations where id = $1',
      [body.enterprise ?? body.organisationId],
    )).rows[0];
    const field = body.enterprise ? 'enterprise' : 'organisationId';
    const tree = await ctx.regions.get(q);
    if (!org || !can(p.grants, 'organisation.read', orgTarget({ id: org.id, region_id: org.region_id, kind: org.kind as 'enterprise' }), tree)) {
      throw notFound('企业', 'Enterprise', field);
    }
    if (org.kind !== 'enterprise') {
      throw new HttpError(400, 'not_an_enterprise', { field, zh: `${field}：“${org.name}”不是企业，监测点只能属于企业`, en: `${field}: "${org.name}" is not an enterprise; points belong to enterprises` });
    }
    if (!can(p.grants, 'monitoring.write', target({ organisation_id: org.id, region_id: org.region_id }), tree)) throw forbidden(org.name);
    if ((await q.query('select 1 from monitoring_points where mn = $1', [body.mn])).rows.length) {
      throw conflict(`MN ${body.mn} 已登记`, `MN ${body.mn} is already registered`, 'mn');
    }
    const now = ctx.now();
    const id = (await q.query<{ id: number }>(
      `insert into monitoring_points (organisation_id, mn, pw, protocol, name, quantity, interval_seconds, feeds, active, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
      [org.id, body.mn, body.pw, body.protocol, body.name ?? body.mn, body.quantity, body.intervalSeconds, body.feeds ?? null, body.active, now],
    )).rows[0].id;
    await writeFactors(q, id, body.factors);
    const out = (await toOut(q, (await q.query<Row>(`${SELECT} where p.id = $1`, [id])).rows))[0];
    await appendAudit(q, actor(p), { action: 'create', entityType: 'monitoring_point', entityId: body.mn, regionId: org.region_id, organisationId: org.id, after: out }, now);
    return out;
  });
}

export async function updatePoint(ctx: AppContext, p: Caller, mn: string, body: PointUpdate): Promise<PointOut> {
  return ctx.db.tx(async (q) => {
    const row = await loadPoint(ctx, q, p, mn, 'monitoring.write');
    const before = (await toOut(q, [row]))[0];
    const sets: string[] = [];
    const args: unknown[] = [row.id];
    const set = (col: string, v: unknown) => { args.push(v); sets.push(`${col} = $${args.length}`); };
    if (body.pw !== undefined) set('pw', body.pw);
    if (body.protocol !== undefined) set('protocol', body.protocol);
    if (body.name !== undefined) set('name', body.name);
    if (body.quantity !== undefined) set('quantity', body.quantity);
    if (body.intervalSeconds !== undefined) set('interval_seconds', body.intervalSeconds);
    if (body.feeds !== undefined) set('feeds', body.feeds);
    if (body.active !== undefined) set('active', body.active);
    set('updated_at', ctx.now());
    await q.query(`update monitoring_points set ${sets.join(', ')} where id = $1`, args);
    if (body.factors) await writeFactors(q, row.id, body.factors);
    const after = (await toOut(q, (await q.query<Row>(`${SELECT} where p.id = $1`, [row.id])).rows))[0];
    // The password is never in the audit entry; that it changed is.
    await appendAudit(q, actor(p), {
      action: 'update', entityType: 'monitoring_point', entityId: mn, regionId: row.region_id, organisationId: row.organisation_id,
      before, after: { ...after, ...(body.pw !== undefined ? { passwordChanged: true } : {}) },
    }, ctx.now());
    return after;
  });
}

/** Deletes a point that never delivered a reading; one with readings can only be deactivated (its data stays). */
export async function deletePoint(ctx: AppContext, p: Caller, mn: string): Promise<{ ok: true }> {
  return ctx.db.tx(async (q) => {
    const row = await loadPoint(ctx, q, p, mn, 'monitoring.write');
    if ((await q.query('select 1 from readings_monthly where point_id = $1 limit 1', [row.id])).rows.length) {
      throw conflict(`监测点 ${mn} 已有数据，不能删除，可停用（active=false）`, `Point ${mn} has readings and cannot be deleted; deactivate it (active=false)`, 'mn');
    }
    const before = (await toOut(q, [row]))[0];
    await q.query('delete from monitoring_points where id = $1', [row.id]);
    await appendAudit(q, actor(p), { action: 'delete', entityType: 'monitoring_point', entityId: mn, regionId: row.region_id, organisationId: row.organisation_id, before }, ctx.now());
    return { ok: true as const };
  });
}
