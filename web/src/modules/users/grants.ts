import { grantShapeProblem, type Role } from '../../../../src/core/access/policy.ts';
import type { GrantIn } from '../../../../src/contracts/users.ts';
import type { UserOut } from '../../../../src/contracts/auth.ts';
import type { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import type { RegionIndex } from '../../shared/regions.ts';

/**
 * Role grants as the form holds them, and what each role needs: office, district and viewer a region;
 * department and enterprise an organisation (its region follows from it); a verifier a region and,
 * usually, its own organisation. The rule itself is the core's grantShapeProblem.
 */
export interface GrantRow { role?: Role; regionCode?: string | null; organisationId?: number | null }

export const showsRegion = (role?: Role) => !!role && ['office', 'district', 'viewer', 'verifier'].includes(role);
export const showsOrganisation = (role?: Role) => !!role && ['department', 'enterprise', 'verifier'].includes(role);

/** Which organisations fit a role in the picker. */
export const orgKindsFor = (role?: Role): OrganisationOut['kind'][] =>
  role === 'enterprise' ? ['enterprise'] : role === 'verifier' ? ['verifier'] : ['office', 'department'];

export function toGrantIn(g: GrantRow): GrantIn {
  return {
    role: g.role as Role,
    regionCode: showsRegion(g.role) ? g.regionCode ?? null : null,
    organisationId: showsOrganisation(g.role) ? g.organisationId ?? null : null,
  };
}

export const fromUser = (u: UserOut): GrantRow[] =>
  u.roles.map((g) => ({ role: g.role, regionCode: g.regionCode, organisationId: g.organisationId }));

/** 'region' | 'organisation' when the grant lacks the scope its role needs, as the server would say. */
export function grantProblem(g: GrantRow, ix: RegionIndex | null, orgs: OrganisationOut[]): 'region' | 'organisation' | null {
  if (!g.role) return null;
  const x = toGrantIn(g);
  const org = x.organisationId ? orgs.find((o) => o.id === x.organisationId) : undefined;
  const regionId = (x.regionCode ? ix?.byCode.get(x.regionCode)?.id : undefined) ?? org?.regionId ?? null;
  return grantShapeProblem({ role: x.role, regionId, organisationId: x.organisationId ?? null }) as 'region' | 'organisation' | null;
}

export const sameGrants = (a: GrantIn[], b: GrantIn[]) => JSON.stringify(a) === JSON.stringify(b);
