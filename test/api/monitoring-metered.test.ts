import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/server.ts';
import { startHj212Listener, type RunningListener } from '../../src/ingest/listener.ts';
import { Hj212Client } from '../../src/ingest/client.ts';
import { ensurePartitions, insertReadings, type ReadingRow } from '../../src/ingest/store.ts';
import { encodeUpload, formatHj212Time } from '../../src/core/hj212/index.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { DEMO_FAULTS, playedPoints } from '../../src/demo/monitoring.ts';
import { hourAmount } from '../../src/demo/monitoring-profile.ts';
import { startDemoFeed } from '../../src/demo/live-feed.ts';

/*
 * 江南水泥 (luzhou.cement, 510502) files a small 2023 report: 1 000 000 kWh purchased electricity, national grid
 * factor of the MEE/NBS series. Its meter DEMO510502JNSN01 (e10001 kWh, multiplier 200) gets 2023 readings:
 *   every day 2 800 kWh as the logger's daily total (day-Cou) — except 10 Feb (nothing) and 15 Mar (20 of 24
 *   hourly totals of 100 kWh, 83 % < 90 %: a day with data that is not complete); 31 Dec through the HJ 212
 *   listener as raw 14 × 200.
 *   year: 363 × 2 800 + 2 000 = 1 018 400 kWh
 *         × 0.1229 kgce/kWh (电力当量值, GB/T 2589, reference §2)            = 125.16136 tce
 *         × 0.5306 kgCO2/kWh (grid.co2 全国 mee-nbs.national 2023, §3)    = 540.36304 tCO2
 *   reported: 1 000 000 kWh, 122.9 tce, 530.6 tCO2 → deviation +1.84 % each (within 5 %)
 *   Jan 31 × 2 800 = 86 800 kWh → 10.66772 tce, 46.05608 tCO2; Feb 27 × 2 800 = 75 600 kWh; Mar 30 × 2 800 + 2 000 = 86 000 kWh
 *
 * 云谷数据中心 (510502 too, no report: the default method, the same 2023 national grid factor) meters every day of
 * 2023 1 000 kWh (day-Cou) on DEMO510502YGSJ01:
 *   year: 365 000 kWh × 0.1229 = 44.8585 tce, × 0.5306 = 193.669 tCO2; Jan 31 000 kWh → 3.8099 tce, 16.4486 tCO2
 * So 江阳区 (510502) = 江南水泥 + 云谷:
 *   year 125.16136 + 44.8585 = 170.01986 tce, 540.36304 + 193.669 = 734.03204 tCO2; electricity 1 018 400 + 365 000 = 1 383 400 kWh
 *   Jan  10.66772 + 3.8099 = 14.47762 tce, 46.05608 + 16.4486 = 62.50468 tCO2
 *   CEMS CO2 0 t (江南水泥's CEMS point sent nothing in 2023: counted, and the enterprise flagged incomplete)
 */
let s: TestServer;
let L: RunningListener;
const c: Record<string, string> = {};
const id: Record<string, number> = {};
const close = (a: number | null | undefined, b: number, rel = 1e-9) => assert.ok(a != null && Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
const get = (who: string, path: string) => s.call('GET', path, { cookie: c[who] });
const metered = (who: string, org: number, query = '?year=2023') => get(who, `/api/organisations/${org}/metered-energy${query}`);

const dayMs = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const days2023 = () => Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10));

