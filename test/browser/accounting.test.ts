/**
 * 碳核算 in a real browser against the real platform (in-process server, temp PGlite data dir, demo data with
 * 示范市（演示） 430000-DEMO, its 2020 and 2023 inventories and the cement enterprise's report): the office opens
 * the 2023 inventory, whose key figure equals the API's, opens a calculation sheet, reads the page in English,
 * sees the single-source marks of the factor library and downloads the Excel template; the cement
 * enterprise sees its own report with its data-quality flags, and no administration.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readFileSync } from 'node:fs';

import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';

import { browserSession, pickRegion, SHOTS, waitText, loginAs } from '../helpers/browser.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


const menu = (page: Page, label: string) => page.getByTestId('side-menu').getByText(label, { exact: true }).click();
const headers = (table: Locator) => table.locator('thead th').allInnerTexts();
/** How the page writes a value in 万 (two decimals, grouped), from the API's exact value. */
const wan = (v: number, locale = 'zh-CN', factor = 1e4, digits = 2) => (v / factor).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Fig { value: number; unit: string; lineage: string }
interface ApiInventory { id: number; year: number; summary: { energyTotal: Fig; co2Combustion: Fig; electricityConversion: { zh: string; en: string } } }

test('carbon accounting: inventory figures and sheets, English, factor marks, template, enterprise scope', { timeout: 90_000 }, async (t) => {
  const session = await browserSession(t, 'accounting', { acceptDownloads: true });
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;
  let inv2023: ApiInventory | undefined;

  try {
    await step('the office opens 碳核算, picks 示范市 and the 2023 inventory: 能源消费总量 equals the API', async () => {
      await page.goto(platform.url);
      await loginAs(page, 'demo.office');
      await menu(page, '碳核算');
      await waitText(page.getByTestId('page-title'), (s) => s === '碳核算', 'accounting heading');
      await pickRegion(page, '示范市');
      const list = (await (await page.request.get(`${platform.url}/api/inventories?region=430000-DEMO`)).json()) as ApiInventory[];
      inv2023 = list.find((i) => i.year === 2023);
      assert.ok(inv2023 && list.some((i) => i.year === 2020), 'demo inventories 2020 and 2023');
      await page.locator('[data-testid=inventory-table] .ant-table-row', { hasText: '2023年' }).getByTestId('inventory-open').click();
      await waitText(page.getByTestId('inventory-title'), (s) => s.includes('示范市（演示）') && s.includes('2023年'), 'inventory heading');
      const energy = inv2023.summary.energyTotal;
      const tile = page.getByTestId(`fig-${energy.lineage}`);
      await waitText(tile.getByTestId('fig-value'), (s) => s === wan(energy.value), `能源消费总量 ${wan(energy.value)} 万吨标准煤`);
      assert.ok((await tile.textContent())?.includes(inv2023.summary.electricityConversion.zh), '当量值/等价值 stated on the tile');
      // The base year 2020 is chosen by default (same factor set): the reductions are shown.
      await waitText(page.getByTestId('key-figures'), (s) => s.includes('能耗强度比2020年降低'), 'reduction against 2020');
      await page.locator('[data-testid=chart-co2] canvas').waitFor();
      await page.locator('[data-testid=chart-sankey] canvas').waitFor();
      await page.waitForTimeout(800); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'accounting-inventory.png'), fullPage: true });
    });

    await step('a figure opens its calculation sheet: formula steps, input lines, factor records with versions', async () => {
      const co2 = inv2023!.summary.co2Combustion;
      await page.getByTestId(`fig-${co2.lineage}`).click();
      const drawer = page.getByTestId('explain-drawer');
      await waitText(drawer.getByTestId('explain-figure'), (s) => s.includes('化石燃料燃烧CO2排放（部门法）') && s.includes(co2.lineage), 'sheet of the figure');
      await waitText(drawer.getByTestId('explain-factors'), (s) => /v\d/.test(s) && s.includes('单位热值含碳量'), 'factor records with versions');
      assert.ok((await drawer.getByTestId('explain-inputs').locator('.ant-table-row').count()) > 0, 'input lines listed');
      await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'accounting-sheet.png') });
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
    });

    await step('English: headings, figures in Mt and the reference-approach table headers', async () => {
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByTestId('page-title'), (s) => s === 'Carbon Accounting', 'English title');
      const energy = inv2023!.summary.energyTotal;
      await waitText(page.getByTestId(`fig-${energy.lineage}`), (s) => s.includes('Total energy consumption') && s.includes(`${wan(energy.value, 'en-US', 1e6, 3)}Mtce`), 'English tile');
      assert.deepEqual(await headers(page.getByTestId('reference-approach').locator('.ant-table')), ['Fuel', 'Apparent consumption', 'Reference approach', 'Sectoral approach', 'Difference']);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(SHOTS, 'accounting-inventory-en.png'), fullPage: true });
      await page.getByTestId('lang-switch').getByText('中文').click();
      await waitText(page.getByTestId('page-title'), (s) => s === '碳核算', 'Chinese again');
    });

    await step('因子库: single-source and disputed values are marked; 下载模板 gives the Excel template', async () => {
      await page.getByTestId('tab-factors').click();
      await page.getByTestId('factor-weak').click();
      await page.getByTestId('factor-search').click();
      const table = page.getByTestId('factor-table');
      await waitText(table.locator('.ant-table-row').first(), (s) => s.includes('单一来源') || s.includes('有争议'), 'weak record marked');
      const rows = await table.locator('.ant-table-row').allInnerTexts();
      assert.ok(rows.every((r) => r.includes('单一来源') || r.includes('有争议')), 'every weak-only row carries a mark');
      await page.screenshot({ path: join(SHOTS, 'accounting-factors.png') });

      await page.getByTestId('tab-inventory').click();
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/inventories/template.xlsx'));
      const download = page.waitForEvent('download');
      await page.getByTestId('inventory-template').click();
      const res = await answer;
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], XLSX);
      const file = await download;
      assert.equal(file.suggestedFilename(), '区域能源平衡与清单输入模板.xlsx');
      assert.equal(readFileSync(await file.path()).subarray(0, 2).toString('latin1'), 'PK', 'an xlsx (zip) file');
    });

    await step('the cement enterprise sees its own report with data-quality flags, and no administration', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await loginAs(page, 'demo.cement');
      const side = await page.getByTestId('side-menu').innerText();
      assert.ok(!/系统管理|用户管理|审计日志/.test(side), `no admin menu: ${side}`);
      await menu(page, '碳核算');
      const own = (await (await page.request.get(`${platform.url}/api/enterprise-reports`)).json()) as Array<{ organisationName: string }>;
      assert.ok(own.length > 0 && own.every((r) => r.organisationName === '示范水泥有限公司（演示）'), 'the API gives only its own reports');
      const rows = page.locator('[data-testid=report-table] .ant-table-row');
      await waitText(rows.first(), (s) => s.includes('示范水泥有限公司（演示）') && s.includes('已报送'), 'own report listed');
      assert.equal(await rows.count(), own.length);
      assert.equal(await page.getByTestId('bottom-up').count(), 0, 'no regional bottom-up for an enterprise');
      await page.screenshot({ path: join(SHOTS, 'accounting-enterprise-list.png') });
      await rows.first().getByTestId('report-open').click();
      const lines = page.getByTestId('report-lines');
      await waitText(lines, (s) => s.includes('实测') && s.includes('缺省'), 'measured and default flags per line');
      await page.screenshot({ path: join(SHOTS, 'accounting-enterprise.png'), fullPage: true });
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await session.close();
  }
});
