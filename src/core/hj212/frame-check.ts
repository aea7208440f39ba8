/**
 * Examines the bytes at one `##` and decides: complete valid frame, framing error, or "need more bytes".
 * Shared by the streaming FrameSplitter and the one-shot decodeFrame (frame.ts).
 *
 * Frame (HJ 212-2017 Table 2): "##" + 4 decimal digits (segment length in UTF-8 bytes) + segment + 4 hex CRC
 * + CRLF. Strict: the length must land exactly on a 4-hex CRC that matches (case-insensitively). Tolerant:
 * a missing CRLF is a warning unless `requireCrlf` (digest A.3, A.12).
 */
import { AMP, CR, LF, excerpt, fromUtf8, isDigit, isHex, printable } from './bytes.ts';
import { crc16Hj212, crc16Modbus, crcHex } from './crc.ts';
import { hjIssue, type Hj212Issue } from './issues.ts';

/** The 4-digit length field caps the data segment at 9999 bytes. */
export const MAX_SEGMENT_BYTES = 9999;

export interface FrameOptions {
  /** Largest accepted data segment, 0–9999 (default 9999: real devices exceed the standard's 1024). */
  maxSegmentBytes?: number;
  /** Reject frames without CRLF (default false: several real devices omit it; digest A.12). */
  requireCrlf?: boolean;
  /** Accept a CRC-16/MODBUS CRC with a warning (default false; opt-in per device family, digest A.4). */
  acceptModbusCrc?: boolean;
  /** When the byte count misses, retry counting UTF-16 characters, as Java/C# writers do (default false). */
  allowCharLength?: boolean;
}

export type ResolvedFrameOptions = Required<FrameOptions>;

export function resolveFrameOptions(o: FrameOptions = {}): ResolvedFrameOptions {
  const max = o.maxSegmentBytes ?? MAX_SEGMENT_BYTES;
  if (!Number.isInteger(max) || max < 0 || max > MAX_SEGMENT_BYTES) {
    throw new RangeError(`maxSegmentBytes must be an integer 0–${MAX_SEGMENT_BYTES}`);
  }
  return {
    maxSegmentBytes: max,
    requireCrlf: o.requireCrlf ?? false,
    acceptModbusCrc: o.acceptModbusCrc ?? false,
    allowCharLength: o.allowCharLength ?? false,
  };
}

export interface Frame {
  /** the data segment, decoded as UTF-8 */
  segment: string;
  /** the data segment's bytes (a copy) */
  bytes: Uint8Array;
  declaredLength: number;
  /** the CRC field as received (case kept) */
  crc: string;
  /** 'unknown': the input ended right after the CRC; a CRLF arriving next is swallowed */
  trailer: 'crlf' | 'missing' | 'unknown';
  warnings: Hj212Issue[];
}

export type Attempt =
  | { kind: 'need' }
  | { kind: 'frame'; frame: Frame; consumed: number; pendingTrailer: 0 | 1 | 2 }
  | { kind: 'error'; issue: Hj212Issue; consumed: number };

type Check = { ok: true; warnings: Hj212Issue[] } | { ok: false; issue: Hj212Issue };

const NEED: Attempt = { kind: 'need' };

/**
 * `buf[start]` and `buf[start+1]` are `##`; `end` is the end of the available bytes. With `final` the input
 * is complete (stream end), so the answer is never 'need'. On an error `consumed` is 1: the caller resyncs
 * on the next `##` from start+1 (not +2, so `###0101…` still finds its frame).
 */
export function attemptFrame(buf: Uint8Array, start: number, end: number, o: ResolvedFrameOptions, final: boolean): Attempt {
  if (end - start < 6) return truncated(buf, start, end, final);
  for (let i = 2; i < 6; i++) {
    if (!isDigit(buf[start + i])) return fail(hjIssue('non_digit_length', excerpt(buf, start, start + 6)));
  }
  const declared = Number(String.fromCharCode(...buf.subarray(start + 2, start + 6)));
  if (declared > o.maxSegmentBytes) {
    return fail(hjIssue('oversize', `${declared} > ${o.maxSegmentBytes}`));
  }
  const segStart = start + 6;
  const segEnd = segStart + declared;
  if (end < segEnd + 4) return truncated(buf, start, end, final);

  const primary = checkAt(buf, segStart, segEnd, end, declared, o);
  if (primary.ok) return finish(buf, start, segStart, segEnd, end, declared, primary.warnings, o, final);

  if (o.allowCharLength && hasNonAscii(buf, segStart, segEnd)) {
    const alt = utf16End(buf, segStart, end, declared, o.maxSegmentBytes);
    if (alt === -1 || (alt >= 0 && alt + 4 > end)) {
      if (!final) return NEED;
    } else if (alt >= 0) {
      const second = checkAt(buf, segStart, alt, end, declared, o);
      if (second.ok) {
        const w = [...second.warnings, hjIssue('length_in_chars', `${declared} → ${alt - segStart}`)];
        return finish(buf, start, segStart, alt, end, declared, w, o, final);
      }
    }
  }
  return fail(primary.issue);
}

// Helpers are module functions, not closures made per frame: under tsx every named closure also costs a
// defineProperty (keepNames), and this runs for every frame.
function truncated(buf: Uint8Array, start: number, end: number, final: boolean): Attempt {
  return final ? { kind: 'error', issue: hjIssue('truncated', excerpt(buf, start, end)), consumed: end - start } : NEED;
}

