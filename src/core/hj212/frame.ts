/**
 * HJ 212 framing over a byte stream: `FrameSplitter` (fed TCP chunks as they arrive), `decodeFrame` (one
 * complete frame) and `encodeFrame`. No I/O: the listener owns the socket and feeds bytes in.
 *
 * Memory: after each push the splitter keeps at most one incomplete frame (≤ maxSegmentBytes + 12 bytes);
 * junk and failed candidates are dropped as soon as they are recognised, so a hostile stream cannot make it
 * grow. CPU: a failed candidate costs at most one CRC over maxSegmentBytes; `maxConsecutiveErrors` makes
 * the splitter give up on a connection that produces nothing but errors (a crafted stream can otherwise
 * force that CRC for every `##`).
 */
import { HASH, CR, LF, excerpt, utf8 } from './bytes.ts';
import { crc16Hj212, crcHex } from './crc.ts';
import {
  attemptFrame, resolveFrameOptions, MAX_SEGMENT_BYTES,
  type Frame, type FrameOptions, type ResolvedFrameOptions,
} from './frame-check.ts';
import { encodeError, hjIssue, type Hj212Issue, type Result } from './issues.ts';

export { MAX_SEGMENT_BYTES, type Frame, type FrameOptions } from './frame-check.ts';

export interface SplitterOptions extends FrameOptions {
  /** When more than this many framing errors come in a row (no valid frame between), emit a fatal error
   * and discard all further input; the listener should close the connection. Default 32; Infinity disables. */
  maxConsecutiveErrors?: number;
}

export type SplitEvent =
  /** `offset`: stream position of the frame's `##` */
  | { type: 'frame'; frame: Frame; offset: number }
  /** a candidate `##` that is not a valid frame; `fatal` once maxConsecutiveErrors is exceeded */
  | { type: 'error'; issue: Hj212Issue; offset: number; excerpt: string; fatal: boolean }
  /** bytes discarded while looking for `##` (between frames, or the rest of a failed frame) */
  | { type: 'junk'; offset: number; bytes: number; excerpt: string };

export interface SplitterStats {
  bytesIn: number;
  frames: number;
  errors: number;
  junkBytes: number;
}

const INITIAL_ALLOCATION = 2048;

export class FrameSplitter {
  /** the most bytes ever kept between pushes: the largest frame, CRLF included */
  readonly capacity: number;
  readonly stats: SplitterStats = { bytesIn: 0, frames: 0, errors: 0, junkBytes: 0 };
  private readonly opts: ResolvedFrameOptions;
  private readonly maxErrors: number;
  private buf = new Uint8Array(0);
  private len = 0;
  /** stream offset of buf[0] */
  private base = 0;
  /** CRLF bytes still expected after a frame emitted before its trailer arrived */
  private pendingTrailer = 0;
  private errorsInRow = 0;
  private dead = false;

  constructor(options: SplitterOptions = {}) {
    this.opts = resolveFrameOptions(options);
    this.maxErrors = options.maxConsecutiveErrors ?? 32;
    this.capacity = this.opts.maxSegmentBytes + 12;
  }

  /** Bytes held for an incomplete frame. */
  get bufferedBytes(): number {
    return this.len;
  }

  /** Size of the internal allocation (for memory tests and metrics). */
  get allocatedBytes(): number {
    return this.buf.length;
  }

  /** True after a fatal error: all further input is discarded. */
  get closed(): boolean {
    return this.dead;
  }

  /** Feed the next chunk; returns the frames, errors and junk it completes, in stream order. */
  push(chunk: Uint8Array): SplitEvent[] {
    this.stats.bytesIn += chunk.length;
    if (this.dead) return [];
    this.append(chunk);
    const events: SplitEvent[] = [];
    this.drain(events, false);
    return events;
  }

  /** The stream ended: report an incomplete frame (truncated) and leftover junk, then reset. */
  end(): SplitEvent[] {
    const events: SplitEvent[] = [];
    if (!this.dead) this.drain(events, true);
    this.base += this.len;
    this.len = 0;
    this.pendingTrailer = 0;
    this.buf = new Uint8Array(0);
    return events;
  }

