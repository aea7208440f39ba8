import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seedFactorSet } from '../factors/index.ts';
import { computeEnterpriseReport, explain } from '../accounting/index.ts';
import { computeMeteredEnergy, dayTotals, daysOfMonth, meteringChannel, parseFeeds, sumRegionMetered, type DayRow, type MeteringInput, type PointSpec } from './index.ts';

const set = seedFactorSet(JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8')));
const cementReport = () => JSON.parse(readFileSync(new URL('../accounting/samples/enterprise-cement-2023.json', import.meta.url), 'utf8'));
const close = (a: number | undefined, b: number, rel = 1e-9) => assert.ok(a !== undefined && Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

/*
 * Factor values used below, as seeded from assets/reference/accounting-data.json:
 *   grid.co2 全国 mee-nbs.national 2023      0.5306 kgCO2/kWh   (§3 national_mee_nbs[2].national_average)
 *   coal_equiv 电力（当量值）                0.1229 kgce/kWh    (§2 coefficients[23])
 *   coal_equiv 气田天然气                    1.2143 kgce/m3     (§2 coefficients[14])
 *   coal_equiv 热力（当量值）                0.03412 kgce/MJ    (§2 coefficients[22])
 *   coal_equiv.basis 标准煤                  29 307.6 kJ/kgce   (§2 basis)
 *   fuel.ncv / carbon_content / oxidation 天然气 cn-default   389.31 GJ/10^4 Nm3, 15.3 tC/TJ, 0.99 (§1 fuels[20])
 *   fuel.carbon_content / oxidation 烟煤 cn-default           26.1 tC/TJ (single-source, disputed), 0.93 (§1 fuels[1])
 *   heat.co2 外购热力 cn-default             0.11 tCO2/GJ       (§1 heat.purchased_heat_default_ef)
 */

const elec: PointSpec = { mn: 'E1', name: '总进线', feeds: 'purchased_electricity', intervalSeconds: 60, factors: [{ code: 'e10001', unit: 'kWh' }, { code: 'e10002', unit: 'kW' }] };
const gas: PointSpec = { mn: 'G1', name: '天然气', feeds: 'natural_gas_combustion', intervalSeconds: 60, factors: [{ code: 'e20001', unit: 'm³' }] };
const heat: PointSpec = { mn: 'H1', name: '蒸汽', feeds: 'purchased_heat', intervalSeconds: 60, factors: [{ code: 'e30001', unit: 't' }, { code: 'e30002', unit: 'GJ' }] };
const coal: PointSpec = { mn: 'C1', name: '入窑煤', feeds: 'bituminous_coal_combustion', intervalSeconds: 3600, factors: [{ code: 'e40001', unit: 't' }] };
const cems: PointSpec = { mn: 'S1', name: 'CEMS', feeds: 'cems_co2', intervalSeconds: 60, factors: [{ code: 'a05001', unit: '%' }, { code: 'a00000', unit: 'm³/s' }] };

/** `n` whole days of a month, each with complete hourly totals summing to `perDay`. */
const hourly = (month: string, perDay: number, n = daysOfMonth(month).length): DayRow[] =>
  daysOfMonth(month).slice(0, n).map((day) => ({ day, kind: 'hour-Cou', n: 24, sum: perDay }));
const input = (o: Partial<MeteringInput> & Pick<MeteringInput, 'points' | 'days'>): MeteringInput => ({ year: 2023, asOf: '2023-12-31', completenessThreshold: 0.9, ...o });

test('feeds name the item: electricity, heat, CEMS, fuels by English snake case or Chinese catalogue name', () => {
  const ids = ['purchased_electricity', 'purchased_heat', 'cems_co2', 'natural_gas_combustion', 'coal_combustion', 'combustion:烟煤', 'diesel_combustion']
    .map((f) => { const r = parseFeeds(f); return 'error' in r ? 'error' : `${r.id}/${r.fuel?.id ?? '-'}/${r.unit}`; });
  assert.deepEqual(ids, [
    'purchased_electricity/电力/kWh', 'purchased_heat/热力/GJ', 'cems_co2/-/tCO2', 'natural_gas_combustion/天然气/m3', 'raw_coal_combustion/原煤/t',
    'bituminous_coal_combustion/烟煤/t', 'diesel_combustion/柴油/t',
  ]);
  for (const bad of [null, 'process_co2', 'combustion:电力', 'unobtainium_combustion']) assert.ok('error' in parseFeeds(bad), String(bad));
});

test('the totals channel: the one factor in a unit of the item\'s dimension; CEMS CO2 in the HJ 212 Cou unit', () => {
  assert.deepEqual(meteringChannel(elec), { mn: 'E1', item: parseFeeds('purchased_electricity'), factor: 'e10001', unit: 'kWh' });
  assert.equal((meteringChannel(heat) as { factor: string }).factor, 'e30002', 'GJ, not the steam mass in t');
  assert.deepEqual([(meteringChannel(cems) as { factor: string; unit: string }).factor, (meteringChannel(cems) as { unit: string }).unit], ['a05001', 'kg']);
  assert.match((meteringChannel({ ...heat, factors: [{ code: 'e30001', unit: 't' }] }) as { error: { en: string } }).error.en, /no factor in a unit convertible to GJ/);
  assert.match((meteringChannel({ ...elec, factors: [{ code: 'e10001', unit: 'kWh' }, { code: 'e10003', unit: 'MWh' }] }) as { error: { en: string } }).error.en, /several factors \(e10001, e10003\)/);
});

test('a day\'s total is one period\'s interval totals: the most complete, the finer on a tie; never two added', () => {
  const t = dayTotals([
    // complete hours and a daily total 6 % off: the hours are used
    { day: '2023-02-01', kind: 'hour-Cou', n: 24, sum: 24000 }, { day: '2023-02-01', kind: 'day-Cou', n: 1, sum: 25440 },
    // a five-hour gap, but the logger's daily total arrived: the daily total is used
    { day: '2023-02-02', kind: 'hour-Cou', n: 19, sum: 19000 }, { day: '2023-02-02', kind: 'day-Cou', n: 1, sum: 24000 },
    // minute data, 1 440 expected at a 60 s interval: 1 300 received
    { day: '2023-02-03', kind: 'min-Cou', n: 1300, sum: 21000 },
    // not a total
    { day: '2023-02-04', kind: 'hour-Avg', n: 24, sum: 24000 },
  ], 60);
  assert.deepEqual(t.map((d) => [d.day, d.kind, d.total, d.received, d.expected]), [
    ['2023-02-01', 'hour-Cou', 24000, 24, 24], ['2023-02-02', 'day-Cou', 24000, 1, 1], ['2023-02-03', 'min-Cou', 21000, 1300, 1440],
  ]);
  close(t[2].completeness, 1300 / 1440);
});

test('electricity by month: kWh → tce (当量值) and CO2 (2023 national grid factor), with lineage to factors and readings', () => {
  const days = [...hourly('2023-01', 24000), ...hourly('2023-02', 24000, 20)];
  const r = computeMeteredEnergy(input({ points: [elec], days: { E1: days } }), set);
  const it = r.items[0];
  assert.equal(it.item, 'purchased_electricity');
  // January: 31 d × 24 000 kWh = 744 000 kWh; × 0.1229 kgce/kWh = 91 437.6 kgce; × 0.5306 kgCO2/kWh = 394 766.4 kgCO2
  close(it.months[0].amount.value, 744000);
  close(it.months[0].tce?.value, 91.4376);
  close(it.months[0].co2?.value, 394.7664);
  assert.deepEqual(it.months[0].days, { due: 31, withData: 31, complete: 31 });
  // February: 20 of 28 days → 480 000 kWh; nothing is filled in
  close(it.months[1].amount.value, 480000);
  assert.deepEqual(it.months[1].days, { due: 28, withData: 20, complete: 20 });
  // year: 1 224 000 kWh → 150.4296 tce, 649.4544 tCO2; complete days 51 of 365
  close(it.year.amount.value, 1224000);
  close(it.year.tce?.value, 150.4296);
  close(it.year.co2?.value, 649.4544);
  close(it.year.completeness, 51 / 365);
  close(r.totals.year.tce.value, 150.4296);
  assert.equal(r.totals.year.co2Measured, null);
  assert.equal(r.method.source, 'default');
  const why = explain(r.lineage, it.months[0].co2!.lineage);
  assert.deepEqual(why.factors, ['grid.co2|全国|mee-nbs.national|2023-2023@1']);
  assert.deepEqual(why.inputs, ['E1/e10001 2023-01: hour-Cou × 31 d']);
  assert.ok(r.factorsUsed.find((f) => f.key === '全国')?.sources.includes('P-163gm'), 'each factor with its sources');
});

test('natural gas and purchased heat with the factor set\'s defaults; CEMS CO2 measured, kept apart from the factor-based CO2', () => {
  const r = computeMeteredEnergy(input({
    points: [gas, heat, cems],
    days: { G1: hourly('2023-03', 100000 / 31), H1: [{ day: '2023-03-01', kind: 'day-Cou', n: 1, sum: 1000 }], S1: [{ day: '2023-03-01', kind: 'min-Cou', n: 1440, sum: 50000 }] },
  }), set);
  const [g, h, s] = r.items;
  // 天然气 100 000 m3 × 1.2143 kgce/m3 = 121.43 tce; × 389.31 GJ/10^4 m3 = 3 893.1 GJ × 15.3 tC/TJ = 59.56443 tC × 0.99 × 44/12 = 216.21888… tCO2
  close(g.months[2].amount.value, 100000);
  close(g.months[2].tce?.value, 121.43);
  close(g.months[2].co2?.value, 3893.1 * 15.3 / 1000 * 0.99 * 44 / 12);
  // 热力 1 000 GJ × 0.03412 kgce/MJ = 34.12 tce; × 0.11 tCO2/GJ = 110 tCO2
  close(h.months[2].tce?.value, 34.12);
  close(h.months[2].co2?.value, 110);
  // CEMS: a05001 Cou 50 000 kg = 50 tCO2; no tce
  assert.equal(s.unit, 'tCO2');
  close(s.months[2].amount.value, 50);
  assert.equal(s.months[2].tce, null);
  close(r.totals.months[2].co2.value, 3893.1 * 15.3 / 1000 * 0.99 * 44 / 12 + 110);
  close(r.totals.months[2].co2Measured?.value, 50);
  close(r.totals.months[2].tce.value, 121.43 + 34.12);
});

test('a missing grid factor for the year is stated, not substituted; the rest still computes', () => {
  const r = computeMeteredEnergy(input({ year: 2026, asOf: '2026-03-01', points: [elec, gas], days: { E1: hourly('2026-01', 1000), G1: hourly('2026-01', 10) } }), set);
  const e = r.items.find((i) => i.item === 'purchased_electricity')!;
  assert.equal(e.months[0].co2, null);
  assert.equal(e.year.co2, null);
  close(e.months[0].tce?.value, 31 * 1000 * 0.1229 / 1000);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].code, 'factor_missing');
  assert.match(r.problems[0].zh, /2026年.*mee-nbs\.national.*2021、2022、2023/);
  assert.match(r.totals.partial[0].en, /purchased electricity: no emission factor/);
  // days after asOf are not due
  assert.deepEqual(e.months[2].days, { due: 1, withData: 0, complete: 0 });
  assert.deepEqual(e.months[3].days, { due: 0, withData: 0, complete: 0 });
});

