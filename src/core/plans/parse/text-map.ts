/**
 * Text with a map back to the original: every normalisation step (traditional → simplified, full-width
 * digits, removed spaces, inserted line breaks) keeps, for each output character, the range of original
 * characters it came from. Spans found in the normalised text are mapped back with `toOriginal`.
 */
import type { Span } from '../types.ts';

export interface MappedText {
  readonly text: string;
  /** For each character of `text`: start of its source range in the original text. */
  readonly origStart: Int32Array;
  /** For each character of `text`: end (exclusive) of its source range in the original text. */
  readonly origEnd: Int32Array;
  /** Length of the original text. */
  readonly origLength: number;
}

/** A piece of output text produced from the range [from, to) of the input text. */
export interface Piece {
  out: string;
  from: number;
  to: number;
}

/** The identity map of an original text. */
export function identity(text: string): MappedText {
  const n = text.length;
  const origStart = new Int32Array(n);
  const origEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    origStart[i] = i;
    origEnd[i] = i + 1;
  }
  return { text, origStart, origEnd, origLength: n };
}

/**
 * Builds a new mapped text from pieces that cover the input in order. A piece whose output has the
 * same length as its input range maps character by character; otherwise every output character maps to
 * the whole range (an insertion, `from === to`, maps to the position `from`).
 */
export function rewrite(input: MappedText, pieces: Piece[]): MappedText {
  let total = 0;
  for (const p of pieces) total += p.out.length;
  const origStart = new Int32Array(total);
  const origEnd = new Int32Array(total);
  const startAt = (i: number) => (i < input.text.length ? input.origStart[i] : input.origLength);
  const endBefore = (i: number) => (i > 0 ? input.origEnd[i - 1] : 0);
  let k = 0;
  const parts: string[] = [];
  for (const p of pieces) {
    parts.push(p.out);
    const sameLength = p.out.length === p.to - p.from;
    for (let j = 0; j < p.out.length; j++, k++) {
      if (sameLength) {
        origStart[k] = input.origStart[p.from + j];
        origEnd[k] = input.origEnd[p.from + j];
      } else if (p.to > p.from) {
        origStart[k] = startAt(p.from);
        origEnd[k] = endBefore(p.to);
      } else {
        origStart[k] = startAt(p.from);
        origEnd[k] = startAt(p.from);
      }
    }
  }
  return { text: parts.join(''), origStart, origEnd, origLength: input.origLength };
}

/**
 * Replaces every match of a global regex; `replacer` returns the replacement text for a match
 * (return the match itself to keep it).
 */
export function replaceAll(input: MappedText, re: RegExp, replacer: (m: RegExpExecArray) => string): MappedText {
  if (!re.global) throw new Error('replaceAll needs a global regex');
  const pieces: Piece[] = [];
  let last = 0;
  re.lastIndex = 0;
  let changed = false;
  for (let m = re.exec(input.text); m; m = re.exec(input.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const out = replacer(m);
    if (out === m[0]) continue;
    changed = true;
    if (m.index > last) pieces.push({ out: input.text.slice(last, m.index), from: last, to: m.index });
    pieces.push({ out, from: m.index, to: m.index + m[0].length });
    last = m.index + m[0].length;
  }
  if (!changed) return input;
  if (last < input.text.length) pieces.push({ out: input.text.slice(last), from: last, to: input.text.length });
  return rewrite(input, pieces);
}

/** Inserts `insert` before each of the given positions (positions in the input text). */
export function insertBefore(input: MappedText, positions: Iterable<number>, insert: string): MappedText {
  const sorted = [...new Set(positions)].filter((p) => p >= 0 && p <= input.text.length).sort((a, b) => a - b);
  if (sorted.length === 0) return input;
  const pieces: Piece[] = [];
  let last = 0;
  for (const p of sorted) {
    if (p > last) pieces.push({ out: input.text.slice(last, p), from: last, to: p });
    pieces.push({ out: insert, from: p, to: p });
    last = p;
  }
  if (last < input.text.length) pieces.push({ out: input.text.slice(last), from: last, to: input.text.length });
  return rewrite(input, pieces);
}

/** Maps the range [start, end) of the mapped text to a span of the original text. */
export function toOriginal(mt: MappedText, start: number, end: number): Span {
  if (mt.text.length === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, mt.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, mt.text.length));
  if (end <= start) {
    const at = start < mt.text.length ? mt.origStart[s] : mt.origLength;
    return { start: at, end: at };
  }
  return { start: mt.origStart[s], end: Math.max(mt.origStart[s], mt.origEnd[e - 1]) };
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
