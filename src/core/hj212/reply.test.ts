// Replies. Expected segments are the standard's own (vectors std-C1-9011/9012, std-C4-9013, ack-9014-std-c241),
// the lua-HJ212 exchange printed in the digest B.2, and the 2005 templates of the digest A.10.4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeFrame, encodeFrame } from './frame.ts';
import { parsePacket, type Packet } from './packet.ts';
import {
  dataAck, executionResult, needsAck, needsNotifyAck, notifyAck, readResponse, replyFlag, requestReply,
} from './reply.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; packet: string }[];
}).vectors;
const raw = (id: string): string => vectors.find((v) => v.id === id)!.packet;
const segmentOf = (p: string) => p.slice(6, p.endsWith('\r\n') ? -6 : -4);
function parse(segment: string): Packet {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.errors[0].en);
  return r.value;
}
const vec = (id: string): Packet => parse(segmentOf(raw(id)));

test('9014 for the C.16 minute upload is the standard\'s answer (vector ack-9014-std-c241)', () => {
  const upload = vec('std-C16-2051-upload');
  assert.ok(needsAck(upload));
  assert.equal(dataAck(upload), segmentOf(raw('ack-9014-std-c241')));
  assert.equal(encodeFrame(dataAck(upload)), `${raw('ack-9014-std-c241')}\r\n`); // the vector has no CRLF; we always send one
});

test('the lua-HJ212 exchange of the digest B.2: upload with Flag=5, reply 9014 with Flag=4 and CRC 8EC1', () => {
  const frame = decodeFrame('##0232QN=20261121142055000;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20261121142055;a00000-Flag=N,a00000-Rtd=123.4;a01012-Flag=N,a01012-Rtd=45.2;a05001-Flag=N,a05001-Rtd=12.340;a19001-Flag=N,a19001-Rtd=6.5&&6480\r\n');
  assert.ok(frame.ok);
  const upload = parse(frame.value.segment);
  assert.ok(needsAck(upload));
  assert.equal(encodeFrame(dataAck(upload)), '##0087QN=20261121142055000;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&8EC1\r\n');
});

test('ack only when asked: Flag bit A on an upload CN', () => {
  assert.equal(needsAck(vec('real-cems-0318')), false, 'Flag=4: no answer');
  assert.equal(needsAck(vec('real-water-0437a')), true, 'Flag=5 2011');
  assert.equal(needsAck(vec('std-C50-2061-sub1')), true, 'each sub-packet');
  assert.equal(needsAck(vec('std-C24-2081')), true, '2081 restart time');
  assert.equal(needsAck(vec('ack-9014-flag9-qnrtn')), false, 'never answer a 90xx, even with A=1');
  assert.equal(needsAck(vec('std-C4-1013-notify')), false, '1013 is a notify: 9013, not 9014');
  assert.equal(needsNotifyAck(vec('std-C4-1013-notify')), true);
  assert.equal(needsNotifyAck(vec('real-water-0437a')), false);
  const legacy = vec('xy-2005-0139'); // 2005, no Flag
  assert.equal(needsAck(legacy), false);
  assert.equal(needsAck(legacy, { ackWithoutFlag: true }), true);
  const vendor = vec('sim-5005-0083'); // CN 5005, Flag=1
  assert.equal(needsAck(vendor), false);
  assert.equal(needsAck(vendor, { ackUnknownCn: true }), true);
  assert.equal(needsAck(vec('real-9021-empty-cp'), { ackUnknownCn: true }), false, 'Flag=4');
  const heartbeat = parse('QN=20260301120000000;ST=21;CN=9015;PW=123456;MN=A1;Flag=9;CP=&&&&');
  assert.equal(needsAck(heartbeat, { ackUnknownCn: true }), false, '9015 heartbeat is a 90xx');
});

