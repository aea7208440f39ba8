/**
 * Re-splits paragraphs that were glued together (a whole document on one line, or a PDF extraction that
 * lost its line breaks): a line break is inserted before a heading marker found inside a long line when
 * the marker continues the numbering (`二、` after `一、`, `（三）` after `（二）`, `4` after `3`) and stands
 * where a new paragraph can start (after `。`, after a closing bracket, or right after a short heading).
 */
import { insertBefore, type MappedText } from './text-map.ts';
import { chineseNumeralValue } from './numbers.ts';

const LONG_LINE = 300;
const CN = '[一二三四五六七八九十]{1,3}';
/** Candidates: L1 `一、`, L2 `（一）`, L3 `1.` / `1、` / bare `1` before a CJK character. */
const MARKER = new RegExp(`(${CN})、|[（(](${CN})[）)]|(\\d{1,2})(?:[.．、](?!\\d)|(?=[\\u4e00-\\u9fff]))`, 'g');
const SENTENCE_END = /[。；！？）)］\]】”]/;

interface State {
  l1: number;
  l2: number;
  l3: number;
  /** Offset of the last accepted L1 marker (an L2 may follow its short title without punctuation). */
  l1At: number;
}

function accept(level: 1 | 2 | 3, n: number, st: State): boolean {
  if (level === 1) return n === st.l1 + 1;
  if (level === 2) return n === st.l2 + 1 || n === 1;
  return n === st.l3 + 1 || n === 1;
}

function commit(level: 1 | 2 | 3, n: number, at: number, st: State): void {
  if (level === 1) Object.assign(st, { l1: n, l2: 0, l1At: at });
  else if (level === 2) st.l2 = n;
  else st.l3 = n;
}

/** Inserts line breaks before heading markers glued inside long lines; returns the text and the count. */
export function resplitHeadings(input: MappedText): { mapped: MappedText; inserted: number } {
  const text = input.text;
  const st: State = { l1: 0, l2: 0, l3: 0, l1At: -1000 };
  const breaks = new Set<number>();
  let lineStart = 0;
  let lineEnd = text.indexOf('\n');
  if (lineEnd < 0) lineEnd = text.length;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const at = m.index;
    while (at > lineEnd) {
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
    }
    if (/[\d.．]/.test(text[at - 1] ?? '')) continue;
    const level: 1 | 2 | 3 = m[1] ? 1 : m[2] ? 2 : 3;
    const n = m[3] ? Number(m[3]) : chineseNumeralValue(m[1] ?? m[2]);
    if (at === lineStart || /^\s*$/.test(text.slice(lineStart, at))) {
      // A marker that already starts a line: follow its numbering (bare numbers only when in sequence).
      const bare = level === 3 && !/[.．、]/.test(m[0]);
      if (!bare || accept(3, n, st)) commit(level, n, at, st);
      continue;
    }
    if (!accept(level, n, st)) continue;
    const prev = text[at - 1];
    // `一、总体要求（一）指导思想。`: a second-level marker right after a short first-level title.
    const afterL1Title = level === 2 && st.l1At >= lineStart && at - st.l1At <= 30 && !/[。；，]/.test(text.slice(st.l1At, at));
    if (!afterL1Title && (lineEnd - lineStart < LONG_LINE || !SENTENCE_END.test(prev))) continue;
    if (level === 3 && /^\d/.test(text.slice(at + m[0].length))) continue;
    breaks.add(at);
    commit(level, n, at, st);
  }
  if (breaks.size === 0) return { mapped: input, inserted: 0 };
  return { mapped: insertBefore(input, breaks, '\n'), inserted: breaks.size };
}
