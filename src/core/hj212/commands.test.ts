// Platform → device commands. Expected segments: the vectors (HJ 212-2017 Appendix A and Tables C.1, C.20,
// C.23) and the standard's other Appendix C request examples as quoted verbatim in the test program of
// github caoyiliang/HJ212 (code index id 35969883716), which the digest names as the best 2025 reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  answerTimeCalibration, getFieldInfo, getHistory, getMinInterval, getRtdInterval, getSystemTime, hostCommand,
  initialisationCommands, instrumentCommand, retainSample, setMinInterval, setPassword, setRtdInterval,
  setSamplingPeriod, setSystemTime, setTimeoutRetry, startRealtime, startRunState, stopRealtime, stopRunState,
  targetOf, type DeviceTarget,
} from './commands.ts';
import { encodeFrame } from './frame.ts';
import { parsePacket } from './packet.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; packet: string }[];
}).vectors;
const raw = (id: string): string => vectors.find((v) => v.id === id)!.packet;
const segmentOf = (p: string) => p.slice(6, p.endsWith('\r\n') ? -6 : -4);

const T: DeviceTarget = { st: '32', pw: '123456', mn: '010000A8900016F000169DC0' };
const QN = '20160801085857223';
const HEAD = (cn: string) => `QN=${QN};ST=32;CN=${cn};PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&`;

test('the standard\'s Appendix A example, CRC 1C80 printed in the standard (vector std-appA-1062)', () => {
  assert.equal(encodeFrame(setRtdInterval({ ...T, pw: '100000' }, QN, 30)), raw('std-appA-1062'));
});

test('requests of the vectors: C.1 (1000), C.20 (2051 history, ";"), C.23 (2041 history, ",")', () => {
  assert.equal(setTimeoutRetry(T, QN, 5, 3), segmentOf(raw('std-C1-1000-req')));
  assert.equal(getHistory(T, QN, '2051', '20160801084000', '20160801084000'), segmentOf(raw('std-C20-2051-req')));
  assert.equal(getHistory(T, QN, '2041', '20160801000000', '20160801000000'), segmentOf(raw('std-C23-2041-req-comma')));
});

test('the other Appendix C requests', () => {
  const cases: [string, string][] = [
    [getSystemTime(T, QN, 'w01018'), `${HEAD('1011')}PolId=w01018&&`],
    [setSystemTime(T, QN, '20160801085857', 'w01018'), `${HEAD('1012')}PolId=w01018;SystemTime=20160801085857&&`],
    [getRtdInterval(T, QN), `${HEAD('1061')}&&`],
    [getMinInterval(T, QN), `${HEAD('1063')}&&`],
    [setMinInterval(T, QN, 10), `${HEAD('1064')}MinInterval=10&&`],
    [setPassword(T, QN, '654321'), `${HEAD('1072')}NewPW=654321&&`],
    [startRealtime(T, QN), `${HEAD('2011')}&&`],
    [stopRealtime(T, QN), `${HEAD('2012')}&&`],
    [startRunState(T, QN), `${HEAD('2021')}&&`],
    [stopRunState(T, QN), `${HEAD('2022')}&&`],
    [getHistory(T, QN, '2031', '20160801000000', '20160801000000'), `${HEAD('2031')}BeginTime=20160801000000;EndTime=20160801000000&&`],
    [getHistory(T, QN, '2061', '20160801080000', '20160801080000'), `${HEAD('2061')}BeginTime=20160801080000;EndTime=20160801080000&&`],
    [instrumentCommand(T, QN, '3011', 'w01018'), `${HEAD('3011')}PolId=w01018&&`],
    [instrumentCommand(T, QN, '3019', 'w01018'), `${HEAD('3019')}PolId=w01018&&`],
    [retainSample(T, QN), `${HEAD('3015')}&&`],
    [setSamplingPeriod(T, QN, 'w01018', '000000', 2), `${HEAD('3016')}PolId=w01018;CstartTime=000000;CTime=2&&`],
    [getFieldInfo(T, QN, 'w01018', 'i11001', { begin: '20160801010522', end: '20160801085857' }),
      `${HEAD('3020')}PolId=w01018;InfoId=i11001;BeginTime=20160801010522,EndTime=20160801085857&&`],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});

test('answering a 1013 notify: 9013 with its QN, then 1012 with a fresh QN, the platform time and its PolId', () => {
  const r = parsePacket(segmentOf(raw('std-C4-1013-notify')));
  assert.ok(r.ok);
  const [ack, set] = answerTimeCalibration(r.value, '20160801085858001', '20160801085858');
  assert.equal(ack, 'QN=20160801085857223;ST=91;CN=9013;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&');
  assert.equal(set, 'QN=20160801085858001;ST=32;CN=1012;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&PolId=w01018;SystemTime=20160801085858&&');
});

test('version follows the device: 2025 → Flag 9, 2005 → Flag 1', () => {
  assert.match(startRealtime({ ...T, version: '2025' }, QN), /;Flag=9;/);
  assert.match(startRealtime({ ...T, version: '2005' }, QN), /;Flag=1;/);
  const r = parsePacket(segmentOf(raw('ack-9014-flag8-2025')));
  assert.ok(r.ok);
  assert.deepEqual(targetOf(r.value), { st: '91', pw: '123456', mn: 'A110000_0001', version: '2025' });
});

test('§6.7 initialisation sequence: 1012, 1000, 1062, 1064, 2011, 2021', () => {
  const qns = ['20260301120000001', '20260301120000002', '20260301120000003', '20260301120000004', '20260301120000005', '20260301120000006'] as const;
  const segs = initialisationCommands(T, { qns, systemTime: '20260301120000', overTime: 10, reCount: 3, rtdInterval: 30, minInterval: 10 });
  assert.deepEqual(segs.map((s) => /CN=(\d{4})/.exec(s)?.[1]), ['1012', '1000', '1062', '1064', '2011', '2021']);
  assert.deepEqual(segs.map((s) => /QN=(\d{17})/.exec(s)?.[1]), [...qns]);
});

test('values outside the standard\'s ranges are refused (A.8 key table)', () => {
  const bad = [
    () => setRtdInterval(T, QN, 29), () => setRtdInterval(T, QN, 3601), () => setMinInterval(T, QN, 7),
    () => setTimeoutRetry(T, QN, 0, 3), () => setTimeoutRetry(T, QN, 5, 100), () => setSystemTime(T, QN, '20160231000000'),
    () => setSamplingPeriod(T, QN, 'w01018', '240000', 2), () => setSamplingPeriod(T, QN, 'w01018', '000000', 25),
    () => hostCommand(T, '2011', '2016'), () => setPassword(T, QN, 'a;b'), () => hostCommand({ ...T, mn: 'A&&B' }, '2011', QN),
  ];
  for (const f of bad) assert.throws(f, { code: 'hj212_encode_invalid' });
});