  private append(chunk: Uint8Array): void {
    const need = this.len + chunk.length;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2, INITIAL_ALLOCATION));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len = need;
  }

  private drain(events: SplitEvent[], final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    while (pos < this.len && !this.dead) {
      if (this.pendingTrailer > 0) {
        const expected = this.pendingTrailer === 2 ? CR : LF;
        if (buf[pos] === expected) {
          pos++;
          this.pendingTrailer--;
          continue;
        }
        this.pendingTrailer = 0;
      }
      const at = findHeader(buf, pos, this.len);
      if (at < 0) {
        // A last lone '#' may be the first half of the next "##".
        const keep = !final && buf[this.len - 1] === HASH ? 1 : 0;
        this.junk(events, pos, this.len - keep);
        pos = this.len - keep;
        break;
      }
      this.junk(events, pos, at);
      pos = at;
      const a = attemptFrame(buf, pos, this.len, this.opts, final);
      if (a.kind === 'need') break;
      if (a.kind === 'frame') {
        events.push({ type: 'frame', frame: a.frame, offset: this.base + pos });
        this.stats.frames++;
        this.errorsInRow = 0;
        this.pendingTrailer = a.pendingTrailer;
        pos += a.consumed;
        continue;
      }
      this.stats.errors++;
      this.errorsInRow++;
      const fatal = this.errorsInRow > this.maxErrors;
      events.push({ type: 'error', issue: a.issue, offset: this.base + pos, excerpt: excerpt(buf, pos, this.len), fatal: false });
      pos += a.consumed;
      if (fatal) {
        events.push({ type: 'error', issue: hjIssue('too_many_errors', String(this.errorsInRow)), offset: this.base + pos, excerpt: '', fatal: true });
        this.dead = true;
        pos = this.len;
      }
    }
    this.compact(pos);
  }

  private junk(events: SplitEvent[], from: number, to: number): void {
    if (to <= from) return;
    events.push({ type: 'junk', offset: this.base + from, bytes: to - from, excerpt: excerpt(this.buf, from, to) });
    this.stats.junkBytes += to - from;
  }

  /** Drop consumed bytes; give a large transient allocation (a big chunk) back once it is no longer needed. */
  private compact(pos: number): void {
    const rest = this.len - pos;
    if (this.buf.length > 2 * this.capacity && rest <= this.capacity) {
      const small = new Uint8Array(Math.max(rest, INITIAL_ALLOCATION));
      small.set(this.buf.subarray(pos, this.len));
      this.buf = small;
    } else if (pos > 0) {
      this.buf.copyWithin(0, pos, this.len);
    }
    this.base += pos;
    this.len = rest;
  }
}

function findHeader(buf: Uint8Array, from: number, end: number): number {
  const view = buf.subarray(0, end); // the allocation may hold stale bytes past `end`
  let i = view.indexOf(HASH, from);
  while (i >= 0 && i + 1 < end) {
    if (view[i + 1] === HASH) return i;
    i = view.indexOf(HASH, i + 1);
  }
  return -1;
}

/**
 * Decodes exactly one frame (CRLF optional unless `requireCrlf`). For inputs that are already delimited,
 * such as test vectors or HTTP batches; TCP input goes through FrameSplitter.
 */
export function decodeFrame(input: string | Uint8Array, options: FrameOptions = {}): Result<Frame> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  if (bytes.length < 2 || bytes[0] !== HASH || bytes[1] !== HASH) {
    return { ok: false, errors: [hjIssue('not_a_frame', excerpt(bytes, 0, bytes.length))] };
  }
  const a = attemptFrame(bytes, 0, bytes.length, resolveFrameOptions(options), true);
  if (a.kind === 'error') return { ok: false, errors: [a.issue] };
  if (a.kind === 'need') return { ok: false, errors: [hjIssue('truncated')] }; // unreachable with final=true
  if (a.consumed < bytes.length) {
    return { ok: false, errors: [hjIssue('trailing_bytes', excerpt(bytes, a.consumed, bytes.length))] };
  }
  return { ok: true, value: a.frame };
}

/** `##` + 4-digit UTF-8 byte length + segment + CRC (`%04X`) + CRLF. Throws when the segment is too long. */
export function encodeFrame(segment: string): string {
  const bytes = utf8(segment);
  if (bytes.length > MAX_SEGMENT_BYTES) {
    throw encodeError('segment', `长度 ${bytes.length} 超过 ${MAX_SEGMENT_BYTES} 字节`, `${bytes.length} bytes exceeds ${MAX_SEGMENT_BYTES}`);
  }
  return `##${String(bytes.length).padStart(4, '0')}${segment}${crcHex(crc16Hj212(bytes))}\r\n`;
}
