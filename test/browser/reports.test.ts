/**
 * 进展报送 in a real browser (in-process server, temp PGlite data dir, demo data): the admin creates a
 * department user for 万盛经开区发展改革局 through the API; that user reports 60% with a small text file on a
 * task of the 万盛 plan it leads; wansheng.office finds it under 待审核, is stopped when returning it without a
 * reason, approves it, and the 清单 of missing reports no longer names the unit for that task.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';

import { browserSession, SHOTS, DEMO_PASSWORD, ADMIN_PASSWORD, waitText } from '../helpers/browser.ts';

const DEPT_PASSWORD = 'Report-pass-2026';

interface Unit { name: string; role: string; organisationId: number | null }
interface Task { id: number; ref: string; title: string; units: Unit[] }

test('进展报送: a department reports with evidence, the office returns (refused without reason) and approves', { timeout: 90_000 }, async (t) => {
  const session = await browserSession(t, 'reports');
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;
  const call = async (method: string, path: string, cookie: string, body?: unknown) => {
    const res = await fetch(platform.url + path, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json() as unknown };
  };
  const apiLogin = async (username: string, password: string) => {
    const res = await fetch(`${platform.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    assert.equal(res.status, 200, `login ${username}`);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const login = async (username: string, password: string) => {
    await page.goto(`${platform.url}/login`);
    await page.getByLabel(/用户名|Username/).fill(username);
    await page.getByLabel(/密码|Password/).fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/dashboard$/);
  };
  const openReports = async (planId: number) => {
    await page.goto(`${platform.url}/plans/${planId}`);
    await page.getByRole('tab', { name: '进展报送' }).click();
    await page.getByTestId('reports-tab').waitFor();
  };

  let planId = 0;
  let task: Task | undefined;
  let office = '';
  let org = 0;
  const period = String(new Date().getFullYear()); // the tab's default: the year now running
  const unitRow = () => page.locator('[data-testid=missing-units] .ant-table-row', { hasText: '发展改革局' });

  try {
    await step('the admin creates a department user for 万盛经开区发展改革局', async () => {
      const admin = await apiLogin('admin', ADMIN_PASSWORD);
      const plans = (await call('GET', '/api/plans?region=500110-WSJK', admin)).body as Array<{ id: number }>;
      planId = plans[0].id;
      const plan = (await call('GET', `/api/plans/${planId}`, admin)).body as { tasks: Task[] };
      task = plan.tasks.find((x) => x.units.some((u) => u.name === '发展改革局' && u.role === 'lead' && u.organisationId));
      assert.ok(task, 'a task of the 万盛 plan led by 发展改革局');
      org = task.units.find((u) => u.name === '发展改革局')!.organisationId!;
      const created = await call('POST', '/api/users', admin, { username: 'ws.fgj', displayName: '万盛发展改革局', password: DEPT_PASSWORD, roles: [{ role: 'department', organisationId: org }] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      office = await apiLogin('wansheng.office', DEMO_PASSWORD);
      const before = (await call('GET', `/api/plans/${planId}/missing-reports?period=${period}`, office)).body as { missing: Array<{ taskId: number; organisationId: number | null }> };
      assert.ok(before.missing.some((m) => m.taskId === task!.id && m.organisationId === org), 'the unit is missing for the task before it reports');
    });

    await step('the department reports 60% with a text file on its task', async () => {
      await login('ws.fgj', DEPT_PASSWORD);
      await openReports(planId);
      const row = page.locator('[data-testid=my-tasks] .ant-table-row', { hasText: task!.title });
      await waitText(row, (s) => s.includes('牵头·发展改革局') && s.includes('未报送'), 'own task, not yet reported');
      await row.getByTestId('report-open').click();
      const form = page.getByTestId('report-form');
      await form.getByLabel('进展情况').fill('已完成年度光伏项目并网验收，完成全年任务的60%。');
      await form.locator('.ant-slider-handle').focus();
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight'); // step 5 → 60%
      await form.locator('input[type=file]').setInputFiles({ name: '并网验收单.txt', mimeType: 'text/plain', buffer: Buffer.from('2024年光伏项目并网验收单（演示）') });
      await waitText(form.locator('.ant-upload-list'), (s) => s.includes('并网验收单.txt'), 'file listed');
      await page.waitForTimeout(400); // the list's fade-in, for the screenshot
      assert.equal(await form.locator('.ant-slider-handle').getAttribute('aria-valuenow'), '60');
      await page.screenshot({ path: join(SHOTS, 'reports-form.png') });
      await page.getByTestId('report-submit').click();
      await form.waitFor({ state: 'hidden' });
      await waitText(row, (s) => s.includes('报送 60%') && s.includes('待审核'), 'reported, awaiting review');
      await page.screenshot({ path: join(SHOTS, 'reports-department.png') });
      await page.getByRole('tab', { name: /重点行动与任务/ }).click();
      await page.getByRole('button', { name: '全部展开' }).click();
      const taskRow = page.locator('[data-testid=tasks-panel] .ant-table-row', { hasText: task!.title }).first();
      await waitText(taskRow.getByTestId('task-report'), (s) => s.includes('报送 60%') && s.includes('待审核'), 'report in the tasks tab');
    });

    await step('the office sees it under 待审核; 退回 needs a reason; 通过 approves it', async () => {
      await page.context().clearCookies(); // the department's session ends; the office logs in
      await login('wansheng.office', DEMO_PASSWORD);
      await openReports(planId);
      const row = page.locator('[data-testid=review-list] .ant-table-row', { hasText: '万盛经开区发展改革局' });
      await waitText(row, (s) => s.includes(task!.title) && s.includes('待审核') && s.includes('并网验收单.txt') && s.includes('ws.fgj'), 'report to review');
      await row.getByTestId('review-open').click();
      const modal = page.getByTestId('review-form');
      await waitText(modal, (s) => s.includes('60%') && s.includes('并网验收单.txt'), 'report in the review dialog');
      await page.getByTestId('review-return').click();
      await waitText(modal.locator('.ant-form-item-explain-error'), (s) => s.includes('退回须说明原因'), 'reason required');
      await page.screenshot({ path: join(SHOTS, 'reports-return-needs-reason.png') });
      await page.getByTestId('review-approve').click();
      await modal.waitFor({ state: 'hidden' });
      await waitText(page.getByTestId('review-filter'), (s) => s.includes('待审核（0）') && s.includes('已通过（1）'), 'counts after approval');
      await page.getByTestId('review-filter').getByText(/^已通过/).click();
      await waitText(row, (s) => s.includes('已通过'), 'approved report listed');
      await page.screenshot({ path: join(SHOTS, 'reports-office.png'), fullPage: true });
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByRole('tab', { selected: true }), (s) => s === 'Progress reports', 'English tab');
      await waitText(page.getByTestId('review-filter'), (s) => s.includes('Approved') && s.includes('Awaiting review'), 'English filters');
      await waitText(page.getByTestId('missing-list'), (s) => s.includes('Units yet to report') && s.includes('Overdue tasks'), 'English checklist');
      await page.screenshot({ path: join(SHOTS, 'reports-office-en.png') });
      await page.getByTestId('lang-switch').getByText('中文').click();
      await waitText(page.getByRole('tab', { selected: true }), (s) => s === '进展报送', 'Chinese again');
    });

    await step('the 清单 no longer names the unit for that task; other units are still listed', async () => {
      await page.getByTestId('missing-list').waitFor();
      assert.equal(await unitRow().locator(`[data-task="${task!.id}"]`).count(), 0, 'the unit is not missing for the task');
      assert.ok(await page.locator('[data-testid=missing-units] .ant-table-row').count() > 0, 'other units are still missing');
      const m = (await call('GET', `/api/plans/${planId}/missing-reports?period=${period}`, office)).body as { missing: Array<{ taskId: number; organisationId: number | null }> };
      assert.ok(!m.missing.some((x) => x.taskId === task!.id && x.organisationId === org), 'the API agrees');
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await session.close();
  }
});
