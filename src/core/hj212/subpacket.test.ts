// Sub-packet reassembly. The standard's C.50 sub-packets carry exactly the hour data of C.17 (same DataTime,
// same values), so the merged packet must read like the C.17 vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePacket, type Packet } from './packet.ts';
import { dataAck, needsAck } from './reply.ts';
import { SubpacketAssembler, type AssembledPacket } from './subpacket.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; packet: string }[];
}).vectors;
const segmentOf = (p: string) => p.slice(6, p.endsWith('\r\n') ? -6 : -4);
function parse(segment: string): Packet {
  const r = parsePacket(segment);
  if (!r.ok) throw new Error(r.errors[0].en);
  return r.value;
}
const vec = (id: string): Packet => parse(segmentOf(vectors.find((v) => v.id === id)!.packet));
const SUB1 = vec('std-C50-2061-sub1');
const SUB2 = vec('std-C50-2061-sub2');
const C17 = vec('std-C17-2061-upload');

/** A sub-packet of device `mn` for hour `hour`, built by hand in the C.50 layout. */
function part(mn: string, hour: string, pno: number, pnum = 2): Packet {
  return parse(`QN=2026030112000000${pno};ST=31;CN=2061;PW=1;MN=${mn};Flag=7;PNUM=${pnum};PNO=${pno};CP=&&DataTime=20260301${hour}0000;a0500${pno}-Avg=${pno}&&`);
}

test('C.50: two sub-packets merge into the C.17 hour data; each is acked with its own QN', () => {
  const a = new SubpacketAssembler();
  assert.ok(needsAck(SUB1) && needsAck(SUB2));
  assert.match(dataAck(SUB1), /^QN=20160801085857534;/);
  const first = a.add(SUB1, 1000);
  assert.equal(first.status, 'pending');
  assert.equal(a.pendingParts, 1);
  const done = a.add(SUB2, 2000);
  assert.equal(done.status, 'complete');
  const m = done.packet as AssembledPacket;
  assert.deepEqual(m.factors, C17.factors);
  assert.equal(m.dataTime, '20160801080000');
  assert.deepEqual(m.params, { DataTime: '20160801080000' });
  assert.deepEqual(m.parts, [{ pno: 1, qn: '20160801085857534' }, { pno: 2, qn: '20160801085857535' }]);
  assert.deepEqual(m.missing, []);
  assert.equal(m.subpacket, undefined);
  assert.equal(m.header.PNUM, undefined);
  assert.equal(m.qn, '20160801085857534');
  assert.deepEqual(m.items.filter(([k]) => k === 'DataTime'), [['DataTime', '20160801080000']], 'DataTime once');
  assert.deepEqual(m.warnings, []);
  assert.equal(a.pendingSets, 0);
  assert.equal(a.pendingParts, 0);
});

test('order does not matter; a retransmitted PNO is a duplicate, also after completion', () => {
  const a = new SubpacketAssembler();
  assert.equal(a.add(SUB2, 0).status, 'pending');
  assert.equal(a.add(SUB2, 10).status, 'duplicate');
  const done = a.add(SUB1, 20);
  assert.equal(done.status, 'complete');
  assert.deepEqual(done.packet?.factors, C17.factors);
  assert.equal(a.add(SUB1, 30).status, 'duplicate', 'late retransmission of a completed set');
  assert.equal(a.pendingSets, 0);
});

test('a packet that is not a sub-packet passes through, including Flag=7 without PNUM/PNO', () => {
  const a = new SubpacketAssembler();
  assert.equal(a.add(C17, 0).status, 'single');
  const odd = vec('xy-main-0453-lower');
  assert.deepEqual(a.add(odd, 0), { status: 'single', packet: odd, flushed: [] });
});

test('an incomplete set expires after maxAgeMs of silence and comes out partial', () => {
  const a = new SubpacketAssembler({ maxAgeMs: 60_000 });
  a.add(SUB1, 0);
  assert.deepEqual(a.expire(59_999), []);
  const [partial] = a.expire(60_000);
  assert.deepEqual(partial.missing, [2]);
  assert.deepEqual(partial.factors.map((f) => f.code), ['w00000', 'w01001']);
  assert.deepEqual(partial.warnings.map((w) => w.code), ['subpacket_incomplete']);
  assert.equal(a.pendingSets, 0);
});

test('bounded: beyond maxSets the oldest incomplete set is flushed', () => {
  const a = new SubpacketAssembler({ maxSets: 2 });
  assert.equal(a.add(part('A', '01', 1), 0).flushed.length, 0);
  assert.equal(a.add(part('B', '01', 1), 1).flushed.length, 0);
  const third = a.add(part('C', '01', 1), 2);
  assert.equal(third.status, 'pending');
  assert.deepEqual(third.flushed.map((p) => [p.mn, p.missing]), [['A', [2]]]);
  assert.deepEqual(third.flushed[0].warnings.map((w) => w.code), ['subpacket_incomplete', 'subpacket_evicted']);
  assert.equal(a.pendingSets, 2);
});

test('bounded: beyond maxParts the oldest sets are flushed', () => {
  const a = new SubpacketAssembler({ maxParts: 3 });
  a.add(part('A', '01', 1, 3), 0);
  a.add(part('A', '01', 2, 3), 0);
  a.add(part('B', '01', 1, 3), 0);
  const r = a.add(part('B', '01', 2, 3), 0);
  assert.deepEqual(r.flushed.map((p) => [p.mn, p.missing]), [['A', [3]]]);
  assert.equal(a.pendingParts, 2);
});

test('sets are keyed on MN, CN, DataTime and PNUM', () => {
  const a = new SubpacketAssembler();
  a.add(part('A', '01', 1), 0);
  assert.equal(a.add(part('A', '02', 2), 0).status, 'pending', 'another hour is another set');
  assert.equal(a.add(part('B', '01', 2), 0).status, 'pending', 'another device is another set');
  assert.equal(a.pendingSets, 3);
  const done = a.add(part('A', '01', 2), 0);
  assert.equal(done.status, 'complete');
  assert.deepEqual(done.packet?.factors.map((f) => [f.code, f.values.Avg]), [['a05001', 1], ['a05002', 2]]);
});

test('a factor present in two parts keeps the later value and warns', () => {
  const a = new SubpacketAssembler();
  const p1 = parse('QN=20260301120000001;ST=31;CN=2061;PW=1;MN=A;Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20260301010000;a05001-Avg=1,a05001-Flag=N&&');
  const p2 = parse('QN=20260301120000002;ST=31;CN=2061;PW=1;MN=A;Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20260301010000;a05001-Avg=2,a05001-Max=3&&');
  a.add(p1, 0);
  const m = a.add(p2, 0).packet!;
  assert.deepEqual(m.factors, [{ code: 'a05001', values: { Avg: 2, Max: 3 }, flag: 'N', raw: { Avg: '2', Flag: 'N', Max: '3' } }]);
  assert.deepEqual(m.warnings.map((w) => [w.code, w.field]), [['duplicate_key', 'a05001-Avg']]);
});