before(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'luzhou.office', 'jiangyang.district', 'luzhou.cement', 'luzhou.brewery', 'sichuan.verifier', 'ningxia.office', 'demo.office', 'demo.cement']) c[u] = await s.login(u);
  const org = async (name: string) => (await s.ctx.db.query<{ id: number; credit_code: string }>('select id, credit_code from organisations where name = $1', [name])).rows[0];
  const jn = await org('泸州江南水泥有限公司（演示）');
  id.jiangnan = jn.id;
  id.brewery = (await org('泸州龙马酿酒有限公司（演示）')).id;
  id.demoCement = (await org('示范水泥有限公司（演示）')).id;
  id.office = (await org('泸州市发展和改革委员会')).id;
  id.yungu = (await org('泸州云谷数据中心有限公司（演示）')).id;
  L = await startHj212Listener(s.ctx.db, { port: 0, host: '127.0.0.1', now: () => s.ctx.now() });

  const report = {
    schema: 'shuangtan.enterprise-report/1', status: 'submitted',
    enterprise: { name: '泸州江南水泥有限公司（演示）', creditCode: jn.credit_code, industry: 'C3011', regionCode: '510502' },
    year: 2023, guideline: '测试 / test', method: { electricityFactor: { series: 'mee-nbs.national', key: '全国' } },
    electricity: { purchased: { value: 100, unit: '万千瓦时' } }, output: [{ product: '熟料', amount: { value: 1000, unit: 't' } }],
  };
  const filed = await s.call('POST', '/api/enterprise-reports', { cookie: c['luzhou.cement'], body: report });
  assert.equal(filed.status, 201, JSON.stringify(filed.body).slice(0, 300));
  id.report = filed.body.id;

  const point = (await s.ctx.db.query<{ id: number }>("select id from monitoring_points where mn = 'DEMO510502JNSN01'")).rows[0].id;
  const rows: ReadingRow[] = [];
  for (const day of days2023()) {
    if (day === '2023-02-10' || day === '2023-12-31') continue;
    if (day === '2023-03-15') {
      for (let h = 0; h < 20; h++) rows.push({ pointId: point, time: dayMs(day) + h * 3600_000, factor: 'e10001', kind: 'hour-Cou', value: 100, flag: 'N' });
      continue;
    }
    rows.push({ pointId: point, time: dayMs(day), factor: 'e10001', kind: 'day-Cou', value: 2800, flag: 'N' });
  }
  const yungu = (await s.ctx.db.query<{ id: number }>("select id from monitoring_points where mn = 'DEMO510502YGSJ01'")).rows[0].id;
  for (const day of days2023()) rows.push({ pointId: yungu, time: dayMs(day), factor: 'e10001', kind: 'day-Cou', value: 1000, flag: 'N' });
  await ensurePartitions(s.ctx.db, rows);
  await s.ctx.db.tx((q) => insertReadings(q, rows));
  const client = await Hj212Client.open('127.0.0.1', L.port);
  const qn = '20260301160000001';
  await client.sendAndWait(encodeUpload({ cn: '2031', st: '31', pw: '123456', mn: 'DEMO510502JNSN01', qn, dataTime: formatHj212Time(new Date(dayMs('2023-12-31'))), readings: [{ code: 'e10001', values: { Cou: 14 } }] }), qn);
  await client.close();
});
after(async () => {
  await L.close();
  await s.close();
});

