import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { parseEnterpriseReport, parseRegionalBalance } from './schema.ts';

const q = (value: number, unit: string) => ({ value, unit });
function balance(rows: unknown[], over: Record<string, unknown> = {}) {
  return {
    schema: 'shuangtan.regional-balance/1',
    region: { code: '430000-TINY', name: '测试区' },
    year: 2023,
    energyBalance: rows,
    economy: { gdpCurrent: q(1, '亿元'), gdpComparable: { amount: q(1, '亿元'), priceBaseYear: 2020 }, population: q(1, '万人') },
    method: { electricityConversion: 'calorific', electricityFactor: { series: 'mee-nbs.national', key: '全国' } },
    ...over,
  };
}
const ok = { fuel: '原煤', flow: 'inflow', amount: q(1, '万吨') };

/** The first issue of a rejected input. */
function issue(f: () => unknown) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DomainError, String(e));
    return e.issues;
  }
  assert.fail('expected a DomainError');
}

test('an unknown fuel is named with its line, in both languages', () => {
  const [i] = issue(() => parseRegionalBalance(balance([ok, ok, { fuel: '褐碳', flow: 'final', sector: 'industry', amount: q(1, 't') }])));
  assert.equal(i.field, 'energyBalance.2.fuel');
  assert.match(i.zh, /能源平衡表第3行/);
  assert.match(i.zh, /未知燃料“褐碳”/);
  assert.match(i.en, /energy balance line 3/);
  assert.match(i.en, /unknown fuel "褐碳"/);
});

test('a missing unit, an unknown unit and a unit of the wrong dimension are errors naming the field', () => {
  const [a] = issue(() => parseRegionalBalance(balance([{ fuel: '原煤', flow: 'inflow', amount: { value: 3 } }])));
  assert.equal(a.field, 'energyBalance.0.amount.unit');
  assert.match(a.zh, /缺少单位/);
  assert.match(a.en, /missing unit/);
  const [b] = issue(() => parseRegionalBalance(balance([{ fuel: '原煤', flow: 'inflow', amount: q(3, '斤') }])));
  assert.equal(b.field, 'energyBalance.0.amount.unit');
  assert.match(b.zh, /无法识别的单位“斤”/);
  const [c] = issue(() => parseRegionalBalance(balance([{ fuel: '天然气', flow: 'inflow', amount: q(3, '万吨') }])));
  assert.equal(c.field, 'energyBalance.0.amount.unit');
  assert.match(c.zh, /天然气的数量的单位应为体积单位/);
});

test('negative amounts are refused except for stock changes', () => {
  const [i] = issue(() => parseRegionalBalance(balance([{ fuel: '柴油', flow: 'final', sector: 'transport', amount: q(-5, '万吨') }])));
  assert.equal(i.field, 'energyBalance.0.amount.value');
  assert.match(i.zh, /不能为负数/);
  assert.doesNotThrow(() => parseRegionalBalance(balance([ok, { fuel: '原煤', flow: 'stockChange', amount: q(-5, '万吨') }])));
});

test('structure: process/sector required where they belong, typos rejected, duplicates, feedstock ≤ final', () => {
  assert.equal(issue(() => parseRegionalBalance(balance([{ fuel: '原煤', flow: 'transformationInput', amount: q(1, 't') }])))[0].field, 'energyBalance.0.process');
  assert.equal(issue(() => parseRegionalBalance(balance([{ fuel: '原煤', flow: 'final', amount: q(1, 't') }])))[0].field, 'energyBalance.0.sector');
  const typo = issue(() => parseRegionalBalance(balance([{ fuel: '原煤', flow: 'inflow', amout: q(1, 't') }])));
  assert.ok(typo.some((x) => x.field === 'energyBalance.0' && /amout/.test(x.en)));
  const dup = issue(() => parseRegionalBalance(balance([ok, ok])));
  assert.equal(dup[0].field, 'energyBalance.1');
  assert.match(dup[0].zh, /与第1行重复/);
  const feed = issue(() => parseRegionalBalance(balance([
    { fuel: '焦炉煤气', flow: 'final', sector: 'industry', amount: q(1, '亿立方米') },
    { fuel: '焦炉煤气', flow: 'finalNonEnergy', sector: 'industry', amount: q(20000, '万立方米') },
  ])));
  assert.equal(feed[0].field, 'energyBalance.1.amount');
  assert.match(feed[0].zh, /超过同部门终端消费量/);
});

