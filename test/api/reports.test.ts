import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, count, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const c: Record<string, string> = {};
let plan: { id: number; tasks: Array<{ id: number; ref: string; units: Array<{ name: string; role: string; organisationId: number | null }> }> };
let task: (typeof plan)['tasks'][number];
let org: number;

before(async () => {
  s = await startTestServer();
  c.admin = await s.login('admin');
  for (const u of ['wansheng.office', 'luzhou.office', 'luzhou.fgw']) c[u] = await s.login(u);
  const plans = (await s.call('GET', '/api/plans?region=500110-WSJK', { cookie: c.admin })).body;
  plan = (await s.call('GET', `/api/plans/${plans[0].id}`, { cookie: c.admin })).body;
  // a task of the 万盛 plan led by its 发展改革局
  task = plan.tasks.find((t) => t.units.some((u) => u.name === '发展改革局' && u.role === 'lead' && u.organisationId))!;
  org = task.units.find((u) => u.name === '发展改革局')!.organisationId!;
  await s.call('POST', '/api/users', { cookie: c.admin, body: { username: 'ws.fgj', displayName: '万盛发展改革局', password: 'Report-pass-2026', roles: [{ role: 'department', organisationId: org }] } });
  c.dept = await s.login('ws.fgj', 'Report-pass-2026');
});
after(() => s.close());

test('a department reports on its task with evidence; the office approves; approved reports are locked', async () => {
  const evidence = Buffer.from('2024年光伏项目并网验收单（演示）');
  const r = await s.call('POST', '/api/reports', { cookie: c.dept, body: {
    taskId: task.id, period: '2024', narrative: '已完成年度目标的80%。', percent: 80,
    files: [{ name: '验收单.txt', mime: 'text/plain', contentBase64: evidence.toString('base64') }],
  } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.organisationName, '万盛经开区发展改革局');
  assert.equal(r.body.status, 'submitted');
  assert.equal(r.body.files[0].size, evidence.length);
  const file = await fetch(`${s.url}/api/reports/${r.body.id}/files/${r.body.files[0].id}`, { headers: { cookie: c['wansheng.office'] } });
  assert.equal(Buffer.from(await file.arrayBuffer()).toString(), evidence.toString());
  assert.equal((await s.call('PATCH', `/api/reports/${r.body.id}/review`, { cookie: c.dept, body: { status: 'approved' } })).status, 403);
  assert.equal((await s.call('PATCH', `/api/reports/${r.body.id}/review`, { cookie: c['luzhou.office'], body: { status: 'approved' } })).status, 404);
  const returned = await s.call('PATCH', `/api/reports/${r.body.id}/review`, { cookie: c['wansheng.office'], body: { status: 'returned' } });
  assert.equal(returned.status, 400);
  assert.equal(returned.body.error.field, 'comment');
  const ok = await s.call('PATCH', `/api/reports/${r.body.id}/review`, { cookie: c['wansheng.office'], body: { status: 'approved', comment: '同意' } });
  assert.equal(ok.body.status, 'approved');
  assert.equal(ok.body.reviewedBy, 'wansheng.office');
  const again = await s.call('POST', '/api/reports', { cookie: c.dept, body: { taskId: task.id, period: '2024', narrative: '改', percent: 90 } });
  assert.equal(again.status, 409);
});

test('a report on a task the unit is not named on, a bad period, a foreign department: refused, nothing written', async () => {
  const n = await count(s, 'task_reports');
  const other = plan.tasks.find((t) => !t.units.some((u) => u.organisationId === org))!;
  const r = await s.call('POST', '/api/reports', { cookie: c.dept, body: { taskId: other.id, period: '2024', narrative: 'x', percent: 10 } });
  assert.equal(r.status, 403);
  assert.match(r.body.error.zh, /牵头或配合单位/);
  const bad = await s.call('POST', '/api/reports', { cookie: c.dept, body: { taskId: task.id, period: '2024年', narrative: 'x', percent: 10 } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'period');
  assert.equal((await s.call('POST', '/api/reports', { cookie: c.dept, body: { taskId: task.id, period: '2025', narrative: 'x', percent: 101 } })).body.error.field, 'percent');
  assert.equal((await s.call('POST', '/api/reports', { cookie: c['luzhou.fgw'], body: { taskId: task.id, period: '2025', narrative: 'x', percent: 1 } })).status, 403);
  assert.equal(await count(s, 'task_reports'), n);
});

test('the missing-reports list names the lead units that have not reported, and nobody else sees it', async () => {
  const m = (await s.call('GET', `/api/plans/${plan.id}/missing-reports?period=2024`, { cookie: c['wansheng.office'] })).body;
  assert.ok(!m.missing.some((x: { taskId: number; organisationId: number }) => x.taskId === task.id && x.organisationId === org), 'the reported task is not missing');
  const leads = plan.tasks.flatMap((t) => t.units.filter((u) => u.role === 'lead' || u.role === 'responsible').map((u) => `${t.id}/${u.name}`));
  assert.equal(m.missing.length, new Set(leads).size - 1);
  assert.equal((await s.call('GET', `/api/plans/${plan.id}/missing-reports?period=2024`, { cookie: c['luzhou.office'] })).status, 403);
  assert.equal((await s.call('GET', `/api/plans/${plan.id}/missing-reports?period=2024`, { cookie: c.dept })).status, 403);
});