test('metered energy by month with tce and CO2 from the factor library, completeness, and the comparison with the report', async () => {
  const r = await metered('luzhou.cement', id.jiangnan);
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 400));
  const b = r.body;
  assert.deepEqual([b.organisation.name, b.year, b.method.source, b.method.reportId, b.factorSet.id, b.completenessThreshold], ['泸州江南水泥有限公司（演示）', 2023, 'report', id.report, 1, 0.9]);
  const e = b.items.find((i: { item: string }) => i.item === 'purchased_electricity');
  assert.deepEqual(e.points, ['DEMO510502JNSN01']);
  close(e.months[0].amount.value, 86800);
  close(e.months[0].tce.value, 10.66772);
  close(e.months[0].co2.value, 46.05608);
  close(e.months[1].amount.value, 75600);
  assert.deepEqual(e.months[1].days, { due: 28, withData: 27, complete: 27 });
  close(e.months[2].amount.value, 86000);
  assert.deepEqual(e.months[2].days, { due: 31, withData: 31, complete: 30 });
  close(e.months[11].amount.value, 31 * 2800, 1e-12); // 31 Dec came through the listener: raw 14 × multiplier 200
  close(e.year.amount.value, 1018400);
  close(e.year.tce.value, 125.16136);
  close(e.year.co2.value, 540.36304);
  assert.deepEqual(e.year.days, { due: 365, withData: 364, complete: 363 });
  close(b.totals.year.tce.value, 125.16136);
  close(b.totals.year.co2.value, 540.36304);
  // each figure explained down to the readings and the factor records with their sources
  assert.deepEqual(b.lineage[e.months[0].co2.lineage].factors, ['grid.co2|全国|mee-nbs.national|2023-2023@1']);
  assert.match(b.lineage[e.months[0].amount.lineage].inputs[0], /^DEMO510502JNSN01\/e10001 2023-01: day-Cou × 31 d$/);
  assert.ok(b.factorsUsed.find((f: { key: string }) => f.key === '全国').sources.length >= 2);

  const row = (item: string, measure: string) => b.comparison.rows.find((x: { item: string; measure: string }) => x.item === item && x.measure === measure);
  assert.equal(b.comparison.threshold, 0.05);
  assert.equal(b.comparison.reportStatus, 'submitted');
  close(row('purchased_electricity', 'amount').reported.value, 1e6);
  close(row('purchased_electricity', 'tce').reported.value, 122.9);
  close(row('purchased_electricity', 'co2').reported.value, 530.6);
  for (const m of ['amount', 'tce', 'co2']) {
    close(row('purchased_electricity', m).deviation, 0.0184);
    assert.equal(row('purchased_electricity', m).flag, 'ok');
  }
  // the CEMS point sent nothing: listed against the report's direct CO2, not judged
  assert.deepEqual([row('cems_co2', 'co2').metered.value, row('cems_co2', 'co2').flag], [0, 'incomplete']);
});

test('who may read it: the enterprise its own, the office of its region; everyone else learns nothing', async () => {
  assert.equal((await metered('luzhou.office', id.jiangnan)).status, 200);
  assert.equal((await metered('admin', id.jiangnan)).status, 200);
  for (const who of ['luzhou.brewery', 'ningxia.office', 'demo.office']) assert.equal((await metered(who, id.jiangnan)).status, 404, who);
  assert.equal((await metered('luzhou.cement', id.brewery)).status, 404);
  assert.equal((await metered('luzhou.office', id.office)).status, 404, 'not an enterprise');
  assert.equal((await metered('luzhou.office', 999999)).status, 404);
  assert.equal((await metered('sichuan.verifier', id.jiangnan)).status, 403, 'no monitoring.read anywhere');
});

test('a bad year is a 400 naming the field in Chinese and English', async () => {
  for (const q of ['?year=abc', '?year=1800', '']) {
    const r = await metered('luzhou.cement', id.jiangnan, q);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.error.field, 'year');
    assert.match(r.body.error.zh, /year/);
    assert.notEqual(r.body.error.zh, r.body.error.en);
  }
});

test('a year without its grid factor: a clear statement, the rest computed, no 500', async () => {
  const r = await metered('luzhou.cement', id.jiangnan, '?year=2026');
  assert.equal(r.status, 200);
  assert.deepEqual([r.body.method.source, r.body.method.reportYear, r.body.asOf], ['earlier-report', 2023, '2026-02-28'], 'today (1 March) is not yet due');
  assert.equal(r.body.comparison, null);
  const p = r.body.problems.find((x: { item: string }) => x.item === 'purchased_electricity');
  assert.equal(p.code, 'factor_missing');
  assert.match(p.zh, /2026年电力二氧化碳排放因子/);
  assert.match(p.en, /no 2026 electricity CO2 emission factor/);
  const e = r.body.items.find((i: { item: string }) => i.item === 'purchased_electricity');
  assert.equal(e.year.co2, null);
  assert.ok(e.year.tce, 'tce needs no year-bound factor');
  assert.deepEqual([e.months[1].days, e.months[2].days.due], [{ due: 28, withData: 0, complete: 0 }, 0]);
  assert.equal(r.body.totals.partial.length, 1);
});

const regional = (who: string, code: string, query = '?year=2023') => get(who, `/api/regions/${code}/metered-energy${query}`);
type Totals = { tce: { value: number }; co2: { value: number }; co2Measured: { value: number } | null };

