// Data-segment parsing beyond the vectors. Segments are hand-written; expected values are read off the
// segment text by hand and the rules cited are the digest's (A.5–A.8) unless noted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePacket, findFactor, type Packet } from './packet.ts';
import { decodeFlag } from './flag.ts';
import { toDomainError } from './issues.ts';
import { DomainError } from '../errors.ts';

const HEAD = 'QN=20260301120000000;ST=31;CN=2011;PW=123456;MN=MN0001';
function ok(segment: string | Uint8Array, opts?: Parameters<typeof parsePacket>[1]): Packet {
  const r = parsePacket(segment, opts);
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
  return r.value;
}
const codes = (p: Packet) => p.warnings.map((w) => w.code);

test('the brief\'s example: a05001-Rtd=…,a05001-Flag=N becomes one reading', () => {
  const p = ok(`${HEAD};Flag=5;CP=&&DataTime=20260301120000;a05001-Rtd=12.3,a05001-Flag=N&&`);
  assert.deepEqual(p.factors, [{ code: 'a05001', values: { Rtd: 12.3 }, flag: 'N', raw: { Rtd: '12.3', Flag: 'N' } }]);
  assert.equal(p.dataTime, '20260301120000');
  assert.deepEqual(p.params, { DataTime: '20260301120000' });
  assert.deepEqual(codes(p), []);
});

test('the lua-HJ212 upload of the digest B.2 (Flag written before Rtd) reads the same', () => {
  const p = ok('QN=20261121142055000;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20261121142055;a00000-Flag=N,a00000-Rtd=123.4;a01012-Flag=N,a01012-Rtd=45.2;a05001-Flag=N,a05001-Rtd=12.340;a19001-Flag=N,a19001-Rtd=6.5&&');
  assert.deepEqual(p.factors.map((f) => [f.code, f.values.Rtd, f.flag]), [
    ['a00000', 123.4, 'N'], ['a01012', 45.2, 'N'], ['a05001', 12.34, 'N'], ['a19001', 6.5, 'N'],
  ]);
  assert.equal(findFactor(p, 'a05001')?.raw.Rtd, '12.340', 'raw text keeps the trailing zero');
});

test('Flag bits per the digest A.6 table', () => {
  const table: [number, string, boolean, boolean][] = [
    [0, '2005', false, false], [1, '2005', true, false], [3, '2005', true, true],
    [4, '2017', false, false], [5, '2017', true, false], [6, '2017', false, true], [7, '2017', true, true],
    [8, '2025', false, false], [9, '2025', true, false],
  ];
  for (const [value, version, a, d] of table) {
    assert.deepEqual(decodeFlag(value), { value, versionBits: value >> 2, version, needsAck: a, hasSubpackets: d }, String(value));
  }
  assert.equal(decodeFlag(12).version, 'unknown');
});

test('Flag absent, malformed or of an unknown version', () => {
  const none = ok(`${HEAD};CP=&&&&`);
  assert.equal(none.flag, undefined);
  assert.equal(none.version, '2005');
  for (const bad of ['abc', '300', '-1', '5.0']) {
    const p = ok(`${HEAD};Flag=${bad};CP=&&&&`);
    assert.equal(p.flag, undefined, bad);
    assert.deepEqual(codes(p), ['bad_flag'], bad);
  }
  const v3 = ok(`${HEAD};Flag=13;CP=&&&&`);
  assert.equal(v3.version, 'unknown');
  assert.equal(v3.flag?.needsAck, true);
  assert.deepEqual(codes(v3), ['unknown_version']);
});

test('header: free order, case-insensitive keys, trimmed values, unknown and duplicate keys', () => {
  // one vendor puts CN after Flag (digest A.5)
  const p = ok('qn=20260301120000000;ST=31;PW=123456;MN= MN0001 ;FLAG=5;CN=2061;Foo=1;ST=32;CP=&&&&');
  assert.equal(p.cn, '2061');
  assert.equal(p.qn, '20260301120000000');
  assert.equal(p.mn, 'MN0001');
  assert.equal(p.st, '32', 'the last duplicate wins');
  assert.equal(p.flag?.value, 5);
  assert.deepEqual(p.header, { QN: '20260301120000000', ST: '32', PW: '123456', MN: 'MN0001', Flag: '5', CN: '2061', Foo: '1' });
  assert.deepEqual(codes(p), ['key_case', 'key_case', 'unknown_header_key', 'duplicate_key']);
});

test('header oddities are warnings: QN, ST, CN formats, missing MN', () => {
  const p = ok('QN=2026;ST=x;CN=20111;PW=1;Flag=4;CP=&&&&');
  assert.deepEqual(codes(p), ['bad_cn', 'bad_qn', 'bad_st', 'missing_mn']);
  assert.equal(p.cn, '20111');
});

