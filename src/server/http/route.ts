import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../../core/validation.ts';
import { mayEver, type Action } from '../../core/access/policy.ts';
import type { AppContext } from '../context.ts';
import { forbidden, unauthorized } from './errors.ts';
import { principalOf, type Principal } from '../auth/principal.ts';

/**
 * Every API route is declared through `defineRoute`: it states who may call it (`access`), validates
 * params, query and body with the shared zod schemas, and is recorded for the OpenAPI document.
 * Coarse access is checked here; resource-level checks (this plan, that enterprise) happen in the
 * access module, which loads the resource and checks it in one step.
 *
 * access: 'public' (no login), 'session' (any logged-in user), or an Action the user's roles must allow somewhere.
 */
export type Access = 'public' | 'session' | Action;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  /** Media type of a non-JSON response (a workbook, a file); the handler sets the headers and returns a Buffer. */
  produces?: string;
  handler: (c: RouteCall<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

export interface RouteCall<P, Q, B> {
  ctx: AppContext;
  params: P;
  query: Q;
  body: B;
  /** Present on every route except public ones. */
  principal: Principal;
  req: FastifyRequest;
  reply: FastifyReply;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

export function register(app: FastifyInstance, ctx: AppContext, routes: readonly AnyRoute[]) {
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (req, reply) => {
        const principal = await principalOf(ctx, req);
        if (r.access !== 'public') {
          if (!principal) throw unauthorized();
          if (r.access !== 'session' && !mayEver(principal.grants, r.access)) throw forbidden();
        }
        const params = r.params ? parseInput(r.params, req.params) : undefined;
        const query = r.query ? parseInput(r.query, req.query) : undefined;
        const body = r.body ? parseInput(r.body, req.body ?? {}) : undefined;
        const out = await r.handler({ ctx, params, query, body, principal: principal as Principal, req, reply });
        reply.status(r.status ?? 200);
        return out;
      },
    });
  }
}
