import type { TFunction } from 'i18next';
import { ORG_KINDS } from '../../../src/contracts/organisations.ts';
import { ROLES, type Role } from '../../../src/core/access/policy.ts';
import { REGION_LEVELS, type RegionLevel } from '../../../src/core/regions/codes.ts';

/** Translated labels of the platform's enumerations (the lists themselves come from the core). */
export type OrgKind = (typeof ORG_KINDS)[number];

export const roleLabel = (t: TFunction, role: string) =>
  (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : role;

export const levelLabel = (t: TFunction, level: string) =>
  (REGION_LEVELS as readonly string[]).includes(level) ? t(`levels.${level as RegionLevel}`) : level;

export const kindLabel = (t: TFunction, kind: string) =>
  (ORG_KINDS as readonly string[]).includes(kind) ? t(`orgKinds.${kind as OrgKind}`) : kind;

export const KIND_COLORS: Record<OrgKind, string> = {
  office: 'geekblue',
  department: 'cyan',
  enterprise: 'orange',
  verifier: 'purple',
};

export { ORG_KINDS, ROLES, REGION_LEVELS };
