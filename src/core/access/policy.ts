import type { RegionTree } from '../regions/tree.ts';

export const ROLES = ['admin', 'office', 'department', 'district', 'enterprise', 'verifier', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role held by a user, scoped to a region and/or an organisation. */
export interface Grant {
  role: Role;
  regionId: number | null;
  organisationId: number | null;
}

/** What an action is applied to. `confidential` marks enterprise data: only its owner and overseers see it. */
export interface Target {
  regionId?: number | null;
  organisationId?: number | null;
  confidential?: boolean;
}

/**
 * How far a grant reaches:
 * - any: everywhere;
 * - region: the target's region is the grant's region or below it;
 * - region_public: as region, but not confidential targets;
 * - org: the target belongs to the grant's organisation;
 * - public: any non-confidential target.
 */
export type Scope = 'any' | 'region' | 'region_public' | 'org' | 'public';

/**
 * The permission table: for each action, which roles may do it and within which scope.
 * Admin may do everything everywhere and is not listed. A role absent from a row may not do the action.
 */
export const RULES = {
  'region.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'region.write': {},
  'organisation.read': {
    office: ['region', 'public'], district: ['region', 'public'], department: ['public'], enterprise: ['org', 'public'],
    verifier: ['region', 'public'], viewer: ['public'],
  },
  'organisation.write': { office: ['region'], district: ['region'] },
  'user.manage': {},
  'audit.read': { office: ['region'], district: ['region'], enterprise: ['org'], verifier: ['region'] },
  'audit.verify': {},
  // Plans are public documents inside the platform; writing them is the office's (or a district's, for its own).
  'plan.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'plan.write': { office: ['region'], district: ['region'] },
  // A department updates the tasks it is named on (target.organisationId = one of the task's units).
  'task.update': { office: ['region'], district: ['region'], department: ['org'] },
  'observation.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'observation.write': { office: ['region'], district: ['region'], department: ['region'] },
  'observation.review': { office: ['region'], district: ['region'] },
  // Task reports: a department reports on the tasks it is named on; the office of the plan's region reviews.
  'report.read': { office: ['region'], district: ['region'], department: ['org'], viewer: ['region'] },
  'report.submit': { office: ['region'], district: ['region'], department: ['org'] },
  'report.review': { office: ['region'], district: ['region'] },
  // Carbon accounting: the factor library is reference data everyone reads; an office adds local versions (never overwriting).
  'factor.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'factor.write': { office: ['any'] },
  // Regional inventories are official statistics, read like indicators; computing one writes nothing; storing is the region's.
  'inventory.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'inventory.compute': { office: ['any'], department: ['any'], district: ['any'] },
  'inventory.write': { office: ['region'], district: ['region'] },
  // Enterprise GHG reports are confidential: the enterprise itself, and the office, district and verifier of its region.
  'enterprise_report.read': { office: ['region'], district: ['region'], verifier: ['region'], enterprise: ['org'] },
  'enterprise_report.write': { enterprise: ['org'] },
  // Scenarios: anyone may explore (preview, LMDI); a region's office keeps its scenario files and runs.
  'scenario.read': { office: ['any'], department: ['any'], district: ['any'], enterprise: ['any'], verifier: ['any'], viewer: ['any'] },
  'scenario.write': { office: ['region'], district: ['region'] },
  // Online monitoring: points and readings of an enterprise are confidential: the enterprise reads its own; the
  // office and district of its region read and manage them.
  'monitoring.read': { office: ['region'], district: ['region'], enterprise: ['org'] },
  'monitoring.write': { office: ['region'], district: ['region'] },
  // API keys for batch ingestion: the enterprise keeps its own; the office and district of its region may issue and revoke them.
  'monitoring.key': { office: ['region'], district: ['region'], enterprise: ['org'] },
  // Data-quality alarms are read like the readings (monitoring.read); the enterprise and the office and district of its
  // region acknowledge and close them. Evaluating the rules on demand is monitoring.write.
  'alarm.handle': { office: ['region'], district: ['region'], enterprise: ['org'] },
} satisfies Record<string, Partial<Record<Exclude<Role, 'admin'>, Scope[]>>>;

export type Action = keyof typeof RULES;

function reaches(scope: Scope, g: Grant, t: Target, tree: RegionTree): boolean {
  switch (scope) {
    case 'any':
      return true;
    case 'public':
      return !t.confidential;
    case 'org':
      return g.organisationId != null && t.organisationId === g.organisationId;
    case 'region':
    case 'region_public':
      if (scope === 'region_public' && t.confidential) return false;
      return g.regionId != null && t.regionId != null && tree.within(t.regionId, g.regionId);
  }
}

/** May a holder of these grants do `action` on `target`? Pure: the region tree is passed in. */
export function can(grants: readonly Grant[], action: Action, target: Target, tree: RegionTree): boolean {
  const row: Partial<Record<Role, readonly Scope[]>> = RULES[action];
  return grants.some((g) => g.role === 'admin' || (row[g.role] ?? []).some((s) => reaches(s, g, target, tree)));
}

/** Whether any grant allows the action somewhere (to show or hide a menu, or to list with a filter). */
export function mayEver(grants: readonly Grant[], action: Action): boolean {
  const row: Partial<Record<Role, readonly Scope[]>> = RULES[action];
  return grants.some((g) => g.role === 'admin' || (row[g.role]?.length ?? 0) > 0);
}

/** Role rules for what a grant must carry: office/district/viewer/verifier a region, department/enterprise an organisation. */
export function grantShapeProblem(g: Grant): string | null {
  if (g.role === 'admin') return null;
  if (['office', 'district', 'viewer', 'verifier'].includes(g.role) && g.regionId == null) return 'region';
  if (['department', 'enterprise'].includes(g.role) && g.organisationId == null) return 'organisation';
  return null;
}
