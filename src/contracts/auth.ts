import { z } from 'zod';
import { ROLES } from '../core/access/policy.ts';

export const RoleName = z.enum(ROLES);

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GrantOut = z.object({
  id: z.number().int(),
  role: RoleName,
  regionId: z.number().int().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
});
export type GrantOut = z.infer<typeof GrantOut>;

export const UserOut = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(GrantOut),
});
export type UserOut = z.infer<typeof UserOut>;

export const MeOut = z.object({ user: UserOut });
