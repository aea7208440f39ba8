import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { OrganisationCreate, OrganisationOut, OrganisationPatch } from '../../contracts/organisations.ts';
import { appendAudit } from '../audit/log.ts';
import { requireRegion } from '../regions/repo.ts';
import { allows, assertCan, loadOrganisation, orgTarget } from '../access/guard.ts';
import { conflict } from '../http/errors.ts';
import { ORG_SELECT, getOrganisationRow, toOrganisationOut, type OrganisationRow } from './repo.ts';
import type { Queryable } from '../../db/index.ts';

const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

async function assertUnique(q: Queryable, regionId: number, name: string | undefined, creditCode: string | null | undefined, exceptId?: number) {
  if (creditCode) {
    const dup = (await q.query<{ id: number; name: string }>('select id, name from organisations where credit_code = $1 and id <> $2', [creditCode, exceptId ?? 0])).rows[0];
    if (dup) throw conflict(`统一社会信用代码 ${creditCode} 已登记（${dup.name}）`, `Credit code ${creditCode} is already registered (${dup.name})`, 'creditCode');
  }
  if (name) {
    const dup = (await q.query('select 1 from organisations where region_id = $1 and name = $2 and id <> $3', [regionId, name, exceptId ?? 0])).rows[0];
    if (dup) throw conflict(`本地区已有名为“${name}”的单位`, `An organisation named "${name}" already exists in this region`, 'name');
  }
}

/** Organisations the principal may see, optionally filtered; enterprises of others are never listed. */
export async function listOrganisations(ctx: AppContext, p: Principal, f: { region?: string; kind?: string; q?: string }): Promise<OrganisationOut[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.region) {
    const r = await requireRegion(ctx.db, f.region, 'region');
    args.push(r.id);
    where.push(`o.region_id = $${args.length}`);
  }
  if (f.kind) {
    args.push(f.kind);
    where.push(`o.kind = $${args.length}`);
  }
  if (f.q) {
    args.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(o.name like $${args.length} or o.credit_code like $${args.length})`);
  }
  const rows = (await ctx.db.query<OrganisationRow>(
    `${ORG_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.code, o.kind, o.name`, args,
  )).rows;
  const visible: OrganisationOut[] = [];
  for (const r of rows) if (await allows(ctx, ctx.db, p, 'organisation.read', orgTarget(r))) visible.push(toOrganisationOut(r));
  return visible;
}

export async function createOrganisation(ctx: AppContext, p: Principal, body: OrganisationCreate): Promise<OrganisationOut> {
  return ctx.db.tx(async (q) => {
    const region = await requireRegion(q, body.regionCode);
    await assertCan(ctx, q, p, 'organisation.write', { regionId: region.id, confidential: body.kind === 'enterprise' }, region.name);
    await assertUnique(q, region.id, body.name, body.creditCode);
    const id = (await q.query<{ id: number }>(
      `insert into organisations (region_id, kind, name, name_en, short_name, credit_code, industry_code, key_energy_user, key_emitter, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
      [region.id, body.kind, body.name, body.nameEn ?? null, body.shortName ?? null, body.creditCode ?? null, body.industryCode ?? null,
        body.keyEnergyUser ?? false, body.keyEmitter ?? false, ctx.now()],
    )).rows[0].id;
    const out = toOrganisationOut((await getOrganisationRow(q, id))!);
    await appendAudit(q, actor(p), { action: 'create', entityType: 'organisation', entityId: id, regionId: region.id, organisationId: id, after: out }, ctx.now());
    return out;
  });
}

export async function updateOrganisation(ctx: AppContext, p: Principal, id: number, patch: OrganisationPatch): Promise<OrganisationOut> {
  return ctx.db.tx(async (q) => {
    const before = await loadOrganisation(ctx, q, p, id, 'organisation.write');
    if (before.kind === 'enterprise' && patch.creditCode === null) {
      throw conflict('企业的统一社会信用代码不能清空', "An enterprise's credit code cannot be removed", 'creditCode');
    }
    await assertUnique(q, before.region_id, patch.name, patch.creditCode, id);
    const cols: Record<string, unknown> = {
      name: patch.name, name_en: patch.nameEn, short_name: patch.shortName, credit_code: patch.creditCode,
      industry_code: patch.industryCode, key_energy_user: patch.keyEnergyUser, key_emitter: patch.keyEmitter,
    };
    const set = Object.entries(cols).filter(([, v]) => v !== undefined);
    const args = [id, ctx.now(), ...set.map(([, v]) => v)];
    // Column names come from the fixed list above, never from input.
    await q.query(`update organisations set updated_at = $2${set.map(([k], i) => `, ${k} = $${i + 3}`).join('')} where id = $1`, args);
    const out = toOrganisationOut((await getOrganisationRow(q, id))!);
    await appendAudit(q, actor(p), {
      action: 'update', entityType: 'organisation', entityId: id, regionId: before.region_id, organisationId: id,
      before: toOrganisationOut(before), after: out,
    }, ctx.now());
    return out;
  });
}