test('with the year\'s report: its method and measured NCV convert the metered coal; metered vs reported per item', () => {
  const report = cementReport();
  const result = computeEnterpriseReport(report, set);
  // 365 complete days each: electricity 145 000 000 kWh × 1.02; coal 246 000 t × 0.94; CEMS the report's direct CO2 × 1.03
  const year = (perYear: number, kind = 'hour-Cou') => Array.from({ length: 12 }, (_, m) => `2023-${String(m + 1).padStart(2, '0')}`)
    .flatMap((mo) => daysOfMonth(mo)).map((day) => ({ day, kind, n: kind === 'hour-Cou' ? 24 : 1440, sum: perYear / 365 }));
  const co2Direct = result.totals.co2Direct.value;
  const r = computeMeteredEnergy(input({
    points: [elec, coal, cems],
    days: { E1: year(145e6 * 1.02), C1: year(246000 * 0.94), S1: year(co2Direct * 1000 * 1.03, 'min-Cou') },
    report: { id: 7, input: report, result },
  }), set);
  assert.equal(r.method.source, 'report');
  assert.equal(r.method.measured['烟煤'].params.ncv?.value.value, 21.85);
  // 烟煤 231 240 t × 21.85 GJ/t (the report's measured NCV) = 5 052 594 GJ; ÷ 29.3076 GJ/tce = 172 398.77 tce;
  //   × 26.1 tC/TJ (allowed by the report's factorPolicy) × 0.93 × 44/12 = 449 685.92 tCO2
  const c = r.items.find((i) => i.item === 'bituminous_coal_combustion')!;
  close(c.year.amount.value, 231240, 1e-12);
  close(c.year.tce?.value, 231240 * 21.85 / 29.3076, 1e-12);
  close(c.year.co2?.value, 231240 * 21.85 * 26.1 / 1000 * 0.93 * 44 / 12, 1e-12);
  const row = (item: string, measure: string) => r.comparison!.rows.find((x) => x.item === item && x.measure === measure)!;
  // reported: 145 000 000 kWh, 17 820.5 tce, 76 937 tCO2 → +2 % each
  close(row('purchased_electricity', 'amount').reported?.value, 145e6);
  close(row('purchased_electricity', 'co2').reported?.value, 76937);
  close(row('purchased_electricity', 'tce').deviation ?? NaN, 0.02);
  assert.equal(row('purchased_electricity', 'co2').flag, 'ok');
  // coal −6 % on amount, tce and CO2 (same NCV and factors as the report) → beyond 5 %
  for (const m of ['amount', 'tce', 'co2']) {
    close(row('bituminous_coal_combustion', m).deviation ?? NaN, -0.06);
    assert.equal(row('bituminous_coal_combustion', m).flag, 'deviation');
  }
  close(row('bituminous_coal_combustion', 'co2').reported?.value, 246000 * 21.85 * 26.1 / 1000 * 0.93 * 44 / 12);
  // CEMS against the report's direct CO2 (combustion + process): +3 %
  close(row('cems_co2', 'co2').deviation ?? NaN, 0.03);
  assert.equal(r.comparison!.rows.filter((x) => x.item === 'cems_co2').length, 1);
  assert.equal(r.comparison!.threshold, 0.05);
});

