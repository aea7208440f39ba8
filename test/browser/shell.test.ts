/**
 * The web shell in a real browser against the real platform (in-process server, temp PGlite data dir,
 * demo regions and users): login errors, menu, language switch, region switch with dashboard numbers
 * checked against the API, creating an enterprise with client-side credit-code validation, and what an
 * enterprise user may see. Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { type Page } from 'playwright-core';

import { RegionTree } from '../../src/core/regions/tree.ts';
import { browserSession, pickRegion, SHOTS, DEMO_PASSWORD, ADMIN_PASSWORD, waitText } from '../helpers/browser.ts';

const statValue = (page: Page, id: string) => page.locator(`[data-testid=stat-${id}] .ant-statistic-content-value`);
const topMenu = (page: Page) => page.locator('[data-testid=side-menu] > li.ant-menu-item, [data-testid=side-menu] > li.ant-menu-submenu').allInnerTexts();

async function login(page: Page, username: string, password: string) {
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByTestId('login-submit').click();
}

interface ApiRegion { id: number; code: string; parentId: number | null; parentCode: string | null; memberCodes: string[] }
interface ApiOrg { regionId: number; kind: string; keyEnergyUser: boolean; keyEmitter: boolean }

test('web shell: login, menus, language, region switch, organisations, enterprise scope', { timeout: 120_000 }, async (t) => {
  const session = await browserSession(t, 'shell');
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;
  const url = platform.url;

  try {
    await step('a wrong password shows the API message; the right one opens the Chinese shell', async () => {
      await page.goto(url);
      await page.waitForURL(/\/login$/);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await login(page, 'admin', 'not-the-password-1');
      const body = (await (await answer).json()) as { error: { zh: string } };
      assert.equal((await answer).status(), 401);
      await waitText(page.getByTestId('login-error'), (s) => s.includes(body.error.zh), 'login error message');

      await login(page, 'admin', ADMIN_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      await waitText(page.getByTestId('brand'), (s) => s.includes('双碳'), 'product name');
      assert.deepEqual(await topMenu(page), ['规划目标', '指标预警', '碳核算', '在线监测', '情景分析', '项目库', '企业与市场', '碳普惠', '驾驶舱', '系统管理']);
    });

    let before = '';
    await step('English switch translates the menu and the page heading', async () => {
      await statValue(page, 'departments').waitFor();
      before = (await statValue(page, 'departments').textContent()) ?? '';
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByTestId('page-title'), (s) => s.endsWith('overview'), 'English heading');
      assert.deepEqual(await topMenu(page), ['Plans & Targets', 'Indicators & Warnings', 'Carbon Accounting', 'Online Monitoring', 'Scenarios', 'Projects', 'Enterprises & Markets', 'Carbon Inclusion', 'Command Centre', 'Administration']);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await waitText(page.locator('.st-stat-card').first(), (s) => s.includes('Sub-regions'), 'English stat title');
    });

    await step('switching to Luzhou shows its real counts (as the API reports them)', async () => {
      await pickRegion(page, 'Luzhou');
      await waitText(page.getByTestId('header-region'), (s) => s.includes('Luzhou'), 'header region');
      await waitText(page.getByTestId('page-title'), (s) => s === 'Luzhou overview', 'dashboard heading');

      const regions = (await (await page.request.get(`${url}/api/regions`)).json()) as ApiRegion[];
      const orgs = (await (await page.request.get(`${url}/api/organisations`)).json()) as ApiOrg[];
      const byCode = new Map(regions.map((r) => [r.code, r]));
      const tree = new RegionTree(regions.map((r) => ({ id: r.id, parentId: r.parentId, memberIds: r.memberCodes.map((c) => byCode.get(c)!.id) })));
      const luzhou = byCode.get('510500')!;
      const inLuzhou = orgs.filter((o) => tree.within(o.regionId, luzhou.id));
      const expected = {
        subRegions: regions.filter((r) => r.parentCode === '510500').length,
        offices: inLuzhou.filter((o) => o.kind === 'office').length,
        departments: inLuzhou.filter((o) => o.kind === 'department').length,
        enterprises: inLuzhou.filter((o) => o.kind === 'enterprise').length,
        keyEnergyUsers: inLuzhou.filter((o) => o.kind === 'enterprise' && o.keyEnergyUser).length,
        keyEmitters: inLuzhou.filter((o) => o.kind === 'enterprise' && o.keyEmitter).length,
      };
      assert.ok(expected.subRegions > 0 && expected.enterprises > 0, 'the demo city has districts and enterprises');
      for (const [id, n] of Object.entries(expected)) {
        await waitText(statValue(page, id), (s) => s === String(n), `stat ${id} = ${n}`);
      }
      assert.notEqual(String(expected.departments), before, 'department count changed with the region');
      await page.locator('[data-testid=chart-by-region] canvas').waitFor();
      await page.waitForTimeout(600); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'shell-dashboard-en.png') });
    });

    const name = '泸州测试新材料有限公司';
    await step('organisations: invalid credit code is refused on the field, a valid one is saved and listed', async () => {
      await page.getByTestId('lang-switch').getByText('中文').click();
      await waitText(page.getByTestId('header-region'), (s) => s.includes('泸州市'), 'header region in Chinese');
      // Open the 系统管理 group only if it is closed (a second click would fold it away again).
      const orgItem = page.getByTestId('side-menu').getByText('组织机构');
      if (!(await orgItem.isVisible())) await page.getByTestId('side-menu').getByText('系统管理').click();
      await orgItem.click();
      await waitText(page.getByTestId('page-title'), (s) => s === '组织机构', 'organisations heading');
      await page.locator('[data-testid=org-table] .ant-table-row').first().waitFor();

      await page.getByTestId('org-add').click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByLabel('单位名称').fill(name);
      await modal.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
      await modal.getByLabel('行业代码').fill('C3099');
      await modal.getByText('重点用能单位').click();
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await waitText(modal.locator('.ant-form-item-explain-error'), (s) => s.includes('校验码错误'), 'credit code field error');
      await page.screenshot({ path: join(SHOTS, 'shell-organisation-form.png') });

      await modal.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByTestId('org-search').getByLabel('关键字').fill(name);
      await page.getByTestId('org-search').getByRole('button', { name: /查\s*询/ }).click();
      const row = page.locator('[data-testid=org-table] .ant-table-row', { hasText: name });
      await waitText(row, (s) => s.includes('91350100M000100Y43') && s.includes('泸州市') && s.includes('重点用能单位'), 'new enterprise row');

      await row.getByRole('button', { name: /历\s*史/ }).click();
      const drawer = page.locator('.ant-drawer-section:visible');
      await waitText(drawer, (s) => s.includes('新增') && s.includes('91350100M000100Y43'), 'history entry');
      await page.waitForTimeout(400); // drawer slide-in, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'shell-organisations.png') });
      await drawer.locator('.ant-drawer-close').click();
    });

    await step('an enterprise user sees no admin menu and no other enterprise', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login$/);
      await login(page, 'luzhou.cement', DEMO_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      const menu = await topMenu(page);
      assert.ok(!menu.includes('系统管理'), `admin section hidden: ${menu.join(', ')}`);
      assert.equal(await page.getByTestId('side-menu').getByText(/用户管理|审计日志/).count(), 0);

      await page.getByTestId('side-menu').getByText('基础信息').click();
      await page.getByTestId('side-menu').getByText('组织机构').click();
      await waitText(page.getByTestId('page-title'), (s) => s === '组织机构', 'organisations heading');
      assert.equal(await page.getByTestId('org-add').count(), 0, 'no 新增 for an enterprise user');
      const search = page.getByTestId('org-search');
      await search.locator('.ant-select').first().hover();
      await search.locator('.ant-select-clear').first().click();
      await search.getByLabel('关键字').fill('有限公司');
      await search.getByRole('button', { name: /查\s*询/ }).click();
      const table = page.getByTestId('org-table');
      await waitText(table, (s) => s.includes('泸州江南水泥有限公司（演示）'), 'own enterprise listed');
      assert.ok(!((await table.textContent()) ?? '').includes('泸州龙马酿酒有限公司（演示）'), 'another enterprise is not listed');
      await page.screenshot({ path: join(SHOTS, 'shell-enterprise-user.png') });
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await session.close();
  }
});