test('reply Flag keeps the version bits only: 7 → 4, 9 → 8, absent → absent', () => {
  assert.equal(replyFlag(vec('std-C50-2061-sub1')), 4);
  assert.equal(replyFlag(vec('ack-9014-flag9-qnrtn')), 8);
  assert.equal(replyFlag(vec('xy-2005-0139')), undefined);
  const upload2025 = parse('QN=20260706103512345;ST=31;CN=2011;PW=123456;MN=A110000_0001;Flag=9;CP=&&DataTime=20260706103500;a05001-Rtd=1&&');
  // the 9014 of vector ack-9014-flag8-2025 answers exactly this QN/PW/MN with Flag=8
  assert.equal(dataAck(upload2025), segmentOf(raw('ack-9014-flag8-2025')));
});

test('each sub-packet is answered with its own QN (C.50)', () => {
  assert.match(dataAck(vec('std-C50-2061-sub1')), /^QN=20160801085857534;ST=91;CN=9014;/);
  assert.match(dataAck(vec('std-C50-2061-sub2')), /^QN=20160801085857535;ST=91;CN=9014;/);
});

test('9014 variants: QnRtn inside CP, and the 2005 template', () => {
  const upload = vec('std-C16-2051-upload');
  assert.equal(dataAck(upload, 'qnrtn'), 'QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&');
  assert.equal(dataAck(upload, 'legacy2005'), 'ST=91;CN=9014;CP=&&QN=20160801085000001;CN=2051&&');
});

test('9011 and 9012 a device sends for the C.1 request are the standard\'s', () => {
  const request = vec('std-C1-1000-req');
  assert.equal(requestReply(request, 1), segmentOf(raw('std-C1-9011')));
  assert.equal(executionResult(request, 1), segmentOf(raw('std-C1-9012')));
});

test('9013 for the C.4 time-calibration notify (the standard prints CP=&& &&; the template is CP=&&&&)', () => {
  const printed = segmentOf(raw('std-C4-9013'));
  assert.equal(notifyAck(vec('std-C4-1013-notify')), printed.replace('CP=&& &&', 'CP=&&&&'));
});

test('HJ/T 212-2005 reply forms, literally as in the digest A.10.4', () => {
  const request = parse('QN=20040516010101001;ST=32;CN=2011;PW=123456;MN=88888880000001;Flag=1;CP=&&&&');
  assert.equal(requestReply(request, 1, 'legacy2005'), 'ST=91;CN=9011;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001;QnRtn=1&&');
  assert.equal(executionResult(request, 1, 'legacy2005'), 'ST=91;CN=9012;PW=123456;MN=88888880000001;CP=&&QN=20040516010101001;ExeRtn=1&&');
  assert.equal(notifyAck(request, 'legacy2005'), 'ST=91;CN=9013;PW=123456;MN=88888880000001;CP=&&QN=20040516010101001&&');
});

test('reading the device\'s 9011/9012/9013/9014 as the requester', () => {
  assert.deepEqual(readResponse(vec('std-C1-9011')), {
    kind: 'request_reply', qn: '20160801085857223', code: 1, accepted: true, meaning: { zh: '准备执行请求', en: 'ready to execute' },
  });
  assert.deepEqual(readResponse(vec('std-C1-9012')), {
    kind: 'execution_result', qn: '20160801085857223', code: 1, success: true, meaning: { zh: '执行成功', en: 'success' },
  });
  const pwError = readResponse(parse('QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=M;Flag=4;CP=&&QnRtn=3&&'));
  assert.deepEqual(pwError && pwError.kind === 'request_reply' && [pwError.accepted, pwError.meaning?.en], [false, 'PW error']);
  const legacy = readResponse(parse('ST=91;CN=9012;PW=123456;MN=88888880000001;CP=&&QN=20040516010101001;ExeRtn=100&&'));
  assert.deepEqual(legacy, { kind: 'execution_result', qn: '20040516010101001', code: 100, success: false, meaning: { zh: '没有数据', en: 'no data' } });
  assert.deepEqual(readResponse(vec('ack-9014-std-c241')), { kind: 'data_ack', qn: '20160801085000001' });
  assert.deepEqual(readResponse(vec('std-C4-9013')), { kind: 'notify_ack', qn: '20160801085857223' });
  assert.equal(readResponse(vec('std-C16-2051-upload')), undefined);
});
