import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { allRoutes } from '../../src/server/routes.ts';

let s: TestServer;
before(async () => { s = await startTestServer({ demo: false }); });
after(() => s.close());

test('health reports status, database kind and version', async () => {
  const h = await s.call('GET', '/api/health');
  assert.equal(h.status, 200);
  assert.equal(h.body.status, 'ok');
  assert.equal(h.body.database.kind, 'pglite');
  assert.match(h.body.database.version, /^PostgreSQL \d+/);
  assert.equal(h.body.demoLoaded, false);
});

test('the OpenAPI document describes every route with its schemas', async () => {
  const doc = (await s.call('GET', '/api/openapi.json')).body;
  assert.equal(doc.openapi, '3.1.0');
  for (const r of allRoutes) {
    const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
    assert.ok(op, `${r.method} ${r.url} missing`);
    assert.equal(op['x-access'], r.access);
    if (r.body) assert.ok(op.requestBody.content['application/json'].schema, `${r.url} body schema`);
  }
  const create = doc.paths['/api/organisations'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(create.properties.kind.enum, ['office', 'department', 'enterprise', 'verifier']);
  assert.ok(create.required.includes('regionCode'));
});
