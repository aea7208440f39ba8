import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { GrantIn, UserCreate, UserPatch } from '../../contracts/users.ts';
import type { GrantOut, UserOut } from '../../contracts/auth.ts';
import { grantShapeProblem, type Grant } from '../../core/access/policy.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireRegion } from '../regions/repo.ts';
import { getOrganisationRow } from '../organisations/repo.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';

interface UserRow { id: number; username: string; display_name: string; active: boolean; locked_until: Date | null; last_login_at: Date | null }
interface GrantRow { id: number; user_id: number; role: Grant['role']; region_id: number | null; region_code: string | null; region_name: string | null; organisation_id: number | null; organisation_name: string | null }

async function grantsOf(q: Queryable, userIds: number[]): Promise<Map<number, GrantOut[]>> {
  const rows = (await q.query<GrantRow>(
    `select g.id, g.user_id, g.role, g.region_id, r.code as region_code, r.name as region_name, g.organisation_id, o.name as organisation_name
       from user_roles g left join regions r on r.id = g.region_id left join organisations o on o.id = g.organisation_id
      where g.user_id = any($1::int[]) order by g.id`,
    [userIds],
  )).rows;
  const out = new Map<number, GrantOut[]>();
  for (const g of rows) {
    const list = out.get(g.user_id) ?? [];
    list.push({ id: g.id, role: g.role, regionId: g.region_id, regionCode: g.region_code, regionName: g.region_name, organisationId: g.organisation_id, organisationName: g.organisation_name });
    out.set(g.user_id, list);
  }
  return out;
}

export async function listUsers(q: Queryable, now: Date, ids?: number[]): Promise<UserOut[]> {
  const users = (await q.query<UserRow>(
    `select id, username, display_name, active, locked_until, last_login_at from users ${ids ? 'where id = any($1::int[])' : ''} order by username`,
    ids ? [ids] : [],
  )).rows;
  const grants = await grantsOf(q, users.map((u) => u.id));
  return users.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, active: u.active,
    locked: !!u.locked_until && u.locked_until > now, lastLoginAt: u.last_login_at?.toISOString() ?? null,
    roles: grants.get(u.id) ?? [],
  }));
}

export async function getUser(q: Queryable, id: number, now: Date): Promise<UserOut> {
  const u = (await listUsers(q, now, [id]))[0];
  if (!u) throw notFound('用户', 'User', 'id');
  return u;
}

/** Resolves role grants named by codes to ids, checking each grant has the scope its role needs. */
async function resolveGrants(q: Queryable, grants: GrantIn[]): Promise<Grant[]> {
  const out: Grant[] = [];
  for (const [i, g] of grants.entries()) {
    const region = g.regionCode ? await requireRegion(q, g.regionCode, `roles.${i}.regionCode`) : null;
    let regionId = region?.id ?? null;
    if (g.organisationId) {
      const org = await getOrganisationRow(q, g.organisationId);
      if (!org) {
        throw new HttpError(400, 'unknown_organisation', { field: `roles.${i}.organisationId`, zh: `roles.${i}.organisationId：单位 ${g.organisationId} 不存在`, en: `roles.${i}.organisationId: organisation ${g.organisationId} does not exist` });
      }
      regionId ??= org.region_id;
    }
    const grant: Grant = { role: g.role, regionId, organisationId: g.organisationId ?? null };
    const problem = grantShapeProblem(grant);
    if (problem) {
      const zh = problem === 'region' ? `角色 ${g.role} 需要指定地区` : `角色 ${g.role} 需要指定所属单位`;
      const en = problem === 'region' ? `role ${g.role} needs a region` : `role ${g.role} needs an organisation`;
      throw new HttpError(400, 'invalid_grant', { field: `roles.${i}`, zh: `roles.${i}：${zh}`, en: `roles.${i}: ${en}` });
    }
    if (out.some((x) => x.role === grant.role && x.regionId === grant.regionId && x.organisationId === grant.organisationId)) continue;
    out.push(grant);
  }
  return out;
}

async function writeGrants(q: Queryable, userId: number, grants: Grant[]) {
  await q.query('delete from user_roles where user_id = $1', [userId]);
  for (const g of grants) {
    await q.query('insert into user_roles (user_id, role, region_id, organisation_id) values ($1, $2, $3, $4)', [userId, g.role, g.regionId, g.organisationId]);
  }
}

export async function createUser(ctx: AppContext, actor: Actor, body: UserCreate): Promise<UserOut> {
  const passwordHash = await hashPassword(body.password); // outside the transaction: ~20 ms of CPU
  return ctx.db.tx(async (q) => {
    if ((await q.query('select 1 from users where username = $1', [body.username])).rows.length) {
      throw conflict(`用户名 ${body.username} 已存在`, `Username ${body.username} is already taken`, 'username');
    }
    const grants = await resolveGrants(q, body.roles);
    const id = (await q.query<{ id: number }>(
      'insert into users (username, display_name, password_hash, created_at, updated_at) values ($1, $2, $3, $4, $4) returning id',
      [body.username, body.displayName, passwordHash, ctx.now()],
    )).rows[0].id;
    await writeGrants(q, id, grants);
    const out = await getUser(q, id, ctx.now());
    await appendAudit(q, actor, { action: 'create', entityType: 'user', entityId: id, after: out }, ctx.now());
    return out;
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, patch: UserPatch): Promise<UserOut> {
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return ctx.db.tx(async (q) => {
    const before = await getUser(q, id, ctx.now());
    if (actor.userId === id && (patch.active === false || (patch.roles && !patch.roles.some((r) => r.role === 'admin')) )) {
      if (before.roles.some((r) => r.role === 'admin')) {
        throw conflict('不能停用自己或取消自己的管理员角色', 'You cannot disable yourself or remove your own admin role', patch.active === false ? 'active' : 'roles');
      }
    }
    const now = ctx.now();
    if (patch.displayName !== undefined) await q.query('update users set display_name = $2 where id = $1', [id, patch.displayName]);
    if (patch.active !== undefined) await q.query('update users set active = $2 where id = $1', [id, patch.active]);
    if (passwordHash) await q.query('update users set password_hash = $2 where id = $1', [id, passwordHash]);
    if (patch.unlock) await q.query('update users set failed_logins = 0, locked_until = null where id = $1', [id]);
    if (patch.roles) await writeGrants(q, id, await resolveGrants(q, patch.roles));
    if (patch.active === false || passwordHash) await q.query('delete from sessions where user_id = $1', [id]);
    await q.query('update users set updated_at = $2 where id = $1', [id, now]);
    const after = await getUser(q, id, now);
    // The password itself is never recorded, only that it changed.
    await appendAudit(q, actor, { action: 'update', entityType: 'user', entityId: id, before, after: { ...after, passwordChanged: !!passwordHash } }, now);
    return after;
  });
}
