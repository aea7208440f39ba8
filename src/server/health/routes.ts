import { defineRoute } from '../http/route.ts';
import { HealthOut } from '../../contracts/health.ts';
import { getSetting } from '../settings.ts';
import { APP_VERSION } from '../version.ts';

export const healthRoutes = [
  defineRoute({
    method: 'GET', url: '/api/health', tag: 'system', access: 'public', summary: 'Status, database kind and version', response: HealthOut,
    handler: async ({ ctx }) => ({
      status: 'ok' as const,
      version: APP_VERSION,
      database: { kind: ctx.db.kind, version: await ctx.db.serverVersion() },
      demoLoaded: (await getSetting<boolean>(ctx.db, 'demo_loaded')) ?? false,
    }),
  }),
];
