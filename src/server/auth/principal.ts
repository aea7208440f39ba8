import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Grant } from '../../core/access/policy.ts';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'st_session';

/** The logged-in user as the access checks see them. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  tokenHash: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Resolves the session cookie to a principal (cached on the request), or null. Expired sessions are ignored. */
export async function principalOf(ctx: AppContext, req: FastifyRequest): Promise<Principal | null> {
  const cached = (req as { principal?: Principal | null }).principal;
  if (cached !== undefined) return cached;
  const token = req.cookies?.[SESSION_COOKIE];
  let principal: Principal | null = null;
  if (token && token.length <= 128) {
    const tokenHash = hashToken(token);
    const row = (await ctx.db.query<{ user_id: number; username: string; display_name: string }>(
      `select s.user_id, u.username, u.display_name
         from sessions s join users u on u.id = s.user_id
        where s.token_hash = $1 and s.expires_at > $2 and u.active`,
      [tokenHash, ctx.now()],
    )).rows[0];
    if (row) {
      const grants = (await ctx.db.query<{ role: Grant['role']; region_id: number | null; organisation_id: number | null }>(
        'select role, region_id, organisation_id from user_roles where user_id = $1',
        [row.user_id],
      )).rows.map((g) => ({ role: g.role, regionId: g.region_id, organisationId: g.organisation_id }));
      principal = { userId: row.user_id, username: row.username, displayName: row.display_name, grants, tokenHash };
    }
  }
  (req as { principal?: Principal | null }).principal = principal;
  return principal;
}
