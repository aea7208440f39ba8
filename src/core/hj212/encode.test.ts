// Upload encoding. Expected segments: the standard's Appendix C uploads (vectors std-C16/C17/C50) and a real
// device capture (real-cems-0318); the round-trip frame's length and CRC (0231, 2C40) were computed with an
// independent Python implementation of the digest A.4 pseudo-code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { encodeUpload, encodeUploadParts, formatNumber, type UploadInput } from './encode.ts';
import { FrameSplitter, encodeFrame } from './frame.ts';
import { parsePacket } from './packet.ts';
import { dataAck, needsAck } from './reply.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; packet: string }[];
}).vectors;
const raw = (id: string): string => vectors.find((v) => v.id === id)!.packet;
const segmentOf = (p: string) => p.slice(6, p.endsWith('\r\n') ? -6 : -4);

const DEVICE = { st: '32', pw: '123456', mn: '010000A8900016F000169DC0' };

test('C.16 minute upload from structured readings', () => {
  const seg = encodeUpload({
    ...DEVICE, cn: '2051', qn: '20160801085000001', dataTime: '20160801084000',
    readings: [
      { code: 'w00000', values: { Cou: 10.5, Min: 16.4, Avg: 17.5, Max: 20.1 }, flag: 'N' },
      { code: 'w01001', values: { Min: 7.1, Avg: 7.5, Max: 7.8 }, flag: 'N' },
      { code: 'w01018', values: { Cou: 10.5, Min: 40.1, Avg: 40.1, Max: 40.1 }, flag: 'N' },
    ],
  });
  assert.equal(seg, segmentOf(raw('std-C16-2051-upload')));
});

const C17: UploadInput = {
  ...DEVICE, cn: '2061', qn: '20160801090000001', dataTime: '20160801080000',
  readings: [
    { code: 'w00000', values: { Cou: '63.0', Min: 16.4, Avg: 17.5, Max: 20.1 }, flag: 'N' }, // "63.0" as printed
    { code: 'w01001', values: { Min: 7.1, Avg: 7.5, Max: 7.8 }, flag: 'N' },
    { code: 'w01018', values: { Cou: 63, Min: 40.1, Avg: 40.1, Max: 40.1 }, decimals: 1, flag: 'N' },
  ],
};

test('C.17 hour upload: trailing zeros via a string or via decimals', () => {
  assert.equal(encodeUpload(C17), segmentOf(raw('std-C17-2061-upload')));
});

test('a real flue-gas capture (real-cems-0318): Flag=4 without ack, fixed 3 decimals, a negative value', () => {
  const r = (code: string, rtd: number) => ({ code, values: { Rtd: rtd }, decimals: 3, flag: 'N' });
  const seg = encodeUpload({
    st: '31', pw: '123456', mn: '81733553216103', cn: '2011', qn: '20240123123950241', needsAck: false,
    dataTime: '20240122081600',
    readings: [r('a00000', 5.407), r('a01011', 7.072), r('a01013', -0.052), r('a01012', 6.48), r('a24088', 0.804), r('a05002', 0), r('a01014', 0.97)],
  });
  assert.equal(seg, segmentOf(raw('real-cems-0318')));
});

test('sub-packets as in C.50: whole factor groups, DataTime repeated, own QNs, Flag 7', () => {
  const qns = ['20160801085857534', '20160801085857535'];
  // the whole upload is 325 bytes; with a 270-byte limit the first two groups fit (260 bytes), the third not
  const parts = encodeUploadParts({ ...C17, qn: undefined }, (pno) => qns[pno - 1], 270);
  assert.deepEqual(parts, [segmentOf(raw('std-C50-2061-sub1')), segmentOf(raw('std-C50-2061-sub2'))]);
  assert.deepEqual(encodeUploadParts(C17, () => '20160801090000001'), [segmentOf(raw('std-C17-2061-upload'))], 'fits: one segment');
  assert.throws(() => encodeUploadParts(C17, () => '20160801090000001', 150), { code: 'hj212_encode_invalid' });
});

