import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seedFactorSet, seedFactorSetWithReport } from './seed.ts';
import { selectFactor } from './select.ts';
import { refOf } from './types.ts';
import { DomainError } from '../errors.ts';

const reference = JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8'));
const { set, skipped } = seedFactorSetWithReport(reference);
const one = (kind: string, key: string, series: string, year?: number) => {
  const rs = set.records.filter((r) => r.kind === kind && r.key === key && r.series === series && (year === undefined || r.years.from === year));
  assert.equal(rs.length, 1, `${kind}/${key}/${series}/${year}: ${rs.length} records`);
  return rs[0];
};

test('fuel parameters keep value, unit, sources, confirmations and status (烟煤, 天然气)', () => {
  const ncv = one('fuel.ncv', '烟煤', 'cn-default');
  assert.equal(ncv.value, 19.57);
  assert.equal(ncv.unit, 'GJ/t');
  assert.deepEqual(ncv.sources, ['G-t22a']);
  assert.deepEqual(ncv.documents, ['D-GBT32151-22']);
  assert.equal(ncv.confirmations, 1);
  assert.equal(ncv.status, 'single-source');
  const gas = one('fuel.ncv', '天然气', 'cn-default');
  assert.equal(gas.value, 389.31);
  assert.equal(gas.unit, 'GJ/10^4 Nm3');
  assert.equal(gas.confirmations, 5);
  assert.equal(gas.status, 'verified');
  assert.equal(one('fuel.carbon_content', '天然气', 'cn-default').value, 15.3);
  assert.equal(one('fuel.oxidation', '天然气', 'cn-default').value, 0.99);
  // the 26 GB/T 32151.22 fuels + 原煤 have NCV, carbon content and oxidation in cn-default
  for (const kind of ['fuel.ncv', 'fuel.carbon_content', 'fuel.oxidation']) {
    assert.equal(set.records.filter((r) => r.kind === kind && r.series === 'cn-default').length, 27, kind);
  }
});

test('variants are kept as their own disputed series, never merged; the primary is disputed when a variant is as well confirmed', () => {
  const primary = one('fuel.carbon_content', '原油', 'cn-default');
  const variant = one('fuel.carbon_content', '原油', 'variant:G-appfuel+G-powermd');
  assert.equal(primary.value, 20.1);
  assert.equal(variant.value, 20.08);
  assert.equal(variant.disputed, true);
  assert.equal(primary.disputed, true, '20.1 (2 sources) vs 20.08 (2 sources)');
  assert.deepEqual(primary.alternatives, [variant.id]);
  // 天然气 15.3 (3 sources) outweighs 15.32 (2): the primary is not disputed, the variant is
  assert.equal(one('fuel.carbon_content', '天然气', 'cn-default').disputed, false);
  assert.equal(one('fuel.carbon_content', '天然气', 'variant:G-appfuel+G-powermd').disputed, true);
  // 洗精煤 NCV: 26.334 (1) vs 26.344 (2)
  assert.equal(one('fuel.ncv', '洗精煤', 'cn-default').disputed, true);
});

test('standard-coal coefficients: single values in GB/T 2589, ranges as explicit low/high bounds', () => {
  assert.equal(one('coal_equiv', '原煤', 'GB/T 2589').value, 0.7143);
  assert.equal(one('coal_equiv', '电力（当量值）', 'GB/T 2589').value, 0.1229);
  assert.equal(one('coal_equiv', '热力（当量值）', 'GB/T 2589').unit, 'kgce/MJ');
  assert.equal(one('coal_equiv', '焦炉煤气', 'GB/T 2589 区间下限').value, 0.5714);
  assert.equal(one('coal_equiv', '焦炉煤气', 'GB/T 2589 区间上限').value, 0.6143);
  assert.equal(set.records.filter((r) => r.kind === 'coal_equiv' && r.key === '焦炉煤气' && r.series === 'GB/T 2589').length, 0);
  assert.equal(one('coal_equiv.basis', '标准煤', 'GB/T 2589').value, 29307.6);
  assert.equal(one('coal_equiv', '转炉煤气', 'GB/T 2589').status, 'single-source');
  // no 等价值 for any year was found: nothing is seeded for it
  assert.equal(set.records.filter((r) => r.key.includes('等价值')).length, 0);
});