test('only an empty segment, a missing CP= or a missing CN fail, with Chinese and English text', () => {
  const cases: [string, string][] = [['', 'empty_segment'], ['  ', 'empty_segment'], [`${HEAD};Flag=4`, 'no_cp'], ['QN=1;ST=31;Flag=4;CP=&&&&', 'missing_cn']];
  for (const [seg, code] of cases) {
    const r = parsePacket(seg);
    assert.equal(r.ok, false, seg);
    if (!r.ok) {
      assert.equal(r.errors[0].code, code);
      assert.ok(/[\u4e00-\u9fff]/.test(r.errors[0].zh) && /[a-z]/.test(r.errors[0].en));
    }
  }
});

test('failed results map onto the project\'s DomainError for the HTTP layer', () => {
  const r = parsePacket('QN=1;ST=31;Flag=4;CP=&&&&');
  assert.ok(!r.ok);
  const e = toDomainError(r.errors);
  assert.ok(e instanceof DomainError);
  assert.deepEqual([e.code, e.field, e.zh, e.en], ['hj212_missing_cn', 'CN', '缺少命令编码 CN', 'command code CN is missing']);
});

test('CP edges: unterminated, text after the closing &&, CP= without &&, lower-case cp=', () => {
  const open = ok(`${HEAD};Flag=4;CP=&&DataTime=20260301120000;a05001-Rtd=1`);
  assert.deepEqual(open.items, [['DataTime', '20260301120000'], ['a05001-Rtd', '1']]);
  assert.deepEqual(codes(open), ['cp_unterminated']);
  const tail = ok(`${HEAD};Flag=4;CP=&&a05001-Rtd=1&&xx`);
  assert.equal(tail.cpRaw, 'a05001-Rtd=1');
  assert.deepEqual(codes(tail), ['trailing_after_cp']);
  const bare = ok(`${HEAD};Flag=4;CP=a05001-Rtd=1&&`);
  assert.equal(bare.cpRaw, 'a05001-Rtd=1');
  assert.deepEqual(codes(bare), ['cp_unterminated']);
  const lower = ok(`${HEAD};Flag=4;cp=&&a05001-Rtd=1&&`);
  assert.equal(lower.factors[0].values.Rtd, 1);
  assert.deepEqual(codes(lower), ['key_case']);
});

test('//…// text is read whole, even with ; , = inside', () => {
  const p = ok('QN=20260301120000000;ST=31;CN=3020;PW=123456;MN=MN0001;Flag=4;CP=&&DataTime=20260301120000;i11001-Info=//停机;a=b,c//,i11001-Flag=N;PolId=a05001&&');
  assert.deepEqual(p.items, [['DataTime', '20260301120000'], ['i11001-Info', '//停机;a=b,c//'], ['i11001-Flag', 'N'], ['PolId', 'a05001']]);
  assert.equal(p.factors[0].info, '停机;a=b,c');
  const open = ok(`${HEAD};Flag=4;CP=&&i11001-Info=//never closed;x=1&&`);
  assert.deepEqual(open.items, [['i11001-Info', '//never closed;x=1']]);
  assert.deepEqual(codes(open), ['unterminated_info']);
});

test('numbers: signed, exponent, sentinel, blank and garbage never crash', () => {
  const p = ok(`${HEAD};Flag=4;CP=&&a01013-Rtd=-0.052;a01-Rtd= 12.5 ;a02-Rtd=1.5E3;a03-Rtd=-00999.000;a04-Rtd=;a05-Rtd=abc;a06-Rtd=0x10;a07-Rtd=Infinity;a08-Rtd=.5&&`);
  const rtd = Object.fromEntries(p.factors.map((f) => [f.code, f.values.Rtd]));
  assert.deepEqual(rtd, { a01013: -0.052, a01: 12.5, a02: 1500, a03: -999, a04: undefined, a05: undefined, a06: undefined, a07: undefined, a08: 0.5 });
  assert.equal(findFactor(p, 'a05')?.raw.Rtd, 'abc', 'the raw text is kept');
  assert.deepEqual(codes(p), ['empty_value', 'bad_number', 'bad_number', 'bad_number']);
});

test('suffixes: every Table 4 kind, case normalised, unknown kept raw', () => {
  const p = ok(`${HEAD};Flag=4;CP=&&DataTime=20260301120000;a34013-Rtd=5,a34013-ZsRtd=6,a34013-flag=N,a34013-EFlag=A1;` +
    'w01018-SampleTime=20260301110306,w01018-Rtd=40.1;SB1-RS=1;SB1-RT=23.5;a05001-SN=010000A8900016F000169DC0;LA-Data=50.1,LA-DayData=55,LA-NightData=45;a05001-Xyz=1&&');
  const [dust, cod, sb1, co2, la] = p.factors;
  assert.deepEqual(dust, { code: 'a34013', values: { Rtd: 5, ZsRtd: 6 }, flag: 'N', eflag: 'A1', raw: { Rtd: '5', ZsRtd: '6', Flag: 'N', EFlag: 'A1' } });
  assert.deepEqual([cod.sampleTime, cod.values.Rtd], ['20260301110306', 40.1]);
  assert.deepEqual(sb1.values, { RS: 1, RT: 23.5 });
  assert.deepEqual([co2.sn, co2.raw.Xyz, co2.values], ['010000A8900016F000169DC0', '1', {}]);
  assert.deepEqual(la.values, { Data: 50.1, DayData: 55, NightData: 45 });
  assert.deepEqual(codes(p), ['key_case', 'unknown_suffix']);
});

