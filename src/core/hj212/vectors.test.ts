// The 42 vectors of assets/hj212/hj212-vectors.json, one test each. Expected values are the file's own
// (`frame`, `crc`, `expected_parse`), written from public sources and re-checked by the digest's author;
// the few expectations the file does not state are hand-written below from each vector's `notes`.
// Where the peers disagree with the spec, these tests follow the spec (see README "Peers vs spec").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeFrame } from './frame.ts';
import { parsePacket } from './packet.ts';
import { VERSION_NAMES } from './flag.ts';
import { needsAck } from './reply.ts';
import { crc16Hj212, crcHex } from './crc.ts';

interface Vector {
  id: string;
  kind: string;
  notes: string;
  packet: string;
  frame: { declared_length: number; actual_segment_bytes: number; length_matches: boolean; crc_field: string; has_crlf: boolean };
  crc: { computed_hj212: string; valid: boolean };
  expected_parse: {
    header: Record<string, string>;
    cp_raw: string;
    flag: null | { value: number; version: number; version_name: string; D_has_pnum_pno: boolean; A_needs_ack: boolean };
    cp_items: [string, string][];
    factors: Record<string, Record<string, string>>;
  };
}

const file = JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] };

// Why each negative vector fails, from its `notes`: a hand-edited length, or a CRC that does not match.
const FAILURE: Record<string, string> = {
  'xy-2005-0136-badcrc': 'bad_crc', // "CRC field does not match data (computed 3C00)"
  'neg-len-mismatch-0181': 'bad_length', // "Declared length 181 but segment is 183 bytes"
  'neg-len-mismatch-0428': 'bad_length', // "Declared 428, actual 431"
  'neg-crc-0190': 'bad_crc', // "CRC mismatch (computed 7D00)"
  'neg-modbus-crc-0137': 'bad_crc', // "CRC ED94 is plain CRC-16/MODBUS of the segment"
};

// Content warnings each vector's notes call for; every other vector must parse without warnings.
const WARNINGS: Record<string, string[]> = {
  'xy-2005-0139': ['time_ms'], // "DataTime has 17 digits (ms) - non-standard"
  'xy-2005-e981-lower': ['time_ms'], // same 17-digit DataTime 20160824003817000
  'xy-main-0453-lower': ['subpacket_fields_missing', 'unknown_suffix'], // "Flag=7 … PNUM/PNO are absent", "Typo 'LA-td'"
  'real-9021-empty-cp': ['unknown_cn'], // "Non-standard CN 9021"
  'sim-5005-0083': ['unknown_cn', 'unknown_cp_key', 'unknown_cp_key'], // "Non-standard CN 5005"; CEMS, Param are no Table 4 keys
};

// Packets the platform sends (host→device requests); asking whether the platform acks them is meaningless.
const HOST_REQUESTS = new Set(['std-appA-1062', 'std-C1-1000-req', 'std-C20-2051-req', 'std-C23-2041-req-comma']);
// Digest A.10.1: the uploads a 9014 answers when Flag bit A is set.
const UPLOAD_CNS = new Set(['2011', '2021', '2031', '2041', '2051', '2061', '2081', '3015', '3019', '3020']);

test('the vectors file holds 42 vectors, 37 valid and 5 negative (digest B.3)', () => {
  assert.equal(file.vectors.length, 42);
  assert.equal(file.vectors.filter((v) => v.crc.valid).length, 37);
  assert.deepEqual(Object.keys(FAILURE).sort(), file.vectors.filter((v) => !v.crc.valid).map((v) => v.id).sort());
});

for (const v of file.vectors) {
  test(`vector ${v.id} (${v.kind})`, () => {
    const decoded = decodeFrame(v.packet);
    assert.equal(decoded.ok, v.crc.valid, 'frame validity = crc.valid');

    let segment: Uint8Array;
    if (decoded.ok) {
      const f = decoded.value;
      assert.equal(f.declaredLength, v.frame.declared_length);
      assert.equal(f.bytes.length, v.frame.actual_segment_bytes);
      assert.equal(f.crc, v.frame.crc_field);
      assert.equal(crcHex(crc16Hj212(f.bytes)), v.crc.computed_hj212);
      assert.equal(f.trailer, v.frame.has_crlf ? 'crlf' : 'missing');
      assert.deepEqual(f.warnings.map((w) => w.code), v.frame.has_crlf ? [] : ['missing_crlf']);
      segment = f.bytes;
    } else {
      assert.equal(decoded.errors[0].code, FAILURE[v.id]);
      assert.ok(decoded.errors[0].zh && decoded.errors[0].en);
      // The content of a broken frame is still described by the file: parse its actual segment.
      segment = new TextEncoder().encode(v.packet).subarray(6, 6 + v.frame.actual_segment_bytes);
    }

    const parsed = parsePacket(segment);
    assert.ok(parsed.ok);
    const p = parsed.value;
    const e = v.expected_parse;
    assert.deepEqual(p.header, e.header);
    assert.equal(p.cpRaw, e.cp_raw);
    assert.deepEqual(p.items, e.cp_items);
    if (e.flag === null) {
      assert.equal(p.flag, undefined);
      assert.equal(p.version, '2005'); // digest A.6: no Flag = HJ/T 212-2005
    } else {
      assert.deepEqual(
        { value: p.flag?.value, bits: p.flag?.versionBits, name: VERSION_NAMES[p.version], d: p.flag?.hasSubpackets, a: p.flag?.needsAck },
        { value: e.flag.value, bits: e.flag.version, name: e.flag.version_name, d: e.flag.D_has_pnum_pno, a: e.flag.A_needs_ack },
      );
    }
    // Factors: grouped by code in order of first appearance in cp_items; raw values per suffix as expected.
    const order = [...new Set(e.cp_items.filter(([k]) => k.includes('-')).map(([k]) => k.slice(0, k.lastIndexOf('-'))))];
    assert.deepEqual(p.factors.map((f) => f.code), order);
    for (const f of p.factors) {
      assert.deepEqual(f.raw, e.factors[f.code]);
      for (const [suffix, raw] of Object.entries(e.factors[f.code])) {
        if (['Rtd', 'Avg', 'Min', 'Max', 'Cou', 'ZsRtd'].includes(suffix)) assert.equal(f.values[suffix as 'Rtd'], Number(raw));
        if (suffix === 'Flag') assert.equal(f.flag, raw);
      }
    }
    assert.deepEqual(p.warnings.map((w) => w.code), WARNINGS[v.id] ?? []);

    if (!HOST_REQUESTS.has(v.id)) {
      const expectAck = (e.flag?.A_needs_ack ?? false) && UPLOAD_CNS.has(e.header.CN);
      assert.equal(needsAck(p), expectAck, 'needsAck');
    }
  });
}