test('a region\'s metered energy: its enterprises\' own figures summed per month and item, incomplete ones flagged, deviations from reports', async () => {
  const r = await regional('jiangyang.district', '510502');
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 400));
  const b = r.body;
  assert.deepEqual([b.region.code, b.year, b.completenessThreshold], ['510502', 2023, 0.9]);
  // 江南水泥 (2 points: electricity, CEMS) and 云谷 (1 point); 江南水泥 is flagged for its silent CEMS
  assert.deepEqual(b.coverage, { enterprises: 2, points: 3, pointsUsed: 3, incomplete: 1 });
  close(b.totals.year.tce.value, 170.01986);
  close(b.totals.year.co2.value, 734.03204);
  assert.deepEqual([b.totals.year.tce.unit, b.totals.year.co2.unit, b.totals.year.co2Measured.value], ['tce', 'tCO2', 0]);
  close(b.totals.months[0].tce.value, 14.47762);
  close(b.totals.months[0].co2.value, 62.50468);
  const elec = b.items.find((i: { item: string }) => i.item === 'purchased_electricity');
  assert.deepEqual([elec.enterprises.sort(), elec.points, elec.year.amount.unit, elec.partial], [[id.jiangnan, id.yungu].sort(), 2, 'kWh', []]);
  close(elec.year.amount.value, 1383400);
  close(elec.months[1].amount.value, 75600 + 28000);

  // no second calculation: each enterprise's figures are those of its own page, and the region adds them up
  const own = async (org: number) => (await metered('luzhou.office', org)).body;
  const pages = [await own(id.jiangnan), await own(id.yungu)];
  for (let k = 0; k < 12; k++) {
    close(b.totals.months[k].tce.value, pages[0].totals.months[k].tce.value + pages[1].totals.months[k].tce.value);
    close(b.totals.months[k].co2.value, pages[0].totals.months[k].co2.value + pages[1].totals.months[k].co2.value);
  }
  const ent = (org: number) => b.enterprises.find((e: { organisation: { id: number } }) => e.organisation.id === org);
  const jn = ent(id.jiangnan);
  const yg = ent(id.yungu);
  assert.deepEqual((jn.year as Totals).tce.value, pages[0].totals.year.tce.value);
  assert.deepEqual([jn.method.source, jn.incomplete, jn.incompleteItems, jn.deviations, jn.comparison.reportId, jn.comparison.reportStatus], ['report', true, ['cems_co2'], 0, id.report, 'submitted']);
  close(jn.comparison.rows.find((x: { item: string; measure: string }) => x.item === 'purchased_electricity' && x.measure === 'co2').deviation, 0.0184);
  assert.deepEqual([yg.method.source, yg.incomplete, yg.completeness, yg.comparison, yg.points], ['default', false, 1, null, 1]);
  close(yg.year.tce.value, 44.8585);
  close(yg.months[0].co2.value, 16.4486);
  assert.deepEqual(b.excluded, []);
  assert.ok(b.basis.zh && b.basis.en);

  // the city: the same two plus 龙马酿酒 and 纳溪化工, which metered nothing in 2023 (counted, flagged, adding 0)
  const city = (await regional('luzhou.office', '510500')).body;
  assert.deepEqual([city.coverage.enterprises, city.coverage.incomplete], [4, 3]);
  close(city.totals.year.tce.value, 170.01986);
  close(city.totals.year.co2.value, 734.03204);
  assert.deepEqual(city.enterprises.map((e: { organisation: { regionCode: string } }) => e.organisation.regionCode), ['510502', '510502', '510503', '510504']);
});

test('who may read a region\'s metered energy: the office and district of the region; an enterprise or another region is refused', async () => {
  for (const [who, code] of [['luzhou.office', '510502'], ['jiangyang.district', '510502'], ['admin', '510500']]) assert.equal((await regional(who, code)).status, 200, `${who} ${code}`);
  for (const [who, code] of [['jiangyang.district', '510500'], ['jiangyang.district', '510504'], ['luzhou.cement', '510502'], ['ningxia.office', '510502'], ['demo.office', '510500']]) {
    const r = await regional(who, code);
    assert.equal(r.status, 403, `${who} ${code}`);
    assert.ok(r.body.error.zh && r.body.error.en);
  }
  assert.equal((await regional('sichuan.verifier', '510502')).status, 403, 'no monitoring.read anywhere');
});

