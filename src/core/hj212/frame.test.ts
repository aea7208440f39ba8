// Framing tests beyond the vectors: chunk boundaries, junk, several frames per chunk, oversize, hostile
// streams, resync. Frames are taken verbatim from hj212-vectors.json (expected segments = the packet text
// between the 6-byte header and the 4-digit CRC); byte counts and offsets are hand-counted in comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FrameSplitter, decodeFrame, encodeFrame, type SplitEvent } from './frame.ts';

const vectors = (JSON.parse(readFileSync(new URL('../../../assets/hj212/hj212-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { id: string; packet: string }[];
}).vectors;
const packet = (id: string): string => {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(id);
  return v.packet;
};
const enc = (s: string) => new TextEncoder().encode(s);
/** The data segment of a well-formed vector: after `##dddd`, before the CRC (and CRLF). */
const segmentOf = (p: string) => p.slice(6, p.endsWith('\r\n') ? -6 : -4);
const kinds = (events: SplitEvent[]) => events.map((e) => (e.type === 'error' ? `error:${e.issue.code}` : e.type));
const frames = (events: SplitEvent[]) => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));

const C16 = packet('std-C16-2051-upload'); // 6 + 325 + 4 + 2 = 337 bytes, CRLF
const C40 = packet('std-C40-3020-log-utf8'); // 6 + 152 + 4 + 2 = 164 bytes, Chinese text
const CEMS = packet('real-cems-0318'); // 6 + 318 + 4 = 328 bytes, no CRLF
const APPA = packet('std-appA-1062'); // 6 + 101 + 4 + 2 = 113 bytes

test('encodeFrame reproduces the standard example and the UTF-8 and 0000-CRC vectors', () => {
  assert.equal(encodeFrame(segmentOf(APPA)), APPA); // Appendix A, CRC 1C80 printed in the standard
  assert.equal(encodeFrame(segmentOf(C40)), C40); // length 0152 counts UTF-8 bytes
  const c4 = packet('std-C4-1013-notify');
  assert.equal(encodeFrame(segmentOf(c4)), c4); // CRC 0000
  assert.throws(() => encodeFrame('x'.repeat(10000)), { code: 'hj212_encode_invalid' });
});

test('a frame split at every byte boundary comes out once, whole', () => {
  for (const p of [C16, C40]) {
    const bytes = enc(p);
    for (let k = 0; k <= bytes.length; k++) {
      const s = new FrameSplitter();
      const events = [...s.push(bytes.subarray(0, k)), ...s.push(bytes.subarray(k)), ...s.end()];
      assert.deepEqual(kinds(events), ['frame'], `split at ${k}`);
      const f = frames(events)[0];
      assert.equal(f.segment, segmentOf(p));
      // Split right after the CRC or between CR and LF: the frame is emitted before its CRLF is seen and
      // the CRLF that follows is swallowed (no junk event).
      assert.equal(f.trailer, k === bytes.length - 2 || k === bytes.length - 1 ? 'unknown' : 'crlf', `split at ${k}`);
      assert.equal(s.bufferedBytes, 0);
    }
  }
});

test('three frames fed one byte at a time', () => {
  const bytes = enc(APPA + C40 + C16);
  const s = new FrameSplitter();
  const events: SplitEvent[] = [];
  for (let i = 0; i < bytes.length; i++) events.push(...s.push(bytes.subarray(i, i + 1)));
  events.push(...s.end());
  assert.deepEqual(kinds(events), ['frame', 'frame', 'frame']);
  assert.deepEqual(frames(events).map((f) => f.segment), [APPA, C40, C16].map(segmentOf));
  // offsets: APPA is 113 bytes, C40 164 bytes
  assert.deepEqual(events.map((e) => (e.type === 'frame' ? e.offset : -1)), [0, 113, 277]);
});

test('several frames in one chunk, one without CRLF directly followed by the next', () => {
  const s = new FrameSplitter();
  const events = s.push(enc(CEMS + C16 + APPA));
  assert.deepEqual(kinds(events), ['frame', 'frame', 'frame']);
  const [a, b, c] = frames(events);
  assert.equal(a.trailer, 'missing'); // the next bytes are "##", not CRLF
  assert.deepEqual(a.warnings.map((w) => w.code), ['missing_crlf']);
  assert.equal(b.trailer, 'crlf');
  assert.equal(c.segment, segmentOf(APPA));
  assert.deepEqual(s.stats, { bytesIn: 328 + 337 + 113, frames: 3, errors: 0, junkBytes: 0 });
});

