import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { startSession } from './sessions.ts';

interface UserRow {
  id: number;
  password_hash: string;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

const badCredentials = () =>
  new HttpError(401, 'bad_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });

/**
 * Password login with lockout: after `loginMaxFailures` wrong passwords in a row the account is locked
 * for `loginLockMinutes`, and even the right password is refused until then. Unknown users cost the same
 * argon2 work as known ones.
 */
export async function login(ctx: AppContext, reply: FastifyReply, username: string, password: string, meta: { ip?: string; userAgent?: string }) {
  const now = ctx.now();
  const user = (await ctx.db.query<UserRow>(
    'select id, password_hash, active, failed_logins, locked_until from users where username = $1',
    [username.toLowerCase()],
  )).rows[0];
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
    throw new HttpError(423, 'account_locked', {
      zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
      en: `Too many failed logins: the account is locked; try again in ${minutes} min or ask an administrator to unlock it`,
    });
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || !user.active) {
    const failures = user.failed_logins + 1;
    const lock = failures >= ctx.config.loginMaxFailures ? new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000) : null;
    await ctx.db.query('update users set failed_logins = $2, locked_until = $3 where id = $1', [user.id, lock ? 0 : failures, lock]);
    if (!user.active && ok) throw new HttpError(403, 'account_disabled', { zh: '账号已停用', en: 'The account is disabled' });
    throw badCredentials();
  }
  await ctx.db.query('update users set failed_logins = 0, locked_until = null, last_login_at = $2 where id = $1', [user.id, now]);
  await startSession(ctx, reply, user.id, meta);
  return user.id;
}