test('a region\'s metered energy: an unknown region is a 404 and a bad year a 400, both in Chinese and English naming the field', async () => {
  const nf = await regional('luzhou.office', '999999-NO');
  assert.equal(nf.status, 404);
  assert.equal(nf.body.error.field, 'code');
  assert.match(nf.body.error.zh, /地区 999999-NO 不存在/);
  assert.match(nf.body.error.en, /Region 999999-NO does not exist/);
  for (const q of ['?year=abc', '?year=2101', '']) {
    const r = await regional('luzhou.office', '510502', q);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.error.field, 'year');
    assert.notEqual(r.body.error.zh, r.body.error.en);
  }
});

test('demo history: loaded once, the cement plant\'s metered year within a few per cent of its report, faults in place for the alarms', async () => {
  const own = (await get('demo.cement', '/api/points')).body.map((p: { mn: string; feeds: string }) => `${p.mn} ${p.feeds}`);
  assert.deepEqual(own, ['DEMO430000SFSN01 purchased_electricity', 'DEMO430000SFSN02 bituminous_coal_combustion', 'DEMO430000SFSN03 cems_co2']);
  const n = async () => (await s.ctx.db.query<{ n: number }>('select count(*)::int as n from readings')).rows[0].n;
  const before = await n();
  const first = await loadDemo(s.ctx.db, s.ctx.now(), DEMO_PASSWORD, { monitoringHistory: true });
  assert.equal(first.loaded, false, 'the demo itself was loaded already');
  const loaded = await n();
  assert.ok(loaded > before + 50_000, `${loaded - before} history rows`);
  await loadDemo(s.ctx.db, s.ctx.now(), DEMO_PASSWORD, { monitoringHistory: true });
  assert.equal(await n(), loaded, 'a second start loads nothing');

  const r = (await metered('demo.cement', id.demoCement)).body;
  const dev = Object.fromEntries(r.comparison.rows.map((x: { item: string; measure: string; deviation: number; flag: string }) => [`${x.item}.${x.measure}`, [Number(x.deviation.toFixed(4)), x.flag]]));
  // the demo's biases (src/demo/monitoring.ts): electricity +1.2 %, coal −2.4 %, CEMS +3.1 %
  assert.deepEqual(dev, {
    'purchased_electricity.amount': [0.012, 'ok'], 'purchased_electricity.tce': [0.012, 'ok'], 'purchased_electricity.co2': [0.012, 'ok'],
    'bituminous_coal_combustion.amount': [-0.024, 'ok'], 'bituminous_coal_combustion.tce': [-0.024, 'ok'], 'bituminous_coal_combustion.co2': [-0.024, 'ok'],
    'cems_co2.co2': [0.031, 'ok'],
  });
  assert.ok(r.items.every((i: { year: { completeness: number } }) => i.year.completeness === 1));

  // the faults, relative to the load day (2026-03-01 CST)
  const q = async (sql: string, args: unknown[]) => (await s.ctx.db.query<{ v: number }>(sql, args)).rows.map((x) => x.v);
  const sfsn = async (mn: string) => (await s.ctx.db.query<{ id: number }>('select id from monitoring_points where mn = $1', [mn])).rows[0].id;
  const elec = await sfsn(DEMO_FAULTS.dayTotal.mn);
  const [dayCou] = await q("select sum as v from readings_daily where point_id = $1 and day = '2026-02-27' and factor = 'e10001' and kind = 'day-Cou'", [elec]);
  const [hours] = await q("select sum as v from readings_daily where point_id = $1 and day = '2026-02-27' and factor = 'e10001' and kind = 'hour-Cou'", [elec]);
  close(dayCou / hours, 1.06);
  const reg = await q("select value as v from readings where point_id = $1 and factor = 'e10001' and kind = 'rt-Rtd' and time >= $2 and time <= $3 order by time", [elec, '2026-02-28T01:59:00Z', '2026-02-28T02:00:00Z']);
  assert.ok(reg[0] > 1e6 && reg[1] === 3500, `register falls at 10:00 CST: ${reg}`);
  const power = await q("select value as v from readings where point_id = $1 and factor = 'e10002' and kind = 'hour-Avg' and time >= $2 and time <= $3 order by time", [elec, '2026-02-28T06:00:00Z', '2026-02-28T08:00:00Z']);
  assert.ok(power[1] > 5 * power[0] && power[1] > 5 * power[2], `spike at 15:00 CST: ${power}`);
  const coal = await sfsn(DEMO_FAULTS.gap.mn);
  const [got] = await q("select n as v from readings_daily where point_id = $1 and day = '2026-02-28' and factor = 'e40001' and kind = 'hour-Cou'", [coal]);
  assert.equal(got, 19, 'five hours missing');

  // the data-quality rules find them (the alarm list of 在线监测)
  const ev = await s.call('POST', '/api/monitoring/quality/evaluate', { cookie: c['demo.office'], body: {} });
  assert.equal(ev.status, 200, JSON.stringify(ev.body).slice(0, 300));
  const alarms = (await get('demo.office', '/api/alarms?limit=100')).body;
  const rules = new Set((alarms.items ?? alarms).map((a: { rule: string }) => a.rule));
  for (const rule of ['day_total', 'counter_reset', 'spike', 'gap']) assert.ok(rules.has(rule), `${rule} in ${[...rules]}`);
});