test('junk before, between and after frames is skipped and reported', () => {
  const s = new FrameSplitter();
  // "AT+OK\r\n" = 7 bytes; "\r\n\r\n#x" = 6 bytes (a lone '#' is junk); trailing "zz" = 2 bytes, and the
  // final "#" is held (it may start a header) until end() reports it as 1 more byte of junk.
  const events = [...s.push(enc(`AT+OK\r\n${APPA}\r\n\r\n#x${C16}zz#`)), ...s.end()];
  assert.deepEqual(kinds(events), ['junk', 'frame', 'junk', 'frame', 'junk', 'junk']);
  assert.deepEqual(events.filter((e) => e.type === 'junk').map((e) => (e.type === 'junk' ? [e.offset, e.bytes] : [])), [
    [0, 7], [7 + 113, 6], [7 + 113 + 6 + 337, 2], [7 + 113 + 6 + 337 + 2, 1],
  ]);
  assert.equal(s.stats.junkBytes, 16);
});

test('a trailing "#" is held until the next chunk shows whether it starts a header', () => {
  const s = new FrameSplitter();
  const bytes = enc(APPA);
  assert.deepEqual(kinds(s.push(enc('noise#'))), ['junk']); // "noise" (5 bytes) dropped, "#" kept
  assert.equal(s.bufferedBytes, 1);
  assert.deepEqual(kinds(s.push(bytes.subarray(1))), ['frame']);
});

test('oversize: rejected from the 6-byte header alone, then the next frame is found', () => {
  const s = new FrameSplitter({ maxSegmentBytes: 200 });
  const bytes = enc(C16 + APPA); // C16 declares 0325 > 200
  const first = s.push(bytes.subarray(0, 6));
  assert.deepEqual(kinds(first), ['error:oversize', 'junk']); // resync skips 1 byte: "#0325" is junk
  assert.equal(first[1].type === 'junk' && first[1].bytes, 5);
  assert.equal(s.bufferedBytes, 0, 'nothing of the oversize frame is buffered');
  const rest = s.push(bytes.subarray(6));
  assert.deepEqual(kinds(rest), ['junk', 'frame']); // the 331 remaining bytes of C16 are junk
  assert.equal(rest[0].type === 'junk' && rest[0].bytes, 337 - 6);
  assert.throws(() => new FrameSplitter({ maxSegmentBytes: 10000 }), RangeError);
});

test('hostile stream of "##9999" headers without payload: memory stays bounded', () => {
  const s = new FrameSplitter({ maxConsecutiveErrors: Infinity });
  const chunk = enc('##9999'.repeat(700)); // 4200 bytes
  let errors = 0;
  for (let i = 0; i < 250; i++) { // ~1 MiB in total
    for (const e of s.push(chunk)) {
      if (e.type === 'junk') continue; // the "#9999" after each rejected "#"
      assert.equal(e.type === 'error' && e.issue.code, 'bad_length'); // the CRC position holds "999#"
      errors++;
    }
    assert.ok(s.bufferedBytes <= s.capacity, `buffered ${s.bufferedBytes}`);
    assert.ok(s.allocatedBytes <= 2 * s.capacity, `allocated ${s.allocatedBytes}`);
  }
  assert.equal(s.capacity, 9999 + 12); // one maximal frame: ## + 4 + 9999 + CRC + CRLF
  assert.equal(s.stats.frames, 0);
  // 1 050 000 bytes hold 175 000 headers; the one at 6k is decided once 6k + 10 009 bytes (## + 4 + 9999 +
  // CRC) have arrived, i.e. for k ≤ 173 331: 173 332 errors, and the last 1 668 headers are still waiting.
  assert.equal(errors, 175_000 - 1_668);
});

test('a connection producing only errors is given up after maxConsecutiveErrors', () => {
  // Period 7 puts "9999" (valid hex) at every CRC position, so each candidate costs a full CRC; the error
  // budget bounds that work.
  const s = new FrameSplitter();
  const events = s.push(enc('##99990'.repeat(3000)));
  assert.deepEqual(kinds(events).slice(0, 2), ['error:bad_length', 'junk']);
  const errs = events.filter((e) => e.type === 'error');
  assert.equal(errs.length, 34); // 33 errors exceed the default 32, then the fatal one
  assert.deepEqual(errs.at(-1)?.type === 'error' && [errs.at(-1)?.issue.code, (errs.at(-1) as { fatal: boolean }).fatal], ['too_many_errors', true]);
  assert.ok(s.closed);
  assert.deepEqual(s.push(enc(APPA)), [], 'a closed splitter discards input');
});

test('a valid frame resets the error budget', () => {
  const s = new FrameSplitter({ maxConsecutiveErrors: 1 });
  const bad = packet('neg-crc-0190');
  assert.deepEqual(kinds(s.push(enc(bad + APPA + bad + APPA))), ['error:bad_crc', 'junk', 'frame', 'error:bad_crc', 'junk', 'frame']);
  assert.ok(!s.closed);
});

