import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { allRoutes } from '../../src/server/routes.ts';

let s: TestServer;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
const USERS = ['admin', 'luzhou.office', 'luzhou.fgw', 'jiangyang.district', 'luzhou.cement', 'sichuan.verifier', 'luzhou.viewer', 'ningxia.office'] as const;
type Who = (typeof USERS)[number] | 'anonymous';

before(async () => {
  s = await startTestServer();
  for (const u of USERS) cookies[u] = await s.login(u);
  const org = async (name: string) => (await s.ctx.db.query<{ id: number }>('select id from organisations where name = $1', [name])).rows[0].id;
  ids.brewery = await org('泸州龙马酿酒有限公司（演示）'); // enterprise in 510504 龙马潭区
  ids.cement = await org('泸州江南水泥有限公司（演示）'); // enterprise in 510502 江阳区
  ids.fgw = await org('泸州市发展和改革委员会'); // department of 510500
});
after(() => s.close());

/**
 * The role × route matrix. Columns follow USERS then anonymous. Read it as: who may do what.
 * Scopes (see core/access/policy.ts): luzhou.office = office@510500; jiangyang.district = district@510502;
 * luzhou.cement = enterprise 江南水泥 in 510502; sichuan.verifier = verifier@510000; ningxia.office = office@640000.
 */
const MATRIX: Array<[string, string, () => unknown, Record<Who, number>]> = [
  ['GET', '/api/health', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 200, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 200, 'ningxia.office': 200, anonymous: 200 }],
  ['GET', '/api/auth/me', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 200, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 200, 'ningxia.office': 200, anonymous: 401 }],
  ['GET', '/api/regions', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 200, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 200, 'ningxia.office': 200, anonymous: 401 }],
  ['POST', '/api/regions', () => ({ code: '510500-GXQ', name: '泸州高新区', nameEn: 'Luzhou Hi-tech Zone', level: 'zone', parentCode: '510500' }),
    { admin: 201, 'luzhou.office': 403, 'luzhou.fgw': 403, 'jiangyang.district': 403, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 403, anonymous: 401 }],
  ['GET', '/api/organisations/{brewery}', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 404, 'jiangyang.district': 404, 'luzhou.cement': 404, 'sichuan.verifier': 200, 'luzhou.viewer': 404, 'ningxia.office': 404, anonymous: 401 }],
  ['GET', '/api/organisations/{cement}', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 404, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 404, 'ningxia.office': 404, anonymous: 401 }],
  ['GET', '/api/organisations/{fgw}', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 200, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 200, 'ningxia.office': 200, anonymous: 401 }],
  ['PATCH', '/api/organisations/{fgw}', () => ({ shortName: '市发展改革委' }),
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 403, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 403, anonymous: 401 }],
  // Roles that may never write organisations get 403 before any lookup (it reveals nothing about the id);
  // an office elsewhere may write organisations in principle, so it learns only "not found".
  ['PATCH', '/api/organisations/{cement}', () => ({ keyEmitter: true }),
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 200, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 404, anonymous: 401 }],
  ['GET', '/api/users', () => undefined,
    { admin: 200, 'luzhou.office': 403, 'luzhou.fgw': 403, 'jiangyang.district': 403, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 403, anonymous: 401 }],
  ['GET', '/api/audit', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 200, 'luzhou.viewer': 403, 'ningxia.office': 200, anonymous: 401 }],
  ['GET', '/api/audit/verify', () => undefined,
    { admin: 200, 'luzhou.office': 403, 'luzhou.fgw': 403, 'jiangyang.district': 403, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 403, anonymous: 401 }],
  // Data-quality alarms: read like monitoring data (an office elsewhere sees an empty list); evaluating is the region's.
  ['GET', '/api/alarms', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 200, anonymous: 401 }],
  ['POST', '/api/monitoring/quality/evaluate', () => ({}),
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 200, 'luzhou.cement': 403, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 200, anonymous: 401 }],
  // Ingestion keys: an enterprise its own, office and district those of their region (a list is filtered, never refused).
  ['GET', '/api/ingest/keys', () => undefined,
    { admin: 200, 'luzhou.office': 200, 'luzhou.fgw': 403, 'jiangyang.district': 200, 'luzhou.cement': 200, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 200, anonymous: 401 }],
  ['POST', '/api/ingest/keys', () => ({ organisationId: ids.brewery, name: 'k' }),
    { admin: 201, 'luzhou.office': 201, 'luzhou.fgw': 403, 'jiangyang.district': 404, 'luzhou.cement': 404, 'sichuan.verifier': 403, 'luzhou.viewer': 403, 'ningxia.office': 404, anonymous: 401 }],
];

test('role × route matrix', async () => {
  const failures: string[] = [];
  for (const [method, path, body, expected] of MATRIX) {
    const url = path.replace(/\{(\w+)\}/g, (_, k: string) => String(ids[k]));
    for (const who of [...USERS, 'anonymous'] as Who[]) {
      // Each write targets a fresh region code so that the admin's 201 is not followed by 409s.
      const b = body();
      const r = await s.call(method, url, { cookie: who === 'anonymous' ? undefined : cookies[who], body: b });
      if (r.status !== expected[who]) failures.push(`${method} ${path} as ${who}: ${r.status}, expected ${expected[who]}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('every non-public route refuses an anonymous caller with 401', async () => {
  const open = allRoutes.filter((r) => r.access === 'public').map((r) => r.url);
  // Batch ingestion is public to the session layer: it takes the enterprise's API key instead (monitoring-batch.test.ts).
  assert.deepEqual(open.sort(), ['/api/auth/login', '/api/auth/logout', '/api/health', '/api/ingest/readings']);
  for (const r of allRoutes.filter((x) => x.access !== 'public')) {
    const url = r.url.replace(':id', '1').replace(':code', '510500');
    const res = await s.call(r.method, url, { body: r.method === 'GET' ? undefined : {} });
    assert.equal(res.status, 401, `${r.method} ${r.url}`);
  }
});

test('an enterprise lists itself and public bodies, never another enterprise', async () => {
  const list = (await s.call('GET', '/api/organisations', { cookie: cookies['luzhou.cement'] })).body as Array<{ kind: string; name: string }>;
  const enterprises = list.filter((o) => o.kind === 'enterprise').map((o) => o.name);
  assert.deepEqual(enterprises, ['泸州江南水泥有限公司（演示）']);
  assert.ok(list.some((o) => o.name === '泸州市生态环境局'));
});

test('an office of one region cannot register organisations in another', async () => {
  const r = await s.call('POST', '/api/organisations', {
    cookie: cookies['ningxia.office'], body: { regionCode: '510500', kind: 'department', name: '泸州市测试局' },
  });
  assert.equal(r.status, 403);
  const ok = await s.call('POST', '/api/organisations', {
    cookie: cookies['ningxia.office'], body: { regionCode: '640100', kind: 'department', name: '银川市发展和改革委员会' },
  });
  assert.equal(ok.status, 201);
});
