import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { hashToken, SESSION_COOKIE } from './principal.ts';

/** A new session: 32 random bytes in an HttpOnly cookie; only its sha-256 is stored. */
export async function startSession(ctx: AppContext, reply: FastifyReply, userId: number, meta: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await ctx.db.query(
    'insert into sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) values ($1, $2, $3, $4, $3, $5, $6)',
    [hashToken(token), userId, now, expires, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  // Housekeeping: expired sessions of this user go.
  await ctx.db.query('delete from sessions where user_id = $1 and expires_at <= $2', [userId, now]);
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    path: '/',
    expires,
  });
}

export async function endSession(ctx: AppContext, reply: FastifyReply, tokenHash: string | undefined) {
  if (tokenHash) await ctx.db.query('delete from sessions where token_hash = $1', [tokenHash]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
