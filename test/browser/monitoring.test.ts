/**
 * 在线监测 in a real browser against the real platform (in-process server, temp PGlite data dir, demo data): the
 * Luzhou office opens 在线监测 and sees the demo points with their status and counts, registers a point (a
 * registered MN is refused on the MN field), issues an ingestion key for the cement plant, whose gateway uploads
 * two days of hourly meter totals over HTTP with it (one below the registered lower limit), then revokes the key;
 * the point turns 在线; 立即评估 raises a 低于下限 alarm, which the office acknowledges with a note; the point
 * shows in the plant's metered purchased electricity; on the point page the daily totals match the uploads, the
 * full day meets the 90 % rule and the alarm is listed; the office renames the point; the cement enterprise sees
 * only its own points and no 登记/编辑, and reads the point page in English.
 * Needs Chromium (Debian: apt-get install -y chromium fonts-wqy-microhei); skipped without it, except in CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { browserSession, SHOTS, waitText, loginAs, logout } from '../helpers/browser.ts';



/**
 * Chooses an option of an Ant Design select by typing part of its label. Waits for the filter to settle and
 * retries (no Escape: it would close the dialog the select is in): on a busy machine a click may miss.
 */
async function choose(page: Page, select: Locator, label: string) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(label);
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await waitText(options.first(), (s) => s.includes(label), `options filtered by ${label}`, 5_000).catch(() => undefined);
    await options.filter({ hasText: label }).first().click();
    try {
      await waitText(select, (s) => s.includes(label), `option ${label} chosen`, 5_000);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** The MN column of the point table (4th column), as shown. */
const tableMns = async (page: Page) => (await page.locator('[data-testid=point-table] .ant-table-row td:nth-child(4)').allInnerTexts()).map((s) => s.trim()).sort();

const CEMENT = '泸州江南水泥有限公司（演示）';
const MN = 'LZTEST0001';
const HOUR = 3600_000;
/** The CST (UTC+8) calendar day of an instant. */
const cstDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

test('online monitoring: points, register, key + HTTP upload, daily chart and completeness, edit, enterprise scope', { timeout: 150_000 }, async (t) => {
  const session = await browserSession(t, 'monitoring');
  if (!session) return;
  const { platform, page, pageErrors, step } = session;
  const menu = () => page.getByTestId('side-menu').getByText('在线监测', { exact: true }).click();
  const row = (mn: string) => page.locator('[data-testid=point-table] .ant-table-row', { hasText: mn });

  try {
    await step('the Luzhou office sees the demo points of 泸州 with status, counts and the refresh time', async () => {
      await page.goto(platform.url);
      await loginAs(page, 'luzhou.office');
      await menu();
      await waitText(page.getByTestId('page-title'), (s) => s === '在线监测', 'monitoring heading');
      await waitText(page.getByTestId('filter-region'), (s) => s === '泸州市', 'region from the header');
      const api = (await (await page.request.get(`${platform.url}/api/points`)).json()) as Array<{ mn: string; regionCode: string }>;
      const demo = api.map((p) => p.mn).filter((m) => m.startsWith('DEMO51')).sort();
      assert.equal(demo.length, 6, 'six demo points in 泸州 (src/demo/monitoring.ts)');
      await row(demo[0]).waitFor();
      assert.deepEqual((await tableMns(page)).filter((m) => m.startsWith('DEMO51')), demo);
      await waitText(page.getByTestId('mon-stat-points'), (s) => s.includes(`${api.length}个`), 'points card counts what the API lists');
      await waitText(page.getByTestId('last-refreshed'), (s) => /数据更新于 \d{1,2}:\d{2}:\d{2} · 每 30 秒自动刷新/.test(s), 'last refreshed time');
      await page.screenshot({ path: join(SHOTS, 'monitoring-points.png'), fullPage: true });
    });

    await step('登记监测点: a registered MN is refused on the MN field; a new one is saved and listed as 离线', async () => {
      await page.getByTestId('point-add').click();
      const modal = page.locator('.ant-modal:visible');
      await choose(page, modal.locator('.ant-form-item', { hasText: '所属企业' }).locator('.ant-select'), '江南水泥');
      await modal.getByLabel('设备唯一标识（MN）').fill('DEMO510502JNSN01');
      await modal.getByLabel('访问密码（PW）').fill('secret-1');
      await modal.getByLabel('监测点名称').fill('测试电能表');
      const interval = modal.getByLabel('上传周期');
      await interval.fill('3600');
      await modal.getByLabel('因子编码').fill('e10001');
      await modal.getByLabel('单位', { exact: true }).fill('kWh');
      await modal.getByLabel('倍率').fill('200');
      await modal.getByLabel('下限', { exact: true }).fill('0');
      await modal.getByLabel('对应能耗/排放项').fill('purchased_electricity');
      await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
      // 409 from the server (src/server/monitoring/points.ts), shown under the field it names
      await waitText(modal.locator('.ant-form-item-explain-error'), (s) => s.includes('MN DEMO510502JNSN01 已登记'), 'MN field error');
      await page.screenshot({ path: join(SHOTS, 'monitoring-register-error.png') });
      await modal.getByLabel('设备唯一标识（MN）').fill(MN);
      await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await waitText(row(MN), (s) => s.includes(CEMENT) && s.includes('测试电能表') && s.includes('e10001 (kWh)') && s.includes('1 小时') && s.includes('从未上传') && s.includes('离线'), 'new point row');
    });

    let key = '';
    await step('接入密钥: a key for the cement plant is shown once', async () => {
      await page.getByTestId('tab-keys').click();
      await page.getByTestId('key-add').click();
      const form = page.locator('.ant-modal:visible');
      await choose(page, form.locator('.ant-form-item', { hasText: '所属企业' }).locator('.ant-select'), '江南水泥');
      await form.getByLabel('用途').fill('DCS 网关');
      await page.locator('.ant-modal:visible').getByRole('button', { name: /新建密钥/ }).click();
      key = (await waitText(page.getByTestId('key-secret'), (s) => /^stk_[0-9a-f]{12}/.test(s.trim()), 'key shown')).trim();
      await page.screenshot({ path: join(SHOTS, 'monitoring-key.png') });
      await page.locator('.ant-modal:visible').getByRole('button', { name: /已保存，关闭/ }).click();
      await waitText(page.getByTestId('keys-table'), (s) => s.includes('DCS 网关') && s.includes(key.slice(0, 16)) && s.includes('有效'), 'key listed by prefix');
      assert.equal(await page.getByTestId('keys-table').getByText(key).count(), 0, 'the key itself is not listed');
    });

    // The gateway uploads hourly totals (raw 2 × meter constant 200 = 400 kWh) for every hour of yesterday (CST)
    // and every finished hour of today; yesterday 12:00 brings raw −1 (−200 kWh), below the lower limit 0.
    const now = Date.now();
    const today = cstDay(now);
    const todayStart = Date.parse(`${today}T00:00:00+08:00`);
    const hoursToday = Math.floor((now - todayStart) / HOUR);
    const times = Array.from({ length: 24 + hoursToday }, (_v, i) => todayStart - 24 * HOUR + i * HOUR);
    const low = todayStart - 12 * HOUR;
    await step('the cement gateway uploads two days of hourly totals over HTTP with the key', async () => {
      const res = await fetch(`${platform.url}/api/ingest/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ readings: times.map((t) => ({ mn: MN, time: new Date(t).toISOString(), factor: 'e10001', kind: 'hour-Cou', value: t === low ? -1 : 2 })) }),
      });
      const body = (await res.json()) as { stored: number };
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.equal(body.stored, times.length);
    });

    await step('吊销: a revoked key is refused at once', async () => {
      await page.getByTestId('keys-table').getByTestId('key-revoke').click();
      await page.locator('.ant-popover:visible').getByRole('button', { name: /吊\s*销/ }).click();
      await waitText(page.getByTestId('keys-table'), (s) => s.includes('已吊销'), 'key revoked');
      const res = await fetch(`${platform.url}/api/ingest/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ readings: [{ mn: MN, time: new Date(times[0]).toISOString(), factor: 'e10001', kind: 'hour-Cou', value: 2 }] }),
      });
      assert.equal(res.status, 401);
    });

    await step('after a refresh the point is 在线 with a completeness for today', async () => {
      await page.getByTestId('tab-points').click();
      await row(MN).waitFor();
      await page.getByRole('button', { name: /刷\s*新/ }).click();
      await waitText(page.getByTestId(`status-${MN}`), (s) => s === '在线', 'point online');
      if (hoursToday > 0) await waitText(row(MN).getByTestId('today-completeness'), (s) => /^\d+(\.\d)? %$/.test(s), 'today completeness');
    });

    await step('报警: 立即评估 raises 低于下限 for the point; the office acknowledges it with a note', async () => {
      // the list and the counts are narrowed to the header's region (泸州市) by the API, not in the browser
      const scoped = (path: string) => page.waitForRequest((r) => new URL(r.url()).pathname === path && new URL(r.url()).searchParams.get('regionCode') === '510500');
      const requests = Promise.all([scoped('/api/alarms'), scoped('/api/alarms/summary')]);
      await page.getByTestId('tab-alarms').click();
      await requests;
      await page.getByTestId('alarm-evaluate').click();
      await waitText(page.locator('.ant-message'), (s) => /已评估 \d+ 个监测点/.test(s), 'evaluation done');
      const alarm = page.locator('[data-testid=alarm-table] .ant-table-row', { hasText: MN }).filter({ hasText: '低于下限' });
      await waitText(alarm, (s) => s.includes(CEMENT) && s.includes('待处理'), 'open alarm of the point');
      const openBefore = Number(/待处理 \((\d+)\)/.exec(await page.getByTestId('alarm-status-filter').innerText())?.[1]);
      await alarm.first().getByTestId('alarm-acknowledge').click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByLabel('处理说明').fill('已通知企业核查电能表');
      await page.screenshot({ path: join(SHOTS, 'monitoring-alarms.png') });
      await modal.getByRole('button', { name: /确\s*认/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await waitText(page.getByTestId('alarm-status-filter'), (s) => s.includes(`待处理 (${openBefore - 1})`), 'one open alarm fewer');
      await page.getByTestId('alarm-status-filter').getByText(/^已确认/).click();
      await waitText(alarm, (s) => s.includes('已确认'), 'acknowledged alarm listed');
      await page.getByTestId('tab-points').click();
      await waitText(page.getByTestId('mon-stat-alarms'), (s) => /未处理报警\d+条/.test(s), 'open alarms card');
    });

    await step('计量能耗与碳排放: the point feeds the cement plant\'s purchased electricity', async () => {
      await page.getByTestId('tab-metered').click();
      await choose(page, page.getByTestId('metered-enterprise'), '江南水泥');
      await waitText(page.getByTestId('metered-card'), (s) => s.includes(CEMENT), 'metered energy of the cement plant');
      const item = page.locator('[data-testid=metered-items] .ant-table-row', { hasText: MN });
      await waitText(item, (s) => s.includes('DEMO510502JNSN01'), 'both electricity meters in one item');
      await page.locator('[data-testid=metered-chart] canvas').waitFor();
      await page.waitForTimeout(600); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'monitoring-metered.png'), fullPage: true });
      await page.getByTestId('tab-points').click();
    });

    await step('the point page: switching to 日 draws the daily totals; the full day meets the 90 % rule', async () => {
      await row(MN).getByTestId('point-open').click();
      await waitText(page.getByTestId('page-title'), (s) => s === `测试电能表 · ${CEMENT}`, 'point heading');
      await waitText(page.getByTestId('point-status'), (s) => s === '在线', 'status on the point page');
      await page.getByTestId('interval-switch').getByText('日', { exact: true }).click();
      await page.locator('[data-testid=series-chart] canvas').waitFor();
      // 24 + hoursToday hourly totals inside the default 30 days: all 400 kWh but one of −200 kWh
      const n = times.length;
      const sum = ((n - 1) * 400 - 200).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
      await waitText(page.getByTestId('series-summary'), (s) => s === `${n} 条数据，合计 ${sum} kWh`, 'daily total');
      // Default completeness range: the last 30 days, of which 29 are over; only yesterday has its 24 of 24 uploads.
      await waitText(page.getByTestId('quality-summary'), (s) => s.includes('已结束的 29 天中 1 天达标'), 'completeness summary');
      await page.locator('[data-testid=quality-chart] canvas').waitFor();
      await waitText(page.getByTestId('point-alarms').locator('.ant-table-row', { hasText: '低于下限' }), (s) => s.includes('已确认'), 'the alarm on the point page');
      await page.waitForTimeout(600); // chart animation, for the screenshot
      await page.screenshot({ path: join(SHOTS, 'monitoring-point.png'), fullPage: true });
    });

    await step('编辑: the office renames the point', async () => {
      await page.getByTestId('point-edit').click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByLabel('监测点名称').fill('测试电能表（改）');
      await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await waitText(page.getByTestId('page-title'), (s) => s === `测试电能表（改） · ${CEMENT}`, 'renamed');
    });

    await step('the cement enterprise sees only its own points, and no 登记 or 编辑', async () => {
      await logout(page);
      await loginAs(page, 'luzhou.cement');
      await menu();
      await row(MN).waitFor();
      const own = ((await (await page.request.get(`${platform.url}/api/points`)).json()) as Array<{ mn: string; enterpriseName: string }>);
      assert.ok(own.length >= 3 && own.every((p) => p.enterpriseName === CEMENT), 'the API gives the enterprise its own points only');
      assert.deepEqual(await tableMns(page), own.map((p) => p.mn).sort());
      assert.equal(await page.getByTestId('point-table').getByText('龙马酿酒').count(), 0);
      assert.equal(await page.getByTestId('point-add').count(), 0, 'no 登记');
      assert.equal(await page.getByTestId('point-edit').count(), 0, 'no 编辑 in the list');
      await row(MN).getByTestId('point-open').click();
      await page.getByTestId('point-info').waitFor();
      assert.equal(await page.getByTestId('point-edit').count(), 0, 'no 编辑 on the point page');
      await page.screenshot({ path: join(SHOTS, 'monitoring-enterprise.png') });
    });

    await step('English', async () => {
      await page.getByTestId('lang-switch').getByText('English').click();
      await waitText(page.getByTestId('point-info'), (s) => s.includes('Registration') && s.includes('Upload interval') && s.includes('1 h'), 'English point info');
      await waitText(page.getByTestId('series-card'), (s) => s.includes('Real-time') && s.includes('Month'), 'English interval switch');
      await page.getByTestId('point-info').getByText('Online', { exact: true }).waitFor();
      await page.getByTestId('lang-switch').getByText('中文').click();
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    await session.close();
  }
});