test('an item with too few complete days in the year is listed, not judged; an unreported item is said so', () => {
  const report = cementReport();
  const result = computeEnterpriseReport(report, set);
  const r = computeMeteredEnergy(input({ points: [elec, gas], days: { E1: hourly('2023-01', 145e6 / 31), G1: hourly('2023-01', 10) }, report: { input: report, result } }), set);
  const e = r.comparison!.rows.find((x) => x.item === 'purchased_electricity' && x.measure === 'amount')!;
  assert.equal(e.flag, 'incomplete');
  close(e.deviation ?? NaN, 0);
  assert.deepEqual([...new Set(r.comparison!.rows.filter((x) => x.item === 'natural_gas_combustion').map((x) => x.flag))], ['not_reported']);
});

test('without a report for the year, the latest earlier report\'s method and measured NCV carry forward, said so', () => {
  const r = computeMeteredEnergy(input({ year: 2024, asOf: '2024-12-31', points: [elec, coal], days: { E1: hourly('2024-01', 1000), C1: hourly('2024-01', 100) }, earlierReport: { id: 3, year: 2023, input: cementReport() } }), set);
  assert.deepEqual([r.method.source, r.method.reportId, r.method.reportYear, r.comparison], ['earlier-report', 3, 2023, null]);
  assert.match(r.notes[0].zh, /2024年无报告：沿用 2023 年报告的核算方法及实测燃料参数（烟煤）/);
  // 31 × 100 t × 21.85 GJ/t ÷ 29.3076 GJ/tce; the 2024 grid factor is not in the set (2021–2023): stated
  close(r.items.find((i) => i.item === 'bituminous_coal_combustion')!.months[0].tce?.value, 3100 * 21.85 / 29.3076);
  assert.deepEqual(r.problems.map((p) => [p.item, p.code]), [['purchased_electricity', 'factor_missing']]);
});

