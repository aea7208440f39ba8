/**
 * 情景分析 in a real browser against the real platform (in-process server, temp PGlite data dir, demo data):
 * the Luzhou office creates a scenario file from the documented sample, changes a lever and sees the live
 * preview move, sees a core error named next to the value it is about, runs 500 draws with seed 1 and reads
 * P(peak by 2030), switches to English; the read-only viewer gets no 保存/运行.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';

import { browserSession, SHOTS, DEMO_PASSWORD, waitText } from '../helpers/browser.ts';

async function login(page: Page, username: string) {
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/dashboard$/);
}

/** Types into an Ant Design InputNumber as a user does (select all, type, leave the field). */
async function typeNumber(input: Locator, value: string) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
  await input.press('Tab');
}

test('scenarios: new file from the sample, lever edit with live preview, field errors, a stored run, English, read-only viewer', { timeout: 120_000 }, async (t) => {
  const session = await browserSession(t, 'scenarios');
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;
  const summary = () => page.getByTestId('summary-peak');

  try {
    await step('the Luzhou office creates a scenario file for 泸州 from the documented sample', async () => {
      await page.goto(platform.url);
      await page.waitForURL(/\/login$/);
      await login(page, 'luzhou.office');
      await page.getByTestId('side-menu').getByText('情景分析', { exact: true }).click();
      await waitText(page.getByTestId('page-title'), (s) => s === '情景分析', 'scenarios heading');
      await waitText(page.getByTestId('header-region'), (s) => s.includes('泸州市'), 'region 泸州市');
      await page.getByTestId('file-new').click();
      const modal = page.getByTestId('name-modal');
      await waitText(modal, (s) => s.includes('泸州市'), 'new-file dialog names the region');
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await waitText(page.getByTestId('file-table'), (s) => s.includes('示范情景（示例数据）'), 'file in the list');
      await waitText(page.getByTestId('file-note'), (s) => s.includes('示范市（虚构）') && s.includes('不是泸州市的统计数据'), 'sample notice');
      await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s), 'baseline peak in the preview');
      await waitText(page.getByTestId('comparison-table'), (s) => s.includes('基准情景') && s.includes('政策情景') && s.includes('强化情景'), 'three scenarios compared');
    });

    await step('changing a lever of the policy scenario changes the preview', async () => {
      await page.getByRole('tab', { name: /政策情景/ }).click();
      const before = await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s), 'policy peak');
      const amount = page.getByRole('tabpanel').locator('[data-testid=lever-amount-industry-coal-cut] .ant-input-number input').first();
      assert.equal(await amount.inputValue(), '1.5', 'coal cut shown as 1.5 points a year');
      await typeNumber(amount, '0.2');
      await waitText(page.getByTestId('dirty-tag'), (s) => s.includes('未保存'), 'unsaved changes');
      const after = await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s) && s !== before, 'policy peak after the edit');
      assert.notEqual(after, before);
      await page.waitForTimeout(400); // let the charts redraw for the screenshot
      await page.screenshot({ path: join(SHOTS, 'scenarios-editor.png') });
    });

    await step('a value the core refuses is named next to the field', async () => {
      // the active tab's base-year GDP (tabs keep visited panes in the page)
      const pane = page.getByRole('tabpanel');
      const gdp = pane.locator('input[data-testid=base-gdp], [data-testid=base-gdp] input').first();
      const original = await gdp.inputValue();
      await typeNumber(gdp, '-5');
      await waitText(pane.getByTestId('drivers-panel').getByTestId('field-error'), (s) => s.includes('应大于 0'), 'error next to base GDP');
      await waitText(page.getByTestId('preview-issues'), (s) => s.includes('base.gdp：应大于 0'), 'issue list names base.gdp');
      await pane.getByTestId('drivers-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'scenarios-field-error.png') });
      await typeNumber(gdp, original);
      await page.getByTestId('preview-issues').waitFor({ state: 'detached' });
    });

    await step('运行 with 500 draws and seed 1 saves, runs and states P(peak by 2030)', async () => {
      await page.getByTestId('scenario-run').click();
      const form = page.getByTestId('run-form');
      await typeNumber(form.getByLabel('抽样次数'), '500');
      await typeNumber(form.getByLabel('随机种子'), '1');
      await page.getByTestId('run-submit').click();
      await waitText(page.getByTestId('shown-source'), (s) => s.includes('运行 #') && s.includes('500 次抽样') && s.includes('种子 1'), 'run shown');
      await page.getByTestId('dirty-tag').waitFor({ state: 'detached' });
      const p = await waitText(page.getByTestId('p-peak-2030'), (s) => /2030年前（含）达峰的概率\d+(\.\d)?%/.test(s), 'P(peak by 2030)');
      const value = Number(/(\d+(?:\.\d)?)%/.exec(p)?.[1]);
      assert.ok(value >= 0 && value <= 100, p);
      await waitText(page.getByTestId('file-table').locator('tbody tr td:last-child'), (s) => s === '1', 'run counted in the list');
      await page.getByTestId('histogram-card').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'scenarios-run.png'), fullPage: true });
    });

    await step('English', async () => {
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByTestId('page-title'), (s) => s === 'Scenarios', 'English heading');
      await waitText(page.getByTestId('p-peak-2030'), (s) => /Probability of peaking by 2030\s*\d+(\.\d)?%/.test(s), 'English P(peak by 2030)');
      await waitText(page.getByTestId('targets-table').locator('thead'), (s) => s.includes('Margin') && s.includes('Probability met'), 'English target headers');
      await waitText(page.getByTestId('lmdi-card'), (s) => s.includes('GDP per capita') && s.includes('Emission factor'), 'English LMDI effects');
      await page.screenshot({ path: join(SHOTS, 'scenarios-english.png'), fullPage: true });
    });

    await step('the read-only viewer sees the file and results but no 保存/运行', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login$/);
      await page.locator('.st-login-lang').getByText('中文').click();
      await login(page, 'luzhou.viewer');
      await page.getByTestId('side-menu').getByText('情景分析', { exact: true }).click();
      await waitText(page.getByTestId('file-name'), (s) => s === '示范情景（示例数据）', 'file opened');
      await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s), 'viewer preview');
      for (const id of ['scenario-save', 'scenario-run', 'file-new', 'file-copy']) assert.equal(await page.getByTestId(id).count(), 0, `${id} absent`);
      await page.screenshot({ path: join(SHOTS, 'scenarios-viewer.png') });
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    await session.close();
  }
});
