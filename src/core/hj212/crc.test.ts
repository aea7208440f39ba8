// CRC checks. Expected values: the vectors file's `crc_reference_checks` and per-vector `crc` blocks
// (computed by the digest's author in Java, Lua, Node and Python), and the digest A.4 table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc16Hj212, crc16Modbus, crcHex } from './crc.ts';

const file = JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  crc_reference_checks: Record<string, string>;
  vectors: { id: string; packet: string; frame: { actual_segment_bytes: number }; crc: { computed_hj212: string; computed_modbus_for_reference: string } }[];
};

test('reference checks of the vectors file', () => {
  const checks = file.crc_reference_checks;
  const std = 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';
  assert.equal(checks[`HJ212('${std}')`], '1C80');
  assert.equal(crcHex(crc16Hj212(std)), checks[`HJ212('${std}')`]);
  assert.equal(crcHex(crc16Hj212('123456789')), checks["HJ212('123456789')"]);
  assert.equal(crcHex(crc16Modbus('123456789')), checks["MODBUS('123456789') (NOT the HJ 212 algorithm)"]);
  assert.equal(crcHex(crc16Hj212('')), checks["HJ212('') "]);
  assert.equal(Object.keys(checks).length, 4, 'every reference check is covered above');
});

test('check values of the digest A.4 table: 1C80, 2F80, FFFF, and 0000 for the C.4 1013 segment', () => {
  assert.equal(crc16Hj212('123456789'), 0x2f80);
  assert.equal(crc16Hj212(new Uint8Array(0)), 0xffff);
  const c4 = 'QN=20160801085857223;ST=32;CN=1013;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&& PolId=w01018&&';
  assert.equal(crc16Hj212(c4), 0);
  assert.equal(crcHex(crc16Hj212(c4)), '0000', 'leading zeros kept (%04X)');
});

test('HJ 212 CRC and MODBUS CRC of every vector segment match the file (UTF-8 bytes)', () => {
  for (const v of file.vectors) {
    const seg = new TextEncoder().encode(v.packet).subarray(6, 6 + v.frame.actual_segment_bytes);
    assert.equal(crcHex(crc16Hj212(seg)), v.crc.computed_hj212, v.id);
    assert.equal(crcHex(crc16Modbus(seg)), v.crc.computed_modbus_for_reference, v.id);
  }
});

test('a byte range is the same as the sliced bytes; a string is hashed as UTF-8', () => {
  // std-C40-3020-log-utf8: 152 UTF-8 bytes (148 characters), CRC 9741 per the vectors file.
  const seg = 'QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20100301145000;PolId=w01018;i11001-Info=//清洗管路//&&';
  assert.equal(crcHex(crc16Hj212(seg)), '9741');
  const framed = new TextEncoder().encode(`##0152${seg}9741\r\n`);
  assert.equal(crcHex(crc16Hj212(framed, 6, 158)), '9741');
});

test('crcHex renders 4 upper-case digits', () => {
  assert.equal(crcHex(0xc0c1), 'C0C1');
  assert.equal(crcHex(0x40), '0040');
  assert.equal(crcHex(0), '0000');
});
