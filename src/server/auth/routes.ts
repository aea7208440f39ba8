import { defineRoute } from '../http/route.ts';
import { LoginBody, MeOut } from '../../contracts/auth.ts';
import { Ok } from '../../contracts/common.ts';
import { login } from './login.ts';
import { endSession } from './sessions.ts';
import { getUser } from '../users/service.ts';
import { principalOf } from './principal.ts';

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/auth/login', tag: 'auth', access: 'public',
    summary: 'Log in; sets the HttpOnly session cookie. Locks the account after repeated failures.',
    body: LoginBody, response: MeOut,
    handler: async ({ ctx, body, req, reply }) => {
      const id = await login(ctx, reply, body.username, body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      return { user: await getUser(ctx.db, id, ctx.now()) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/logout', tag: 'auth', access: 'public', summary: 'End the session', response: Ok,
    handler: async ({ ctx, req, reply }) => {
      const p = await principalOf(ctx, req);
      await endSession(ctx, reply, p?.tokenHash);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/me', tag: 'auth', access: 'session', summary: 'The logged-in user and roles', response: MeOut,
    handler: async ({ ctx, principal }) => ({ user: await getUser(ctx.db, principal.userId, ctx.now()) }),
  }),
];
