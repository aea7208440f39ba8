/**
 * Normalisation of a plan text before parsing, every step keeping the map to the original offsets:
 * 1. line endings, BOM, zero-width and control characters;
 * 2. traditional → simplified (`to-simplified.ts`);
 * 3. full-width digits and letters → ASCII; ASCII punctuation in Chinese text → Chinese punctuation
 *    (`,` → `，`, `(` → `（`, `:` → `：`), thousands separators removed;
 * 4. a document on one (very long) line: spaces that separate paragraphs become line breaks;
 * 5. spaces inside numbers and between Chinese characters (PDF extraction: `到 2025 年`) removed;
 * 6. headings glued inside long lines moved to their own line (`resplit.ts`);
 * 7. lines hard-wrapped in the middle of a sentence joined again.
 */
import { identity, insertBefore, replaceAll, type MappedText } from './text-map.ts';
import { resplitHeadings } from './resplit.ts';
import { toSimplified } from './to-simplified.ts';

export interface NormalizedText {
  mapped: MappedText;
  script: 'simplified' | 'traditional';
  /** CJK characters changed by the traditional → simplified conversion. */
  convertedChars: number;
  /** Line breaks inserted to re-split glued paragraphs (one-line documents). */
  insertedBreaks: number;
  /** Length of the longest original line (a one-line document has one huge line). */
  longestLine: number;
}

const ONE_LINE = 1500;
/** What starts a paragraph: a heading marker, a unit label line, a preamble (`为深入贯彻…`), a date. */
const PARAGRAPH_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|(?:牵头|配合|责任)(?:单位|部门)[：:]|为(?:深入|全面|进一步|贯彻|加快|认真|积极|切实|扎实|推动|落实)|\d{4}年\d{1,2}月\d{1,2}日)/;
/** More than one space per this many characters of a long line: the spaces are PDF line wraps. */
const WRAP_DENSITY = 120;
const HALF_WIDTH: Record<string, string> = { '％': '%', '．': '.', '＋': '+', '－': '-', '／': '/', '～': '~', '＝': '=', '＜': '<', '＞': '>', '–': '-', '\u3000': ' ', '\u00a0': ' ' };
const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ':': '：', ';': '；', ',': '，', '!': '！', '?': '？', '[': '［', ']': '］' };
const CJK_CHAR = /[\u4e00-\u9fff\u3400-\u4dbf]/;

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&#160;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&ldquo;': '“', '&rdquo;': '”', '&mdash;': '—' };

function stepInvisible(mt: MappedText): MappedText {
  let out = replaceAll(mt, /\r\n?/g, () => '\n');
  // Text scraped from web pages keeps some HTML entities and line-break tags.
  out = replaceAll(out, /&(nbsp|#160|amp|lt|gt|quot|ldquo|rdquo|mdash);/g, (m) => ENTITIES[m[0]]);
  out = replaceAll(out, /<br\s*\/?>|<\/p>/gi, () => '\n');
  out = replaceAll(out, /[\ufeff\u200b-\u200d\u2060\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, () => '');
  return out;
}

function stepWidth(mt: MappedText): MappedText {
  let out = replaceAll(mt, /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．＋－／～＝＜＞–\u3000\u00a0]/g, (m) => {
    const c = m[0];
    return HALF_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
  out = replaceAll(out, /(\d),(?=\d{3}(?!\d))/g, (m) => m[1]);
  out = replaceAll(out, /[(),:;,!?[\]]/g, (m) => {
    const t = m.input;
    const prev = t[m.index - 1] ?? '';
    const next = t[m.index + 1] ?? '';
    if (m[0] === ':' && /\d/.test(prev) && /\d/.test(next)) return m[0]; // 14:00
    if (/^[:;,!?]$/.test(m[0]) && /[A-Za-z/]/.test(next)) return m[0]; // URLs, `github:owner`
    return FULL_WIDTH[m[0]];
  });
  return out;
}

/** In very long lines, spaces after a sentence end or between Chinese characters separate paragraphs. */
function stepOneLine(mt: MappedText): MappedText {
  const t = mt.text;
  const positions: number[] = [];
  let start = 0;
  while (start < t.length) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    if (end - start > ONE_LINE) {
      const re = /[ \t]+/g;
      re.lastIndex = start;
      const found: Array<{ at: number; afterStop: boolean }> = [];
      for (let m = re.exec(t); m && m.index < end; m = re.exec(t)) {
        const prev = t[m.index - 1] ?? '';
        const after = t.slice(m.index + m[0].length, m.index + m[0].length + 12);
        const afterStop = /[。：；！？）」”]/.test(prev) || PARAGRAPH_START.test(after);
        const prevOk = CJK_CHAR.test(prev) || afterStop;
        const nextOk = CJK_CHAR.test(after[0] ?? '') || /^\d{4}年\d{1,2}月\d{1,2}日/.test(after) || /^[（(][一二三四五六七八九十\d]{1,3}[）)]/.test(after);
        if (prevOk && nextOk) found.push({ at: m.index + m[0].length, afterStop });
      }
      // Many spaces mean PDF line wraps (`思 想为指导`), not paragraph breaks: keep only those after a stop;
      // headings are re-split later.
      const wraps = found.length > (end - start) / WRAP_DENSITY;
      for (const f of found) if (!wraps || f.afterStop) positions.push(f.at);
    }
    start = end + 1;
  }
  return insertBefore(mt, positions, '\n');
}

function stepSpaces(mt: MappedText): MappedText {
  let out = replaceAll(mt, /[ \t]+/g, (m) => {
    const prev = m.input[m.index - 1] ?? '\n';
    const next = m.input[m.index + m[0].length] ?? '\n';
    if (prev === '\n' || next === '\n') return '';
    return /[A-Za-z]/.test(prev) && /[A-Za-z]/.test(next) ? ' ' : '';
  });
  out = replaceAll(out, /\n{3,}/g, () => '\n\n');
  return out;
}

const HEADING_START = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]+[章节部])/;
const NO_WRAP_END = /[。！？；：）)］】」》.…]$/;

/** Joins a line to the next when it was evidently cut in the middle of a sentence. */
function stepHardWraps(mt: MappedText): MappedText {
  const lines = mt.text.split('\n');
  const joins: number[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    offset += line.length + 1;
    if (line.length < 25 || next.length === 0 || NO_WRAP_END.test(line)) continue;
    if (HEADING_START.test(next) || /^[—-]{2}/.test(next) || !(CJK_CHAR.test(next[0]) || /^[“《（(]/.test(next))) continue;
    if (/(方案|计划|意见|通知|规划|纲要)[》）)]?$/.test(line) || /[|｜>]/.test(line)) continue;
    joins.push(offset - 1);
  }
  if (!joins.length) return mt;
  const set = new Set(joins);
  return replaceAll(mt, /\n/g, (m) => (set.has(m.index) ? '' : '\n'));
}

/** Runs the whole normalisation. */
export function normalizePlanText(text: string): NormalizedText {
  let longestLine = 0;
  for (const line of text.split(/\r\n?|\n/)) longestLine = Math.max(longestLine, line.length);
  let mt = stepInvisible(identity(text));
  const simp = toSimplified(mt);
  mt = stepWidth(simp.mapped);
  mt = stepOneLine(mt);
  mt = stepSpaces(mt);
  const re = resplitHeadings(mt);
  mt = stepHardWraps(re.mapped);
  return { mapped: mt, script: simp.script, convertedChars: simp.changed, insertedBreaks: re.inserted, longestLine };
}
