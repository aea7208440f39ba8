import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { AppContext } from './context.ts';
import { register } from './http/route.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { openApiDocument } from './http/openapi.ts';
import { allRoutes } from './routes.ts';
import { acceptCsv } from './monitoring/ingest-routes.ts';
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
  acceptCsv(app); // text/csv for POST /api/ingest/readings (API-key authenticated, no session)
  await app.register(cookie);
  app.setErrorHandler(errorHandler);

  register(app, ctx, allRoutes);
  const doc = openApiDocument(allRoutes, APP_VERSION);
  app.get('/api/openapi.json', async () => doc);

  if (existsSync(ctx.config.webDist)) {
    // Hashed asset names never change content: cache them for a year; index.html is always revalidated.
    await app.register(fastifyStatic, {
      root: ctx.config.webDist,
      wildcard: true,
      setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the single-page app get index.html; unknown API paths a JSON 404.
    // A missing file (a path with an extension, e.g. an old /assets/x.js) is a 404, not the app page.
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path) && req.method === 'GET' && existsSync(ctx.config.webDist)) {
      return reply.sendFile('index.html');
    }
    return notFoundHandler(req, reply);
  });
  return app;
}
