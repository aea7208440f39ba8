import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { AppContext } from './context.ts';
import { register } from './http/route.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { openApiDocument } from './http/openapi.ts';
import { allRoutes } from './routes.ts';
import { APP_VERSION } from './version.ts';

/** The HTTP application: API routes, OpenAPI, and the built web UI (single-page app). */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
  });
  // JSON only: a text/plain body is what a cross-site form could send, so it is not accepted at all.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  app.setErrorHandler(errorHandler);

  register(app, ctx, allRoutes);
  const doc = openApiDocument(allRoutes, APP_VERSION);
  app.get('/api/openapi.json', async () => doc);

  if (existsSync(ctx.config.webDist)) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the single-page app get index.html; unknown API paths a JSON 404.
    if (!req.url.startsWith('/api/') && req.method === 'GET' && existsSync(ctx.config.webDist)) {
      return reply.sendFile('index.html');
    }
    return notFoundHandler(req, reply);
  });
  return app;
}