test('points that cannot be converted are listed with the reason and left out', () => {
  const r = computeMeteredEnergy(input({ points: [{ ...elec, mn: 'X', feeds: 'process_co2' }], days: {} }), set);
  assert.equal(r.items.length, 0);
  assert.match(r.points[0].problem?.en ?? '', /not a convertible item/);
  assert.equal(r.totals.year.tce.value, 0);
});

test('a region adds up its enterprises\' own results per month and item; an incomplete one is counted and flagged', () => {
  const a = computeMeteredEnergy(input({ points: [elec], days: { E1: [...hourly('2023-01', 24000), ...hourly('2023-02', 24000, 20)] } }), set);
  const year = (perDay: number) => Array.from({ length: 12 }, (_, m) => hourly(`2023-${String(m + 1).padStart(2, '0')}`, perDay)).flat();
  const b = computeMeteredEnergy(input({ points: [{ ...elec, mn: 'E2' }, heat], days: { E2: year(1000), H1: year(10) } }), set);
  const r = sumRegionMetered([{ organisationId: 1, points: 1, result: a }, { organisationId: 2, points: 2, result: b }], 0.9);
  // January: A 744 000 kWh; B 31 000 kWh and 310 GJ → (775 000 × 0.1229 kgce/kWh + 310 000 MJ × 0.03412 kgce/MJ) / 1000 tce,
  //   775 000 × 0.5306 / 1000 + 310 × 0.11 tCO2
  close(r.totals.months[0].tce.value, (775000 * 0.1229 + 310000 * 0.03412) / 1000);
  close(r.totals.months[0].co2.value, 775000 * 0.5306 / 1000 + 310 * 0.11);
  close(r.totals.year.tce.value, a.totals.year.tce.value + b.totals.year.tce.value);
  assert.equal(r.totals.year.co2Measured, null, 'no CEMS anywhere');
  const e = r.items.find((i) => i.item === 'purchased_electricity')!;
  assert.deepEqual([e.enterprises, e.points, e.year.amount.unit], [[1, 2], 2, 'kWh']);
  close(e.year.amount.value, 1224000 + 365000);
  assert.deepEqual(r.items.map((i) => i.item), ['purchased_electricity', 'purchased_heat']);
  // A has complete days on 51 of 365: flagged, still in every sum
  assert.deepEqual(r.enterprises.map((x) => [x.organisationId, x.incomplete, x.incompleteItems]), [[1, true, ['purchased_electricity']], [2, false, []]]);
  assert.deepEqual(r.coverage, { enterprises: 2, points: 3, pointsUsed: 3, incomplete: 1 });
});