test('electricity: MEE+NBS and carbon-market series are separate; each value is bound to its data year', () => {
  const nbs = one('grid.co2', '全国', 'mee-nbs.national', 2023);
  assert.equal(nbs.value, 0.5306);
  assert.deepEqual(nbs.years, { from: 2023, to: 2023 });
  assert.equal(one('grid.co2', '全国', 'mee-nbs.national', 2021).value, 0.5568);
  assert.equal(one('grid.co2', '华中', 'mee-nbs.regional', 2022).value, 0.5395);
  assert.equal(one('grid.co2', '四川', 'mee-nbs.provincial', 2022).confirmations, 3);
  assert.equal(one('grid.co2', '山东', 'mee-nbs.provincial', 2023).value, 0.6191);
  assert.equal(set.records.filter((r) => r.series === 'mee-nbs.provincial' && r.years.from === 2023).length, 1, 'only 山东 2023 was found');
  const ets = set.records.filter((r) => r.series === 'mee-ets.national').map((r) => [r.value, r.years.from, r.years.to]);
  assert.deepEqual(ets.sort(), [[0.5703, 2022, 2022], [0.581, 2021, 2021], [0.6101, 2019, 2020]].sort());
  // the footprint and CDM OM factors are other kinds: a grid.co2 query cannot reach them
  assert.equal(set.records.filter((r) => r.kind === 'grid.co2' && (r.value === 0.6205 || r.value === 1.1171)).length, 0);
  // a year with no factor is an explicit error, never the neighbouring year
  assert.throws(
    () => selectFactor(set, { kind: 'grid.co2', key: '全国', series: 'mee-nbs.national', year: 2020 }),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && /2020/.test(e.zh) && /2021、2022、2023/.test(e.zh),
  );
});

test('IPCC defaults, GWP sets, process and forest values', () => {
  assert.equal(one('ipcc.co2_ef', '无烟煤', 'IPCC 2006').value, 98300);
  assert.equal(one('ipcc.ncv', '无烟煤', 'IPCC 2006').unit, 'TJ/Gg');
  assert.equal(one('gwp100', 'CH4', 'SAR').value, 21);
  assert.equal(one('gwp100', 'CH4', 'AR5').value, 28);
  assert.equal(one('gwp100', 'N2O', 'AR6').value, 273);
  assert.equal(one('gwp100', 'CF4', 'AR5').notes[0], 'CF4 (PFC-14)');
  assert.equal(one('gwp100', 'SF6', 'AR6-T7.15').value, 24300);
  assert.equal(one('gwp100', 'SF6', 'AR6').disputed, true);
  assert.equal(one('gwp100', 'CH4-fossil', 'AR6-T7.15').value, 29.8);
  assert.equal(one('process.carbonate', 'CaCO3', 'stoichiometric').value, 0.4397);
  assert.equal(one('process.carbonate', 'CaCO3', 'stoichiometric').status, 'derived');
  assert.equal(one('process.carbonate', 'CaMg(CO3)2', 'stoichiometric').unitQualifier, 'carbonate');
  assert.equal(one('forest.carbon_fraction', '缺省', 'IPCC 2006').value, 0.47);
  assert.equal(one('forest.carbon_fraction', '缺省', 'cn-common').disputed, true);
  assert.equal(one('heat.co2', '外购热力', 'cn-default').value, 0.11);
  assert.equal(one('ets.rule', 'CCER 抵销比例', 'ETS rules').value, 0.05);
});

test('unverified, not-found and app-default values are never seeded, and every skip has a reason', () => {
  assert.equal(set.records.filter((r) => r.kind.startsWith('forest.') && r.kind !== 'forest.carbon_fraction').length, 0);
  assert.ok(skipped.some((s) => s.path === '6_forest.generic_app_defaults_not_official'));
  assert.ok(skipped.some((s) => s.path.includes('provincial[22](四川).2023') && /not-found/.test(s.reason)));
  assert.ok(skipped.every((s) => s.reason.length > 0));
  for (const r of set.records) assert.ok(['verified', 'single-source', 'derived'].includes(r.status), refOf(r));
  for (const r of set.records) assert.ok(r.sources.length > 0 && r.origin, refOf(r));
});

test('seeding is deterministic: the same reference gives the same fingerprint', () => {
  const again = seedFactorSet(JSON.parse(JSON.stringify(reference)));
  assert.equal(again.fingerprint, set.fingerprint);
  assert.match(set.fingerprint, /^[0-9a-f]{64}$/);
  const changed = JSON.parse(JSON.stringify(reference));
  changed['1_fuel_parameters'].fuels[1].low_heating_value.value = 19.58;
  assert.notEqual(seedFactorSet(changed).fingerprint, set.fingerprint);
  assert.throws(() => seedFactorSet({ hello: 1 }), (e: unknown) => e instanceof DomainError && e.code === 'seed_reference_invalid');
});
