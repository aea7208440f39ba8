/**
 * 情景分析 in a real browser against the real platform (in-process server, temp PGlite data dir, demo data):
 * the Luzhou office creates a scenario file from the documented sample, changes a lever and sees the live
 * preview move, sees a core error named next to the value it is about, runs 500 draws with seed 1 (queued in a
 * worker, followed to the end) and reads P(peak by 2030), switches to English; the read-only viewer gets no
 * 保存/运行; 示范市's office makes its base year from its 2023 inventory and follows a long run's progress bar.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';

import { browserSession, SHOTS, waitText, loginAs, logout } from '../helpers/browser.ts';

/** Types into an Ant Design InputNumber as a user does (select all, type, leave the field). */
async function typeNumber(input: Locator, value: string) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
  await input.press('Tab');
}

test('scenarios: new file from the sample, lever edit with live preview, field errors, a stored run, English, read-only viewer, base year from an inventory, run progress', { timeout: 300_000 }, async (t) => {
  const session = await browserSession(t, 'scenarios');
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;
  const summary = () => page.getByTestId('summary-peak');

  try {
    await step('the Luzhou office creates a scenario file for 泸州 from the documented sample', async () => {
      await page.goto(platform.url);
      await loginAs(page, 'luzhou.office');
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
      await logout(page);
      await page.locator('.st-login-lang').getByText('中文').click();
      await loginAs(page, 'luzhou.viewer');
      await page.getByTestId('side-menu').getByText('情景分析', { exact: true }).click();
      await waitText(page.getByTestId('file-name'), (s) => s === '示范情景（示例数据）', 'file opened');
      await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s), 'viewer preview');
      for (const id of ['scenario-save', 'scenario-run', 'file-new', 'file-copy', 'file-delete']) assert.equal(await page.getByTestId(id).count(), 0, `${id} absent`);
      await page.screenshot({ path: join(SHOTS, 'scenarios-viewer.png') });
    });

    await step('示范市: 从清单生成基年 from the 2023 inventory, checked against it, saved, and a long run with a progress bar', async () => {
      // signing out through the menu is the step before's; here a fresh session is enough
      await page.context().clearCookies();
      await page.goto(`${platform.url}/login`);
      await loginAs(page, 'demo.office');
      // a plan of 示范市 (through the API, as the plan import would store it): three targets the model checks, two it cannot
      const t = (ref: string, indicatorCode: string, indicatorName: string, year: number, value: number, kind: string, more = {}) => ({
        ref, indicatorCode, indicatorName, year, value, unit: '%', qualifier: 'exact', strength: 'plain', kind, main: true, reviewStatus: 'accepted', ...more,
      });
      const plan = await page.request.post(`${platform.url}/api/plans`, { data: {
        regionCode: '430000-DEMO', title: '示范市碳达峰实施方案（演示）', periodStart: 2021, periodEnd: 2030, status: 'issued',
        sourceText: '示范市碳达峰实施方案（演示文本）。确保2030年前实现碳达峰。', actions: [], tasks: [],
        targets: [
          t('T1', 'energy_intensity_reduction', '单位地区生产总值能源消耗降低率', 2025, 13.5, 'reduction', { baselineYear: 2020 }),
          t('T2', 'carbon_intensity_reduction', '单位地区生产总值二氧化碳排放降低率', 2025, 18, 'reduction', { baselineYear: 2020 }),
          t('T3', 'non_fossil_share', '非化石能源消费比重', 2030, 25, 'share'),
          t('T4', 'coal_share', '煤炭消费比重', 2025, 50, 'share', { qualifier: 'or_less' }),
          t('T5', 'forest_coverage', '森林覆盖率', 2025, 48, 'level'),
        ],
      } });
      assert.equal(plan.status(), 201, await plan.text());
      await page.getByTestId('side-menu').getByText('情景分析', { exact: true }).click();
      await waitText(page.getByTestId('header-region'), (s) => s.includes('示范市'), 'region 示范市');
      await page.getByTestId('file-new').click();
      await page.getByTestId('name-modal').getByRole('button', { name: /确\s*定/ }).click();
      await waitText(summary(), (s) => /峰值 20\d\d 年/.test(s), 'sample preview');
      await page.getByTestId('from-inventory').click();
      const modal = page.getByTestId('inventory-modal');
      await waitText(modal.getByTestId('inventory-select'), (s) => s.includes('2023年'), 'the 2023 inventory chosen');
      await modal.getByTestId('inventory-generate').click();
      // totals, intensities, non-fossil share and energy by sector equal the inventory; CO2 by sector is close
      await waitText(modal.getByTestId('inventory-check-summary'), (s) => s.includes('17 / 23 项完全一致'), 'check against the inventory');
      await waitText(modal.getByTestId('inventory-checks'), (s) => s.includes('能源消费总量') && s.includes('一致'), 'energy total identical');
      await waitText(modal.getByTestId('inventory-result'), (s) => s.includes('规划中 4 项目标可由模型核算，2 项不能'), 'plan targets counted');
      await page.screenshot({ path: join(SHOTS, 'scenarios-from-inventory.png') });
      await modal.getByTestId('inventory-apply').click();
      await modal.waitFor({ state: 'detached' });
      await waitText(page.getByTestId('file-note'), (s) => s.includes('2023 年基年，由清单 #'), 'generated note');
      await waitText(page.getByTestId('dirty-tag'), (s) => s.includes('未保存'), 'unsaved base year');
      await waitText(page.getByRole('tabpanel').getByTestId('drivers-panel'), (s) => s.includes('2023'), 'base year 2023');
      await waitText(summary(), (s) => /峰值 20\d\d 年|未达峰/.test(s), 'preview of the new base year');
      await page.getByTestId('plan-targets').getByText('规划目标').click();
      await waitText(page.getByTestId('plan-mapped'), (s) => s.includes('2030年前实现碳达峰') && !s.includes('否'), 'the plan targets are in the file');
      await waitText(page.getByTestId('plan-skipped'), (s) => s.includes('煤炭消费比重') && s.includes('电力和热力') && s.includes('森林覆盖率'), 'why coal share and forests are left out');
      await waitText(page.getByTestId('targets-table'), (s) => s.includes('规划') && s.includes('2025（较2020）'), 'plan targets in the attainment table');
      await page.getByTestId('plan-targets').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'scenarios-plan-targets.png') });
      await page.getByTestId('scenario-save').click();
      await page.getByTestId('dirty-tag').waitFor({ state: 'detached' });
      await page.getByTestId('scenario-run').click();
      const form = page.getByTestId('run-form');
      await typeNumber(form.getByLabel('抽样次数'), '30000');
      await page.getByTestId('run-submit').click();
      await page.getByTestId('run-progress-bar').waitFor({ state: 'visible' });
      await page.screenshot({ path: join(SHOTS, 'scenarios-run-progress.png') });
      await waitText(page.getByTestId('shown-source'), (s) => s.includes('运行 #') && s.includes('30,000 次抽样'), 'long run shown', 120_000);
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    await session.close();
  }
});
