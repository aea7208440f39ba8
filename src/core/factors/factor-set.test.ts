import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { addFactors, createFactorSet, getFactor } from './factor-set.ts';
import { selectFactor } from './select.ts';
import { canonicalJson, contentHash } from '../canonical.ts';
import { restoreFactorSet } from './serialize.ts';
import { slotId, refOf, type FactorRecord } from './types.ts';

function rec(p: Partial<FactorRecord> & Pick<FactorRecord, 'kind' | 'key' | 'series' | 'value' | 'unit'>): FactorRecord {
  const years = p.years ?? { from: null, to: null };
  return {
    id: slotId(p.kind, p.key, p.series, years), version: 1, years, sources: ['S1', 'S2'], documents: [], confirmations: 2,
    status: 'verified', disputed: false, alternatives: [], notes: [], ...p,
  };
}

const base = createFactorSet({
  name: 'test', defaults: { 'fuel.ncv': 'cn' },
  records: [
    rec({ kind: 'fuel.ncv', key: '烟煤', series: 'cn', value: 19.57, unit: 'GJ/t', status: 'single-source', confirmations: 1, sources: ['G-t22a'] }),
    rec({ kind: 'fuel.ncv', key: '无烟煤', series: 'cn', value: 26.7, unit: 'GJ/t' }),
    rec({ kind: 'grid.co2', key: '华中', series: 'nbs', value: 0.5395, unit: 'kgCO2/kWh', years: { from: 2022, to: 2022 } }),
    rec({ kind: 'grid.co2', key: '华中', series: 'nbs', value: 0.5271, unit: 'kgCO2/kWh', years: { from: 2023, to: 2023 } }),
  ],
});

test('selection by kind, key, year and series; default series when none is named', () => {
  assert.equal(selectFactor(base, { kind: 'fuel.ncv', key: '无烟煤' }).value, 26.7);
  assert.equal(selectFactor(base, { kind: 'grid.co2', key: '华中', series: 'nbs', year: 2023 }).value, 0.5271);
  assert.throws(() => selectFactor(base, { kind: 'grid.co2', key: '华中', year: 2023 }), (e: unknown) => e instanceof DomainError && e.code === 'factor_series_required' && /nbs/.test(e.en));
  assert.throws(() => selectFactor(base, { kind: 'grid.co2', key: '华中', series: 'nbs', year: 2024 }, {}, 'method.electricityFactor'),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && e.field === 'method.electricityFactor' && /2024/.test(e.zh) && /2022、2023/.test(e.zh));
  assert.throws(() => selectFactor(base, { kind: 'fuel.ncv', key: '泥煤' }), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing' && /泥煤/.test(e.zh));
  assert.throws(() => selectFactor(base, { kind: 'grid.co2', key: '华中', series: 'nbs' }), (e: unknown) => e instanceof DomainError && e.code === 'factor_missing');
});

test('single-source values are refused unless explicitly allowed (by status or by ref)', () => {
  assert.throws(() => selectFactor(base, { kind: 'fuel.ncv', key: '烟煤' }), (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && /单一来源/.test(e.zh));
  assert.equal(selectFactor(base, { kind: 'fuel.ncv', key: '烟煤' }, { allow: ['single-source'] }).value, 19.57);
  const id = slotId('fuel.ncv', '烟煤', 'cn', { from: null, to: null });
  assert.equal(selectFactor(base, { kind: 'fuel.ncv', key: '烟煤' }, { allowRefs: [`${id}@1`] }).value, 19.57);
});

test('adding a local factor yields a new version of the set; nothing is overwritten', () => {
  const v2 = addFactors(base, [{ kind: 'fuel.ncv', key: '烟煤', series: 'cn', value: 21.8, unit: 'GJ/t', sources: ['示范市统计局 2023 年实测'] }]);
  assert.equal(v2.version, 2);
  assert.equal(v2.parent, base.fingerprint);
  assert.notEqual(v2.fingerprint, base.fingerprint);
  const head = selectFactor(v2, { kind: 'fuel.ncv', key: '烟煤' });
  assert.equal(head.value, 21.8);
  assert.equal(head.version, 2);
  assert.equal(head.status, 'local');
  assert.equal(head.supersedes, `${head.id}@1`);
  // the old version is still there, and the old set is untouched
  assert.equal(getFactor(v2, `${head.id}@1`).value, 19.57);
  assert.equal(base.records.length, 4);
  assert.equal(selectFactor(base, { kind: 'fuel.ncv', key: '烟煤' }, { allow: ['single-source'] }).value, 19.57);
  assert.ok(Object.isFrozen(v2) && Object.isFrozen(v2.records) && Object.isFrozen(v2.records[0]));
});

test('a local factor must fit its kind, have a source, and not overlap another slot', () => {
  assert.throws(() => addFactors(base, [{ kind: 'grid.co2', key: '华中', series: 'local', value: 0.5, unit: 'GJ/t', sources: ['x'] }]), (e: unknown) => e instanceof DomainError && e.code === 'factor_unit_mismatch');
  assert.throws(() => addFactors(base, [{ kind: 'fuel.ncv', key: '褐煤', series: 'cn', value: 12, unit: 'GJ/t', sources: [] }]), (e: unknown) => e instanceof DomainError && /source/.test(e.en));
  assert.throws(() => addFactors(base, [{ kind: 'grid.co2', key: '华中', series: 'nbs', value: 0.5, unit: 'kgCO2/kWh', years: { from: 2021, to: 2022 }, sources: ['x'] }]), (e: unknown) => e instanceof DomainError && e.code === 'factor_overlap');
  assert.throws(() => addFactors(base, [{ kind: 'fuel.heat', key: 'x', series: 'y', value: 1, unit: '1', sources: ['x'] }]), (e: unknown) => e instanceof DomainError && e.code === 'factor_kind_unknown');
  const ok = addFactors(base, [{ kind: 'grid.co2', key: '华中', series: 'nbs', value: 0.5354, unit: 'kgCO2/kWh', years: 2021, sources: ['G-provjs'] }]);
  assert.equal(selectFactor(ok, { kind: 'grid.co2', key: '华中', series: 'nbs', year: 2021 }).value, 0.5354);
});

test('fingerprint: content hash, independent of record order and of the set name', () => {
  const shuffled = createFactorSet({ name: 'other name', defaults: { ...base.defaults }, records: [...base.records].reverse() });
  assert.equal(shuffled.fingerprint, base.fingerprint);
  assert.equal(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] }), '{"a":[1,{"d":2}],"b":1}');
  // sha256("{}") is a published constant
  assert.equal(contentHash({}), '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  assert.equal(refOf(base.records[0]), `${base.records[0].id}@1`);
});

test('a stored set restores to the same fingerprint; tampering is detected', () => {
  const stored = JSON.parse(JSON.stringify(base));
  const back = restoreFactorSet(stored);
  assert.equal(back.fingerprint, base.fingerprint);
  assert.equal(selectFactor(back, { kind: 'fuel.ncv', key: '无烟煤' }).value, 26.7);
  stored.records[1].value = 26.8;
  assert.throws(() => restoreFactorSet(stored), (e: unknown) => e instanceof DomainError && e.code === 'factor_set_fingerprint_mismatch');
  assert.throws(() => restoreFactorSet({}), (e: unknown) => e instanceof DomainError && e.code === 'factor_set_invalid');
});
