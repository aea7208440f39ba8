/**
 * 年度评估 and 修改方案信息 in a real browser against the real platform (in-process server, temp PGlite data
 * dir, demo data): the Luzhou office enters indicator values, picks 2024 on its plan, opens the printable
 * evaluation (outside the shell; title, 预警等级 column with coloured cells, English), prints it to PDF, comes
 * back with the year kept, downloads the workbook, and edits the plan's issuer (a period ending before it
 * starts is refused on its field first). Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readFileSync } from 'node:fs';

import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';

import { browserSession, SHOTS, waitText, loginAs } from '../helpers/browser.ts';

const PLAN = '泸州市碳达峰实施方案';

/** The values of the API test (test/api/evaluation.test.ts): 2024 gives red, yellow and green targets. */
const VALUES: Array<[string, string, Array<[number, number]>]> = [
  ['energy_intensity', '吨标准煤/万元', [[2020, 0.6], [2021, 0.585], [2022, 0.57], [2023, 0.575], [2024, 0.53]]],
  ['non_fossil_share', '%', [[2020, 28], [2021, 28.9], [2022, 29.2], [2023, 29.9], [2024, 30.9]]],
  ['forest_coverage', '%', [[2020, 45.8], [2023, 46.2], [2024, 46.1]]],
  ['coal_consumption', '万吨', [[2024, 600]]],
];