test('round trip: encode → frame → split in 3 chunks → parse → ack', () => {
  const upload: UploadInput = {
    st: '31', pw: '123456', mn: '010000A8900016F000169DC0', cn: '2011', qn: '20260301120000000', dataTime: '20260301120000',
    readings: [
      { code: 'a05001', values: { Rtd: 12.34 }, flag: 'N' }, // CO2
      { code: 'a19001', values: { Rtd: 6.5 }, flag: 'N' }, // O2
      { code: 'a01012', values: { Rtd: 45.2 }, flag: 'N' }, // temperature
      { code: 'a00000', values: { Rtd: 123.4 }, flag: 'N' }, // flow
    ],
  };
  const frame = encodeFrame(encodeUpload(upload));
  assert.equal(frame.slice(0, 6), '##0231');
  assert.equal(frame.slice(-6), '2C40\r\n');
  const bytes = new TextEncoder().encode(frame);
  const s = new FrameSplitter();
  const events = [...s.push(bytes.subarray(0, 3)), ...s.push(bytes.subarray(3, 120)), ...s.push(bytes.subarray(120))];
  assert.equal(events.length, 1);
  assert.ok(events[0].type === 'frame');
  const parsed = parsePacket(events[0].frame.bytes);
  assert.ok(parsed.ok);
  const p = parsed.value;
  assert.deepEqual(p.warnings, []);
  assert.deepEqual([p.cn, p.mn, p.dataTime, p.version, p.flag?.needsAck], ['2011', upload.mn, '20260301120000', '2017', true]);
  assert.deepEqual(p.factors.map((f) => [f.code, f.values.Rtd, f.flag]), upload.readings.map((r) => [r.code, r.values?.Rtd, r.flag]));
  assert.ok(needsAck(p));
  assert.equal(dataAck(p), 'QN=20260301120000000;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&');
});

test('other fields: SampleTime first, Zs values, Info text, SN, EFlag, extra params, 2025 and 2005 flags', () => {
  const seg = encodeUpload({
    st: '31', pw: 'p', mn: 'm', cn: '2061', qn: '20260301120000000', version: '2025', dataTime: '20260301110000',
    params: [['PolId', 'a05001']],
    readings: [
      { code: 'a21026', values: { Avg: 1, ZsAvg: 2, Rtd: 3 }, flag: 'N', eflag: 'A1', sampleTime: '20260301105959' },
      { code: 'i11001', info: '清洗;完成' },
      { code: 'a05001', sn: '010000A8900016F000169DC0' },
    ],
  });
  assert.equal(seg, 'QN=20260301120000000;ST=31;CN=2061;PW=p;MN=m;Flag=9;CP=&&DataTime=20260301110000;PolId=a05001;' +
    'a21026-SampleTime=20260301105959,a21026-Rtd=3,a21026-Avg=1,a21026-ZsAvg=2,a21026-Flag=N,a21026-EFlag=A1;' +
    'i11001-Info=//清洗;完成//;a05001-SN=010000A8900016F000169DC0&&');
  const legacy = encodeUpload({ st: '32', pw: '1', mn: 'm', cn: '2011', version: '2005', needsAck: false, dataTime: '20260301110000', readings: [] });
  assert.equal(legacy, 'ST=32;CN=2011;PW=1;MN=m;Flag=0;CP=&&DataTime=20260301110000&&');
});

test('numbers are written in plain decimal; bad input throws', () => {
  assert.equal(formatNumber('x', 1e-7), '0.0000001');
  assert.equal(formatNumber('x', -0.052), '-0.052');
  assert.equal(formatNumber('x', 19191.973), '19191.973');
  assert.equal(formatNumber('x', 63, 1), '63.0');
  for (const bad of [NaN, Infinity, 1e21]) assert.throws(() => formatNumber('x', bad), { code: 'hj212_encode_invalid' });
  assert.throws(() => formatNumber('x', '1,5'), { code: 'hj212_encode_invalid' });
  const base = { st: '31', pw: 'p', mn: 'm', cn: '2011', dataTime: '20260301110000' };
  assert.throws(() => encodeUpload({ ...base, readings: [{ code: 'a-b', values: { Rtd: 1 } }] }), { code: 'hj212_encode_invalid' });
  assert.throws(() => encodeUpload({ ...base, dataTime: '2026', readings: [] }), { code: 'hj212_encode_invalid' });
  assert.throws(() => encodeUpload({ ...base, readings: [{ code: 'a01', flag: 'N;' }] }), { code: 'hj212_encode_invalid' });
});
