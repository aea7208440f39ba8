import { can, type Action, type Target } from '../../core/access/policy.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../../db/index.ts';
import type { Principal } from '../auth/principal.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { getOrganisationRow, type OrganisationRow } from '../organisations/repo.ts';

/**
 * Resource-level authorisation: load the thing and check the principal's grants against it in one step,
 * so a route cannot forget the check or load the row twice. What a principal may not even read is
 * reported as not found, so ids of other enterprises do not leak.
 */
/**
 * Every function here takes the query handle to use: inside a transaction that must be the transaction's
 * (PGlite has one connection, held by the transaction).
 */
export async function assertCan(ctx: AppContext, q: Queryable, p: Principal, action: Action, target: Target, what?: string) {
  if (!can(p.grants, action, target, await ctx.regions.get(q))) throw forbidden(what);
}

export async function allows(ctx: AppContext, q: Queryable, p: Principal, action: Action, target: Target): Promise<boolean> {
  return can(p.grants, action, target, await ctx.regions.get(q));
}

export const orgTarget = (o: Pick<OrganisationRow, 'id' | 'region_id' | 'kind'>): Target => ({
  regionId: o.region_id,
  organisationId: o.id,
  confidential: o.kind === 'enterprise',
});

export async function loadOrganisation(ctx: AppContext, q: Queryable, p: Principal, id: number, action: Action): Promise<OrganisationRow> {
  const org = await getOrganisationRow(q, id);
  const tree = await ctx.regions.get(q);
  if (!org || !can(p.grants, 'organisation.read', orgTarget(org), tree)) throw notFound('单位', 'Organisation', 'id');
  if (action !== 'organisation.read' && !can(p.grants, action, orgTarget(org), tree)) throw forbidden(org.name);
  return org;
}