async function pickOption(page: Page, select: Locator, label: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

test('annual evaluation: printable page, PDF, workbook download, plan details edited', { timeout: 120_000 }, async (t) => {
  const session = await browserSession(t, 'evaluation', { acceptDownloads: true });
  if (!session) return;
  const { platform, browser, page, pageErrors, step } = session;

  try {
    await step('the Luzhou office enters values and opens its plan', async () => {
      await page.goto(platform.url);
      await loginAs(page, 'luzhou.office');
      for (const [indicatorCode, unit, values] of VALUES) {
        for (const [year, value] of values) {
          const r = await page.request.post(`${platform.url}/api/observations`, { data: { indicatorCode, regionCode: '510500', year, value, unit } });
          assert.equal(r.status(), 201, await r.text());
        }
      }
      await page.getByTestId('side-menu').getByText('规划目标', { exact: true }).click();
      await page.locator('[data-testid=plan-table] .ant-table-row', { hasText: PLAN }).getByTestId('plan-link').click();
      await waitText(page.getByTestId('page-title'), (s) => s === PLAN, 'plan heading');
      // The default year is the last complete year of the period (the clock is the machine's).
      const expected = Math.min(2030, Math.max(2021, new Date().getFullYear() - 1));
      await waitText(page.getByTestId('evaluation-year'), (s) => s.includes(`${expected}年`), 'default evaluation year');
    });

    await step('2024 → 打印版: the document outside the shell, with its title and the 预警等级 column', async () => {
      await pickOption(page, page.getByTestId('evaluation-year'), '2024年');
      await waitText(page.getByTestId('evaluation-year'), (s) => s.includes('2024年'), 'year 2024 picked');
      await page.getByTestId('evaluation-print').click();
      await page.waitForURL(/\/plans\/\d+\/evaluation\/2024$/);
      await waitText(page.getByTestId('evaluation-title'), (s) => s === `${PLAN}2024年度评估`, 'report title');
      assert.equal(await page.getByTestId('side-menu').count(), 0, 'no shell menu on the printable page');
      const targets = page.getByTestId('evaluation-targets');
      const heads = await targets.locator('thead th').allInnerTexts();
      assert.deepEqual(heads, ['序号', '指标', '目标', '基准年/值', '本年度应达值', '实际值', '差距', '预警等级', '说明']);
      // Forest coverage fell (46.2 → 46.1): red; energy intensity behind the path: yellow; non-fossil share: green.
      const row = (name: string) => targets.locator('[data-testid=evaluation-target]', { hasText: name }).first();
      await waitText(row('森林覆盖率'), (s) => s.includes('红一级预警') && s.includes('46.1'), 'red forest row');
      await waitText(row('能源消耗'), (s) => s.includes('黄二级预警') && s.includes('0.5293'), 'yellow energy-intensity row');
      assert.equal(await row('森林覆盖率').getByTestId('level-cell-red').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 204, 199)');
      await waitText(page.getByTestId('evaluation-overall'), (s) => s.includes('一级预警（红）2项') && s.includes('逾期未完成'), 'counts in words');
      await page.locator('[data-testid=evaluation-chart] svg').waitFor();
      await waitText(page.getByTestId('evaluation-no-higher'), (s) => s.includes('无已印发的碳达峰实施方案'), 'no higher plan for Luzhou');
      assert.ok(await page.getByTestId('evaluation-task').count() > 10, 'tasks listed');
      await page.screenshot({ path: join(SHOTS, 'evaluation-report.png'), fullPage: true });
      await page.pdf({ path: join(SHOTS, 'evaluation-report.pdf'), format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pdf = readFileSync(join(SHOTS, 'evaluation-report.pdf'));
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    });

    await step('the report follows the language switch', async () => {
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByTestId('evaluation-title'), (s) => s === `${PLAN}: annual evaluation 2024`, 'English title');
      assert.ok((await page.getByTestId('evaluation-targets').locator('thead th').allInnerTexts()).includes('Warning level'));
      await waitText(page.getByTestId('evaluation-targets'), (s) => s.includes('RedLevel 1') && s.includes('Forest coverage'), 'English rows');
      await page.screenshot({ path: join(SHOTS, 'evaluation-report-en.png') });
      await page.getByTestId('lang-switch').getByText('中文').click();
      await waitText(page.getByTestId('evaluation-title'), (s) => s.endsWith('2024年度评估'), 'Chinese again');
    });

    await step('back on the plan (year kept), 导出Excel downloads the workbook', async () => {
      await page.getByTestId('evaluation-back').click();
      await waitText(page.getByTestId('page-title'), (s) => s === PLAN, 'plan heading again');
      await waitText(page.getByTestId('evaluation-year'), (s) => s.includes('2024年'), 'year kept');
      const answer = page.waitForResponse((r) => r.url().includes('/evaluation.xlsx?year=2024'));
      const download = page.waitForEvent('download');
      await page.getByTestId('evaluation-xlsx').click();
      const res = await answer;
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const file = await download;
      assert.equal(file.suggestedFilename(), `${PLAN}-2024年度评估.xlsx`);
      const saved = join(SHOTS, 'evaluation-2024.xlsx');
      await file.saveAs(saved);
      const bytes = readFileSync(saved);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (xlsx) file');
      assert.ok(bytes.length > 5000);
    });

    await step('编辑: a period ending before it starts is refused on its field; the new issuer shows in the header', async () => {
      await page.getByTestId('plan-edit').click();
      const modal = page.locator('.ant-modal:visible', { hasText: '修改方案信息' });
      await modal.waitFor();
      await modal.getByLabel('规划期（终止年）').fill('2019');
      await modal.getByLabel('发布单位').fill('泸州市人民政府办公室');
      const refused = page.waitForResponse((r) => /\/api\/plans\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      assert.equal((await refused).status(), 400);
      const endItem = modal.locator('.ant-form-item', { has: page.getByLabel('规划期（终止年）') });
      await waitText(endItem.locator('.ant-form-item-explain-error'), (s) => s.includes('规划期末须不早于期初'), 'period error on its field');
      await modal.getByLabel('规划期（终止年）').fill('2030');
      await page.screenshot({ path: join(SHOTS, 'evaluation-plan-edit.png') });
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await waitText(page.getByTestId('plan-meta'), (s) => s.includes('泸州市人民政府办公室') && s.includes('2021—2030年'), 'new issuer in the header');
    });

    await step('上级方案: chosen among the plans of regions containing Luzhou; the report then compares with it', async () => {
      await page.getByTestId('plan-edit').click();
      const modal = page.locator('.ant-modal:visible', { hasText: '修改方案信息' });
      const parent = modal.locator('.ant-form-item', { hasText: '上级方案' }).locator('.ant-select');
      await parent.click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await waitText(options, (s) => s.includes('成渝'), 'higher plans listed');
      const labels = await options.allInnerTexts();
      assert.ok(labels.every((l) => !l.startsWith(PLAN) && !l.includes('宁夏') && !l.includes('岳阳')), `only plans of regions above: ${labels.join(' | ')}`);
      // A busy machine can drop the option click: check the choice shows, and choose again if not.
      for (let attempt = 1; ; attempt++) {
        await options.filter({ hasText: '成渝' }).first().click();
        if (await waitText(parent, (s) => s.includes('成渝'), 'parent plan chosen', 4_000).then(() => true, () => attempt >= 3)) break;
        await parent.click();
      }
      await waitText(parent, (s) => s.includes('成渝'), 'parent plan chosen');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByTestId('evaluation-print').click();
      const findings = page.getByTestId('evaluation-consistency');
      // The joint plan states no quantified targets of its own: nothing to compare, and the report says so.
      await waitText(findings, (s) => s.includes('对照上级方案《成渝地区双城经济圈碳达峰碳中和联合行动方案》') && s.includes('无可比对的目标'), 'higher plan named');
      await findings.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'evaluation-consistency.png') });
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await session.close();
  }
});
