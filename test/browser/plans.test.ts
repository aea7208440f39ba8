/**
 * 规划目标 and 指标预警 in a real browser against the real platform (in-process server, temp PGlite data dir,
 * demo data with the five seed plans): the Luzhou plan in the list, a main target with its qualifier, its
 * quote highlighted in the source text, English headers, entering and approving indicator values that turn
 * into a warning light on the plan, and the task units of the joint 成渝 plan.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';

import { browserSession, pickRegion, ROOT, SHOTS, waitText, loginAs } from '../helpers/browser.ts';

const menu = (page: Page, label: string) => page.getByTestId('side-menu').getByText(label, { exact: true }).click();
const headers = (table: Locator) => table.locator('thead th').allInnerTexts();

/** Enters one value through the 录入数值 dialog. */
async function enterValue(page: Page, year: number, value: number) {
  await page.getByTestId('observation-add').click();
  const modal = page.locator('.ant-modal:visible');
  await modal.getByLabel('年份').fill(String(year));
  await modal.getByLabel('数值').fill(String(value));
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await modal.waitFor({ state: 'hidden' });
}

test('plans and indicators: Luzhou plan, quote highlight, English, values and warnings, task units', { timeout: 120_000 }, async (t) => {
  const session = await browserSession(t, 'plans');
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;

  try {
    await step('the Luzhou office sees its plan in 规划目标 and opens it', async () => {
      await page.goto(platform.url);
      await loginAs(page, 'luzhou.office');
      await menu(page, '规划目标');
      await waitText(page.getByTestId('page-title'), (s) => s === '规划目标', 'plans heading');
      const row = page.locator('[data-testid=plan-table] .ant-table-row', { hasText: '泸州市碳达峰实施方案' });
      await waitText(row, (s) => s.includes('泸市府发〔2024〕2号') && s.includes('2024-01-19') && s.includes('已印发'), 'Luzhou plan row');
      await page.screenshot({ path: join(SHOTS, 'plans-list.png') });
      await row.getByTestId('plan-link').click();
      await waitText(page.getByTestId('page-title'), (s) => s === '泸州市碳达峰实施方案', 'plan heading');
      await waitText(page.getByTestId('plan-meta'), (s) => s.includes('泸州市人民政府') && s.includes('2021—2030年'), 'plan particulars');
    });

    await step('a main target reads as the plan words it, and clicking it highlights its quote', async () => {
      const row = page.locator('[data-testid=main-targets] .ant-table-row', { hasText: '非化石能源消费比重' }).first();
      await waitText(row, (s) => s.includes('2025') && s.includes('达到31.5%左右') && s.includes('比重'), 'non-fossil share 2025 target');
      await row.getByTestId('target-link').click();
      const quote = page.locator('[data-testid=source-text] .st-quote-active');
      await waitText(quote, (s) => s.includes('非化石能源消费比重达到31.5%左右'), 'highlighted quote');
      // Scrolled to: the quote is inside the text box and inside the window (after the smooth scroll).
      await page.waitForFunction(() => {
        const q = document.querySelector('[data-testid=source-text] .st-quote-active')?.getBoundingClientRect();
        const box = document.querySelector('[data-testid=source-text]')?.getBoundingClientRect();
        return !!q && !!box && q.top >= box.top && q.bottom <= box.bottom && q.top >= 0 && q.bottom <= window.innerHeight;
      }, undefined, { timeout: 5000 });
      await page.waitForTimeout(700); // let the flash settle, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'plans-source-quote.png') });
    });

    await step('the tasks tab groups tasks by action; English translates the headers', async () => {
      await page.getByRole('tab', { name: /重点行动与任务/ }).click();
      const panel = page.getByTestId('tasks-panel');
      await waitText(panel, (s) => s.includes('能源绿色低碳转型行动') && s.includes('推动能源消费低碳化'), 'first action and task');
      assert.deepEqual(await headers(panel.locator('.ant-table').first()), ['序号', '任务', '责任单位', '完成时限', '进度']);
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByRole('tab', { selected: true }), (s) => s.startsWith('Key actions and tasks'), 'English tab');
      assert.deepEqual(await headers(panel.locator('.ant-table').first()), ['No.', 'Task', 'Responsible units', 'Deadline', 'Progress']);
      await page.getByRole('tab', { name: /^Main targets/ }).click();
      const main = await headers(page.getByTestId('main-targets'));
      for (const h of ['Indicator', 'Target year', 'Target', 'Commitment', 'Kind', 'Base', 'Nature', 'Warning', 'Actions']) assert.ok(main.includes(h), `English header ${h} in ${main.join(' | ')}`);
      await waitText(page.getByTestId('main-targets'), (s) => s.includes('Share of non-fossil energy') && s.includes('reach about 31.5%'), 'English target');
      await page.screenshot({ path: join(SHOTS, 'plans-plan-en.png') });
      await page.getByTestId('lang-switch').getByText('中文').click();
      await waitText(page.getByRole('tab', { selected: true }), (s) => s.startsWith('主要目标'), 'Chinese again');
    });

    await step('指标预警: values entered for 非化石能源消费比重 appear in the table, the chart and the warning', async () => {
      await menu(page, '指标预警');
      await waitText(page.getByTestId('page-title'), (s) => s === '指标预警', 'indicators heading');
      await page.getByTestId('indicator-select').click();
      await page.keyboard.type('非化石能源消费');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '非化石能源消费比重（' }).click();
      await waitText(page.getByTestId('progress-table'), (s) => s.includes('达到31.5%左右') && s.includes('未评估'), 'targets before any value');
      await enterValue(page, 2020, 25);
      await enterValue(page, 2023, 29.2);
      const table = page.getByTestId('observation-table');
      await waitText(table.locator('.ant-table-row').first(), (s) => s.includes('2023') && s.includes('29.2') && s.includes('待审核') && s.includes('luzhou.office'), 'entered value');
      await waitText(page.getByTestId('progress-table'), (s) => s.includes('三级预警') && s.includes('达到进度要求'), 'green warning on the 2025 target');
      await page.locator('[data-testid=chart-series] canvas').waitFor();

      await table.locator('.ant-table-row', { hasText: '2023' }).getByTestId('observation-review').click();
      const review = page.locator('.ant-modal', { hasText: '审核观测值' });
      await review.waitFor();
      await page.waitForTimeout(300); // the dialog's zoom-in
      await review.getByRole('button', { name: /通\s*过/ }).click();
      await review.waitFor({ state: 'hidden' });
      await waitText(table.locator('.ant-table-row', { hasText: '2023' }), (s) => s.includes('已通过'), 'approved value');
      await page.waitForTimeout(600); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'plans-indicator.png') });
    });

    await step('a value for a region outside the office\'s own is refused with the API\'s message', async () => {
      await page.goto(`${platform.url}/indicators?indicator=non_fossil_share&region=500110-WSJK`);
      await page.getByTestId('observation-add').click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByLabel('数值').fill('20');
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/observations') && r.request().method() === 'POST');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      assert.equal((await answer).status(), 403);
      const body = (await (await answer).json()) as { error: { zh: string } };
      await waitText(page.getByTestId('observation-error'), (s) => s.includes(body.error.zh), '403 message in the dialog');
      await modal.getByRole('button', { name: /取\s*消/ }).click();
    });

    await step('the plan now shows the warning light of the target', async () => {
      await menu(page, '规划目标');
      await page.locator('[data-testid=plan-table] .ant-table-row', { hasText: '泸州市碳达峰实施方案' }).getByTestId('plan-link').click();
      const row = page.locator('[data-testid=main-targets] .ant-table-row', { hasText: '达到31.5%左右' });
      await waitText(row, (s) => s.includes('三级预警'), 'green light on the plan');
      // Both non-fossil targets (2025 and 2030) follow the same values: green targets are counted in the strip.
      await waitText(page.getByTestId('level-green'), (s) => Number(/^\d+/.exec(s)?.[0]) >= 2, 'green targets in the strip');
      await page.waitForTimeout(600); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'plans-plan.png') });
    });

    await step('the joint 成渝 plan lists lead and cooperating units of both provinces', async () => {
      await pickRegion(page, '成渝');
      await menu(page, '规划目标');
      const row = page.locator('[data-testid=plan-table] .ant-table-row', { hasText: '成渝地区双城经济圈碳达峰碳中和联合行动方案' });
      await row.getByTestId('plan-link').click();
      await page.getByRole('tab', { name: /重点行动与任务/ }).click();
      const units = page.locator('[data-testid=tasks-panel] [data-testid=task-units]').first();
      await waitText(units, (s) => s.includes('牵头·重庆市能源局') && s.includes('牵头·四川省能源局') && s.includes('配合·'), 'units of both provinces');
      await page.getByRole('tab', { name: '方案原文' }).click();
      await waitText(page.getByTestId('source-text'), (s) => s.includes('成渝地區'), 'source in traditional characters');
      await page.getByRole('tab', { name: /重点行动与任务/ }).click();
      await page.screenshot({ path: join(SHOTS, 'plans-tasks.png') });
    });

    await step('方案导入: the damaged Yueyang text is parsed, reviewed beside its source and saved', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await loginAs(page, 'yueyang.office');
      await menu(page, '规划目标');
      await page.getByTestId('plan-import').click();
      await page.locator('[data-testid=import-input] input[type=file]').setInputFiles(join(ROOT, 'assets/plans/yueyang-etdz-2023.txt'));
      await waitText(page.getByTestId('import-file'), (s) => s.includes('yueyang-etdz-2023.txt'), 'file chosen');
      await page.getByTestId('import-parse').click();
      const warnings = page.getByTestId('import-warnings');
      await waitText(warnings, (s) => /第 \d+ 行/.test(s) && s.includes('已损坏'), 'mojibake lines listed', 20_000);
      const drafts = page.locator('[data-testid=draft-targets] .ant-table-row');
      await drafts.nth(0).getByTestId('draft-reject').click();
      await waitText(drafts.nth(0), (s) => s.includes('已驳回'), 'first target rejected');
      await drafts.nth(1).getByTestId('draft-edit').click();
      const edit = page.locator('.ant-modal', { hasText: '修改目标' });
      await edit.locator('.ant-switch').click();
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await waitText(drafts.nth(1), (s) => s.includes('已修改'), 'second target edited');
      await page.getByTestId('accept-rest').click();
      const meta = page.getByTestId('import-meta');
      await meta.getByLabel('方案名称').fill('');
      await page.getByTestId('import-save').click();
      await waitText(meta.locator('.ant-form-item-explain-error'), (s) => s.includes('请填写方案名称'), 'title required on the field');
      await meta.getByLabel('方案名称').fill('岳阳经济技术开发区碳达峰实施方案（导入复核）');
      await page.screenshot({ path: join(SHOTS, 'plans-import-review.png') });
      await page.getByTestId('import-save').click();
      await waitText(page.getByTestId('page-title'), (s) => s === '岳阳经济技术开发区碳达峰实施方案（导入复核）', 'saved plan opened', 15_000);
      await waitText(page.getByRole('tab', { name: /^全部目标/ }), (s) => /（\d+）/.test(s), 'targets saved');
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await session.close();
  }
});
