import { openPglite } from '../../src/db/pglite.ts';
import { prepareDatabase } from '../../src/server/platform.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createContext, type AppContext } from '../../src/server/context.ts';
import { buildApp } from '../../src/server/app.ts';
import { ensureAdmin } from '../../src/server/bootstrap.ts';
import { loadDemo } from '../../src/demo/load.ts';

export const ADMIN_PASSWORD = 'Admin-pass-2026';
export const DEMO_PASSWORD = 'Demo-pass-2026';

export interface TestServer {
  url: string;
  ctx: AppContext;
  /** The clock the server sees; tests move it. */
  clock: { now: Date };
  close(): Promise<void>;
  login(username: string, password?: string): Promise<string>;
  call(method: string, path: string, opts?: { cookie?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

/** The real HTTP server on an in-memory PGlite with the demo region loaded, on a random local port. */
export async function startTestServer(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const db = await openPglite(undefined);
  await prepareDatabase(db);
  const config = loadConfig({ SHUANGTAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...opts.env });
  const clock = { now: new Date('2026-03-01T08:00:00Z') };
  const ctx = createContext(db, config, () => new Date(clock.now));
  await ensureAdmin(ctx);
  if (opts.demo !== false) await loadDemo(db, ctx.now(), DEMO_PASSWORD);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  const call: TestServer['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.cookie) headers.cookie = o.cookie;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    url, ctx, clock, call,
    async login(username, password) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) }),
      });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Row count of a table, to prove that a refused request wrote nothing. */
export async function count(s: TestServer, table: string): Promise<number> {
  return (await s.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
}