test('non-digit length and a stray "#" before "##"', () => {
  const s = new FrameSplitter();
  const events = s.push(enc(`##01a5xyz#${APPA}`));
  assert.deepEqual(kinds(events), ['error:non_digit_length', 'junk', 'error:non_digit_length', 'frame']);
  // "##01a5xyz" fails at offset 0; after skipping 1 byte, "#01a5xyz" (8 bytes) is junk up to "###0101…",
  // whose first "##" fails ("#010") and whose second is the frame at offset 10.
  assert.deepEqual(events.map((e) => e.offset), [0, 1, 9, 10]);
});

test('bad CRC and hand-edited lengths: dropped, and the following frame is recovered', () => {
  for (const id of ['neg-crc-0190', 'neg-len-mismatch-0181', 'neg-modbus-crc-0137']) {
    const events = new FrameSplitter().push(enc(packet(id) + APPA));
    assert.deepEqual(kinds(events).filter((k) => k !== 'junk'), [id === 'neg-len-mismatch-0181' ? 'error:bad_length' : 'error:bad_crc', 'frame'], id);
  }
  // A length declared 13 bytes too long (0437 → 0450) swallows the start of the next frame; resync finds it.
  const tooLong = packet('real-water-0437a').replace('##0437', '##0450');
  const events = new FrameSplitter().push(enc(tooLong + APPA));
  assert.deepEqual(kinds(events), ['error:bad_length', 'junk', 'frame']);
});

test('CRLF: optional by default, required with requireCrlf', () => {
  const strict = new FrameSplitter({ requireCrlf: true });
  assert.deepEqual(kinds(strict.push(enc(CEMS + APPA))), ['error:missing_crlf', 'junk', 'frame']);
  // At the end of the stream a frame still waiting for its CRLF is reported.
  assert.deepEqual(kinds(strict.push(enc(CEMS))), []);
  assert.deepEqual(kinds(strict.end()), ['error:missing_crlf', 'junk']);
  const lenient = new FrameSplitter();
  const [only] = lenient.push(enc(CEMS));
  assert.equal(only.type === 'frame' && only.frame.trailer, 'unknown'); // answered at once, not held
});

test('stream end inside a frame: truncated', () => {
  const s = new FrameSplitter();
  assert.deepEqual(s.push(enc(C16.slice(0, 100))), []);
  const events = s.end();
  assert.deepEqual(kinds(events), ['error:truncated']);
  assert.equal(s.bufferedBytes, 0);
});

test('opt-in MODBUS CRC fallback accepts the student-project packet with a warning', () => {
  const bad = packet('neg-modbus-crc-0137');
  const events = new FrameSplitter({ acceptModbusCrc: true }).push(enc(bad));
  assert.deepEqual(kinds(events), ['frame']);
  assert.deepEqual(frames(events)[0].warnings.map((w) => w.code), ['crc_modbus']);
});

test('opt-in character-count length (Java/C# writers): C.40 with 0144 instead of 0152', () => {
  // 152 UTF-8 bytes = 140 ASCII + 4 × 3 bytes of 清洗管路 = 144 UTF-16 characters
  const charCounted = C40.replace('##0152', '##0144');
  const strict = decodeFrame(charCounted);
  assert.equal(strict.ok, false);
  assert.equal(!strict.ok && strict.errors[0].code, 'bad_length');
  const bytes = enc(charCounted);
  const s = new FrameSplitter({ allowCharLength: true });
  const events: SplitEvent[] = [];
  for (let i = 0; i < bytes.length; i++) events.push(...s.push(bytes.subarray(i, i + 1)));
  assert.deepEqual(kinds(events), ['frame']);
  assert.equal(frames(events)[0].segment, segmentOf(C40));
  assert.deepEqual(frames(events)[0].warnings.map((w) => w.code), ['length_in_chars']);
});

test('decodeFrame: exactly one frame', () => {
  assert.ok(decodeFrame(APPA).ok);
  assert.ok(decodeFrame(enc(APPA)).ok);
  const extra = decodeFrame(`${APPA}##`);
  assert.equal(!extra.ok && extra.errors[0].code, 'trailing_bytes');
  const junk = decodeFrame(`x${APPA}`);
  assert.equal(!junk.ok && junk.errors[0].code, 'not_a_frame');
  const cut = decodeFrame(APPA.slice(0, 50));
  assert.equal(!cut.ok && cut.errors[0].code, 'truncated');
  const err = !cut.ok ? cut.errors[0] : undefined;
  assert.match(err?.zh ?? '', /数据流在帧内结束/);
  assert.match(err?.en ?? '', /stream ended inside a frame/);
});
