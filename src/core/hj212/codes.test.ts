// Code tables. Expected entries are read off the digest A.9 (ST Table 5, CN Table 9, QnRtn Table 7,
// ExeRtn Table 6, data flags Table 8) and A.11 (factor codes, Table B.2 and B.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND_CODES, DATA_FLAGS, EXE_RTN, QN_RTN, SYSTEM_CODES, commandCode, systemCode } from './codes.ts';
import { CARBON_FACTOR_CODES, lookupFactor } from './factors.ts';
import { canonicalCpKey, canonicalSuffix } from './fields.ts';

test('codes are unique and well formed', () => {
  assert.equal(new Set(COMMAND_CODES.map((c) => c.cn)).size, COMMAND_CODES.length);
  assert.ok(COMMAND_CODES.every((c) => /^\d{4}$/.test(c.cn) && (c.host || c.device)));
  assert.equal(new Set(SYSTEM_CODES.map((s) => s.st)).size, SYSTEM_CODES.length);
  const factorCodes = CARBON_FACTOR_CODES.flatMap((f) => (f.code2005 ? [f.code, f.code2005] : [f.code]));
  assert.equal(new Set(factorCodes).size, factorCodes.length);
});

test('what the platform does with each CN a device sends (digest A.10)', () => {
  for (const cn of ['2011', '2021', '2031', '2041', '2051', '2061', '2081', '3015', '3019', '3020', '1011', '1061', '1063']) {
    assert.equal(commandCode(cn)?.deviceRole, 'upload', cn);
  }
  assert.equal(commandCode('1013')?.deviceRole, 'notify');
  for (const cn of ['9011', '9012', '9013', '9014']) assert.equal(commandCode(cn)?.deviceRole, 'reply', cn);
  for (const cn of ['1000', '1012', '1062', '1064', '1072', '3011', '3016']) assert.equal(commandCode(cn)?.deviceRole, 'none', cn);
  assert.equal(commandCode('2012')?.hostKind, 'notify');
  assert.equal(commandCode('9015')?.deviceRole, 'heartbeat');
  assert.deepEqual([commandCode('9015')?.source, commandCode('9015')?.verified], ['2025', false]);
  assert.deepEqual([commandCode('2072')?.source, commandCode('2072')?.verified], ['2005', false]);
  assert.equal(commandCode('5005'), undefined);
});

test('system codes, return codes and data flags', () => {
  assert.equal(systemCode('31')?.zh, '大气环境污染源');
  assert.equal(systemCode('91')?.zh, '系统交互');
  assert.equal(systemCode('A0'), undefined);
  assert.equal(QN_RTN[9].en, 'CRC error');
  assert.equal(EXE_RTN[100].en, 'no data');
  assert.deepEqual(Object.keys(DATA_FLAGS), ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']);
});

test('factor lookup: 2017 code, 2005 code, process code, unknown', () => {
  const co2 = lookupFactor('a05001');
  assert.deepEqual(co2 && [co2.factor.zh, co2.factor.unit, co2.legacy], ['二氧化碳', 'mg/m³', false]);
  const legacy = lookupFactor('30');
  assert.deepEqual(legacy && [legacy.factor.zh, legacy.legacy], ['二氧化碳', true]);
  assert.equal(lookupFactor('S01')?.factor.zh, '氧气含量');
  assert.equal(lookupFactor('B02')?.factor.en, 'flue-gas flow');
  const inlet = lookupFactor('g12101');
  assert.deepEqual(inlet && [inlet.factor.zh, inlet.device], ['入口氧气含量', 1]);
  assert.equal(lookupFactor('g13399')?.factor.en, 'outlet flue-gas pressure');
  assert.equal(lookupFactor('g12400'), undefined);
  assert.equal(lookupFactor('o31104'), undefined);
});

test('CP vocabulary: suffixes and keys match case-insensitively; Ctime and CTime are both standard', () => {
  assert.equal(canonicalSuffix('flag'), 'Flag');
  assert.equal(canonicalSuffix('ZSRTD'), 'ZsRtd');
  assert.equal(canonicalSuffix('td'), undefined);
  assert.equal(canonicalCpKey('datatime'), 'DataTime');
  assert.equal(canonicalCpKey('CTime'), 'CTime');
  assert.equal(canonicalCpKey('Ctime'), 'Ctime');
  assert.equal(canonicalCpKey('toString'), undefined);
});