test('live feed: the demo points as HJ 212 devices, minute and real-time data continuing the history, hourly data at the hour', async () => {
  const feed = await startDemoFeed({ db: s.ctx.db, port: L.port, intervalMs: 0, now: () => s.ctx.now() });
  try {
    await feed.tick();
    assert.equal(feed.stats.failures, 0);
    const sf = (await playedPoints(s.ctx.db)).find((p) => p.mn === 'DEMO430000SFSN01')!;
    const minute = (await s.ctx.db.query<{ kind: string; time: Date; value: number }>(
      "select kind, time, value from readings where point_id = $1 and factor = 'e10001' and time >= '2026-03-01T07:59:00Z' order by time, kind", [sf.id],
    )).rows;
    // 07:59: the minute from the feed and the register from the history; 08:00: the feed's register, counted on by that minute
    assert.deepEqual(minute.map((r) => [r.kind, r.time.toISOString()]), [['min-Cou', '2026-03-01T07:59:00.000Z'], ['rt-Rtd', '2026-03-01T07:59:00.000Z'], ['rt-Rtd', '2026-03-01T08:00:00.000Z']]);
    close(minute[2].value, minute[1].value + minute[0].value, 1e-6); // raw values travel rounded to 1e-4 (× 1000)
    s.clock.now = new Date('2026-03-01T09:00:30Z');
    await feed.tick();
    assert.equal(feed.stats.failures, 0);
    // the 08:00 hour (16:00 CST) arrives at 09:00 as 2061: the signal's hour × the scale to the report (raw rounded to 1e-4 × 1000)
    const [hour] = (await s.ctx.db.query<{ value: number }>("select value from readings where point_id = $1 and factor = 'e10001' and kind = 'hour-Cou' and time = '2026-03-01T08:00:00Z'", [sf.id])).rows;
    close(hour.value, hourAmount(sf.signal, Date.parse('2026-03-01T08:00:00Z')) * sf.scale, 1e-6);
    const reg = (await s.ctx.db.query<{ value: number }>("select value from readings where point_id = $1 and factor = 'e10001' and kind = 'rt-Rtd' order by time desc limit 2", [sf.id])).rows;
    assert.ok(reg[0].value > reg[1].value, 'the register keeps counting up');
    const cems = (await s.ctx.db.query<{ n: number }>("select count(*)::int as n from readings r join monitoring_points p on p.id = r.point_id where p.mn = 'DEMO510502JNSN02' and r.kind like 'min-%' and r.time >= '2026-03-01T08:00:00Z'")).rows[0].n;
    assert.ok(cems > 0);
  } finally {
    await feed.close();
  }
});