function fail(issue: Hj212Issue): Attempt {
  return { kind: 'error', issue, consumed: 1 };
}

/** Value of a hex digit byte (only meaningful when isHex). */
function hexDigit(b: number): number {
  return b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57;
}

function blameLength(declared: number, field: string): Hj212Issue {
  return hjIssue('bad_length', {
    zh: `声明 ${declared} 字节，其后的 CRC 位置为 "${field}"`,
    en: `declared ${declared} bytes, CRC position holds "${field}"`,
  });
}

/** Is there a valid CRC right after `segEnd`? When not, say whether the length or the CRC is to blame. */
function checkAt(buf: Uint8Array, segStart: number, segEnd: number, end: number, declared: number, o: ResolvedFrameOptions): Check {
  // The common case, a matching CRC, makes no strings.
  let hex = true;
  let received = 0;
  for (let i = segEnd; i < segEnd + 4; i++) {
    hex &&= isHex(buf[i]);
    received = received * 16 + hexDigit(buf[i]);
  }
  const computed = crc16Hj212(buf, segStart, segEnd);
  if (hex && received === computed) return { ok: true, warnings: [] };
  const field = printable(buf.subarray(segEnd, segEnd + 4));
  const endsWithAmp = segEnd - segStart >= 2 && buf[segEnd - 2] === AMP && buf[segEnd - 1] === AMP;
  const crlfAfter = end >= segEnd + 6 && buf[segEnd + 4] === CR && buf[segEnd + 5] === LF;
  // Signals that the window is aligned: a segment ends with the CP's closing "&&"; a CRLF follows the CRC.
  if (!hex) {
    return { ok: false, issue: endsWithAmp && crlfAfter ? hjIssue('bad_crc', { zh: `CRC 字段 "${field}" 不是4位十六进制`, en: `CRC field "${field}" is not 4 hex digits` }) : blameLength(declared, field) };
  }
  const modbus = crc16Modbus(buf, segStart, segEnd) === received;
  if (modbus && o.acceptModbusCrc) return { ok: true, warnings: [hjIssue('crc_modbus', field)] };
  if (!endsWithAmp && !crlfAfter && !modbus) return { ok: false, issue: blameLength(declared, field) };
  const extra = modbus ? { zh: '，该值是数据段的 CRC-16/MODBUS', en: '; it is the CRC-16/MODBUS of the segment' } : { zh: '', en: '' };
  return {
    ok: false,
    issue: hjIssue('bad_crc', {
      zh: `收到 ${field}，应为 ${crcHex(computed)}${extra.zh}`,
      en: `received ${field}, computed ${crcHex(computed)}${extra.en}`,
    }),
  };
}

/** The CRC matched: look at the trailer and build the frame. */
function finish(
  buf: Uint8Array, start: number, segStart: number, segEnd: number, end: number,
  declared: number, warnings: Hj212Issue[], o: ResolvedFrameOptions, final: boolean,
): Attempt {
  const t0 = segEnd + 4;
  const avail = end - t0;
  let trailer: Frame['trailer'];
  let consumedTo = t0;
  let pendingTrailer: 0 | 1 | 2 = 0;
  if (avail >= 2 && buf[t0] === CR && buf[t0 + 1] === LF) {
    trailer = 'crlf';
    consumedTo = t0 + 2;
  } else if (avail === 0 || (avail === 1 && buf[t0] === CR)) {
    // The input ends inside (or right before) the trailer.
    if (!final && o.requireCrlf) return NEED;
    if (final) {
      trailer = 'missing';
      consumedTo = end; // a lone CR at the very end belongs to this frame
    } else {
      // Answer now: a device without CRLF that waits for its 9014 would otherwise stall (digest A.12).
      trailer = 'unknown';
      consumedTo = end;
      pendingTrailer = avail === 0 ? 2 : 1;
    }
  } else {
    trailer = 'missing';
  }
  if (trailer === 'missing') {
    if (o.requireCrlf) return fail(hjIssue('missing_crlf', excerpt(buf, t0, Math.min(end, t0 + 8))));
    warnings = [...warnings, hjIssue('missing_crlf')];
  }
  const bytes = buf.slice(segStart, segEnd);
  const frame: Frame = {
    segment: fromUtf8(bytes),
    bytes,
    declaredLength: declared,
    crc: String.fromCharCode(...buf.subarray(segEnd, t0)),
    trailer,
    warnings,
  };
  return { kind: 'frame', frame, consumed: consumedTo - start, pendingTrailer };
}

function hasNonAscii(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] >= 0x80) return true;
  return false;
}

/**
 * Byte offset where `units` UTF-16 code units of UTF-8 text starting at `from` end (Java/C# String.length
 * counts UTF-16 units; a 4-byte sequence is 2 units). -1: the available bytes run out first; -2: it would
 * take more than `maxBytes` bytes.
 */
function utf16End(buf: Uint8Array, from: number, end: number, units: number, maxBytes: number): number {
  const limit = from + maxBytes;
  let i = from;
  let n = 0;
  while (n < units) {
    if (i >= limit) return -2;
    if (i >= end) return -1;
    const b = buf[i];
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    i += len;
    n += len === 4 ? 2 : 1;
  }
  if (i > limit) return -2;
  return i > end ? -1 : i;
}
