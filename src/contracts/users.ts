import { z } from 'zod';
import { RoleName } from './auth.ts';
import { bilingual } from '../core/validation.ts';

export const Username = z.string().trim().superRefine((v, ctx) => {
  if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(v)) {
    bilingual(ctx, '用户名应为3–32位小写字母、数字、点、下划线或连字符', 'username must be 3–32 lower-case letters, digits, dot, underscore or hyphen');
  }
});

/** At least 10 characters with letters and digits: long enough to resist guessing behind the lockout. */
export const Password = z.string().superRefine((v, ctx) => {
  if (v.length < 10 || v.length > 256 || !/[A-Za-z]/.test(v) || !/[0-9]/.test(v)) {
    bilingual(ctx, '密码至少10位，且须同时包含字母和数字', 'password must be at least 10 characters with letters and digits');
  }
});

export const GrantIn = z
  .object({
    role: RoleName,
    regionCode: z.string().trim().max(32).nullish(),
    organisationId: z.number().int().positive().nullish(),
  });
export type GrantIn = z.infer<typeof GrantIn>;

export const UserCreate = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  password: Password,
  roles: z.array(GrantIn).max(20).default([]),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    active: z.boolean(),
    password: Password,
    unlock: z.literal(true),
    roles: z.array(GrantIn).max(20),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', params: { zh: '没有要修改的字段', en: 'nothing to change' } });
export type UserPatch = z.infer<typeof UserPatch>;