test('times: invalid dates warn, 17 digits are truncated, leap years', () => {
  const t = (v: string) => ok(`${HEAD};Flag=4;CP=&&DataTime=${v}&&`);
  assert.equal(t('20240229000000').dataTime, '20240229000000');
  for (const bad of ['20230229000000', '20261301000000', '20260301240000', '2026030112', 'now']) {
    const p = t(bad);
    assert.equal(p.dataTime, undefined, bad);
    assert.equal(p.params.DataTime, bad);
    assert.deepEqual(codes(p), ['bad_time'], bad);
  }
  const ms = t('20160824003817000');
  assert.equal(ms.dataTime, '20160824003817');
  assert.deepEqual(codes(ms), ['time_ms']);
  assert.deepEqual(codes(ok(`${HEAD};Flag=5;CP=&&BeginTime=2016;EndTime=20160801000000&&`)), ['bad_time']);
});

test('items: empty ones skipped, missing = and empty keys warned, duplicates kept last', () => {
  const p = ok(`${HEAD};Flag=4;CP=&&;;a01-Rtd=1,,oops;=5;a01-Rtd=2;PolId=a;PolId=b;&&`);
  assert.deepEqual(p.items, [['a01-Rtd', '1'], ['a01-Rtd', '2'], ['PolId', 'a'], ['PolId', 'b']]);
  assert.equal(p.factors[0].values.Rtd, 2);
  assert.equal(p.params.PolId, 'b');
  assert.deepEqual(codes(p), ['item_without_equals', 'empty_key', 'duplicate_key', 'duplicate_key']);
});

test('factor keys split on the LAST "-"; "-Rtd" and "a01-" are not factors', () => {
  const p = ok(`${HEAD};Flag=4;CP=&&x-y-Rtd=1;-Rtd=2;a01-=3&&`);
  assert.deepEqual(p.factors.map((f) => [f.code, f.values.Rtd]), [['x-y', 1]]);
  assert.deepEqual(p.params, { '-Rtd': '2', 'a01-': '3' });
  assert.deepEqual(codes(p), ['bad_factor_key', 'bad_factor_key']);
});

test('wire keys such as __proto__ become plain own properties', () => {
  const p = ok(`${HEAD};Flag=4;CP=&&__proto__=x;a01-__proto__=y&&`);
  assert.ok(Object.hasOwn(p.params, '__proto__'));
  assert.equal(Object.getPrototypeOf(p.params), Object.prototype);
  assert.equal(p.factors[0].raw.__proto__, 'y');
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('sub-packet fields: valid, invalid, without D, D without fields', () => {
  const sub = ok(`${HEAD};Flag=7;PNUM=3;PNO=2;CP=&&&&`);
  assert.deepEqual(sub.subpacket, { pnum: 3, pno: 2 });
  assert.deepEqual(codes(sub), []);
  const bad = ok(`${HEAD};Flag=7;PNUM=2;PNO=3;CP=&&&&`);
  assert.equal(bad.subpacket, undefined);
  assert.deepEqual(codes(bad), ['bad_subpacket']);
  const noD = ok(`${HEAD};Flag=5;PNUM=2;PNO=1;CP=&&&&`);
  assert.deepEqual(noD.subpacket, { pnum: 2, pno: 1 });
  assert.deepEqual(codes(noD), ['subpacket_without_d']);
  assert.deepEqual(codes(ok(`${HEAD};Flag=6;CP=&&&&`)), ['subpacket_fields_missing']);
});

test('bytes in: invalid UTF-8 is a warning, and the 2025 decryption hook sees the CP bytes', () => {
  const enc = new TextEncoder();
  const bytes = new Uint8Array([...enc.encode(`${HEAD};Flag=8;CP=&&i11001-Info=//`), 0xff, ...enc.encode('//&&')]);
  assert.deepEqual(codes(ok(bytes)), ['invalid_utf8']);
  // Toy cipher for the hook: the CP bytes reversed. "1=dtR-10a" reversed is "a01-Rtd=1".
  let seen: Record<string, string> = {};
  const p = ok(`${HEAD};Flag=8;CP=&&1=dtR-10a&&`, {
    decryptCp: (cp, header) => {
      seen = { ...header };
      return cp.slice().reverse();
    },
  });
  assert.equal(p.factors[0].values.Rtd, 1);
  assert.equal(seen.MN, 'MN0001');
  assert.equal(p.version, '2025');
});