test('electricity generation lives in `generation`, and thermal output needs thermal input', () => {
  const [a] = issue(() => parseRegionalBalance(balance([{ fuel: '电力', flow: 'production', amount: q(1, '亿千瓦时') }])));
  assert.equal(a.field, 'energyBalance.0.flow');
  const [b] = issue(() => parseRegionalBalance(balance([ok], { generation: [{ source: 'coal', amount: q(1, '亿千瓦时') }] })));
  assert.equal(b.field, 'generation');
  assert.match(b.zh, /火电发电量/);
  const [c] = issue(() => parseRegionalBalance(balance([ok], { generation: [{ source: 'wind', amount: q(1, 't') }] })));
  assert.equal(c.field, 'generation.0.amount.unit');
  assert.match(c.zh, /发电量表第1行/);
});

test('method: a factor year needs a reason; forest strata take one form', () => {
  const [a] = issue(() => parseRegionalBalance(balance([ok], { method: { electricityConversion: 'calorific', electricityFactor: { series: 's', key: 'k', year: 2021 } } })));
  assert.equal(a.field, 'method.electricityFactor.yearReason');
  const [b] = issue(() => parseRegionalBalance(balance([ok], { forest: { strata: [{ name: 'x', species: 'y', volumeStart: q(1, 'm3') }] } })));
  assert.equal(b.field, 'forest.strata.0');
  assert.match(b.zh, /森林分层第1行/);
  const [c] = issue(() => parseRegionalBalance(balance([ok], { region: { code: '12345', name: 'x' } })));
  assert.equal(c.field, 'region.code');
  assert.match(c.zh, /GB\/T 2260/);
});

test('the DomainError message names the first issue and counts the others', () => {
  try {
    parseRegionalBalance(balance([{ fuel: '褐碳', flow: 'inflow', amount: q(1, 't') }, { fuel: '原煤', flow: 'inflow', amount: { value: 1 } }]));
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, 'invalid_input');
    assert.equal(e.field, 'energyBalance.0.fuel');
    assert.match(e.zh, /^区域能源平衡数据无效：/);
    assert.match(e.zh, /另有 1 处问题/);
    assert.match(e.en, /and 1 more/);
    assert.equal(e.issues.length, 2);
  }
});

test('enterprise report: credit code, industry code, fuel and electricity are checked', () => {
  const report = (over: Record<string, unknown>) => ({
    schema: 'shuangtan.enterprise-report/1',
    enterprise: { name: 'x', creditCode: '91430000MA4DEM001F', industry: 'C3011', regionCode: '430000-DEMO' },
    year: 2023, guideline: 'g',
    method: { electricityFactor: { series: 'mee-nbs.national', key: '全国' } },
    output: [{ product: '熟料', amount: q(1, '万吨') }],
    ...over,
  });
  assert.doesNotThrow(() => parseEnterpriseReport(report({})));
  assert.equal(issue(() => parseEnterpriseReport(report({ enterprise: { name: 'x', creditCode: '91430000MA4DEM001X', industry: 'C3011', regionCode: '430000-DEMO' } })))[0].field, 'enterprise.creditCode');
  assert.equal(issue(() => parseEnterpriseReport(report({ enterprise: { name: 'x', creditCode: '91430000MA4DEM001F', industry: 'Z99', regionCode: '430000-DEMO' } })))[0].field, 'enterprise.industry');
  const [f] = issue(() => parseEnterpriseReport(report({ combustion: [{ fuel: '电力', amount: q(1, 'kWh') }] })));
  assert.equal(f.field, 'combustion.0.fuel');
  assert.match(f.zh, /化石燃料燃烧第1行/);
  const [e] = issue(() => parseEnterpriseReport(report({ electricity: { purchased: q(1, 't') } })));
  assert.equal(e.field, 'electricity.purchased.unit');
  const [o] = issue(() => parseEnterpriseReport(report({ output: [{ product: '熟料', amount: q(0, 't') }] })));
  assert.equal(o.field, 'output.0.amount.value');
});
