import { randomBytes } from 'node:crypto';
import type { AppContext } from './context.ts';
import { hashPassword } from './auth/passwords.ts';
import { appendAudit, SYSTEM } from './audit/log.ts';
import { parseInput } from '../core/validation.ts';
import { Password } from '../contracts/users.ts';

/** A readable random password that satisfies the password rule (letters and digits, ≥ 10 characters). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${s.slice(0, 7)}-${s.slice(7, 14)}-${(bytes[15] % 90) + 10}`;
}

/**
 * On first start there is no administrator: create `admin` with SHUANGTAN_ADMIN_PASSWORD, or a generated
 * password that is returned once for printing. Returns null when an administrator already exists.
 */
export async function ensureAdmin(ctx: AppContext): Promise<{ username: string; password: string; generated: boolean } | null> {
  const exists = (await ctx.db.query("select 1 from user_roles where role = 'admin' limit 1")).rows.length > 0;
  if (exists) return null;
  const generated = !ctx.config.adminPassword;
  const password = ctx.config.adminPassword ?? generatePassword();
  if (!generated) parseInput(Password, password);
  const hash = await hashPassword(password);
  await ctx.db.tx(async (q) => {
    const now = ctx.now();
    const id = (await q.query<{ id: number }>(
      `insert into users (username, display_name, password_hash, created_at, updated_at) values ('admin', '系统管理员', $1, $2, $2)
       on conflict (username) do update set password_hash = excluded.password_hash returning id`,
      [hash, now],
    )).rows[0].id;
    await q.query("insert into user_roles (user_id, role) values ($1, 'admin') on conflict do nothing", [id]);
    await appendAudit(q, SYSTEM, { action: 'create', entityType: 'user', entityId: id, after: { username: 'admin', role: 'admin' } }, now);
  });
  return { username: 'admin', password, generated };
}
