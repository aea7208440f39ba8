/**
 * Paragraphs and the heading outline of a Chinese government document: `一、` (level 1), `（一）`
 * (level 2), `1.` / `1、` / `1．` / bare `1` before text (level 3, bare numbers only in sequence),
 * `（1）` / `①` (level 4). A heading line often carries its body after the first `。`
 * (`（一）能源绿色低碳转型行动。能源是…`); the title is the part before it.
 */
import { chineseNumeralValue } from './numbers.ts';

export interface Paragraph {
  index: number;
  /** Range in the normalised text. */
  start: number;
  end: number;
  text: string;
}

export type Level = 1 | 2 | 3 | 4;

export interface Heading {
  level: Level;
  /** Marker as written: `一、`, `（一）`, `1.`, `1`. */
  marker: string;
  n: number;
  title: string;
  /** Offset in the paragraph where the body text after the title starts (= text length if none). */
  bodyStart: number;
}

export interface OutlineNode {
  level: 0 | Level;
  heading: Heading | null;
  /** Paragraph of the heading (-1 for the root). */
  para: number;
  /** Paragraphs that belong directly to this node (the heading paragraph included). */
  paras: number[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

/** Splits the normalised text into non-empty lines (paragraphs), trimmed. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ index: out.length, start: pos + lead, end: pos + lead + trimmed.length, text: trimmed });
    pos = end + 1;
  }
  return out;
}

const CN = '[一二三四五六七八九十]{1,3}';
const L1 = new RegExp(`^(${CN})[、.．]\\s*`);
const L2 = new RegExp(`^[（(](${CN})[）)]\\s*`);
const L3 = /^(\d{1,2})[.．、](?!\d)\s*/;
const L3_BARE = /^(\d{1,2})(?=[\u4e00-\u9fff])/;
const L4 = /^(?:[（(](\d{1,2})[）)]|(\d{1,2})[）)](?!\d)|([①-⑳]))\s*/;
const TITLE_MAX = 40;

/** Title of a heading line or of an un-numbered task paragraph: the first sentence, shortened if long. */
export function titleOf(text: string): { title: string; bodyStart: number } {
  const stop = text.search(/[。！？]/);
  const head = (stop >= 0 ? text.slice(0, stop) : text).replace(/[；：，]$/, '').trim();
  const bodyStart = stop >= 0 ? stop + 1 : text.length;
  if (head.length <= TITLE_MAX) return { title: head, bodyStart };
  // A long first sentence is body text, not a title: name the task by its first clause.
  const clause = head.split(/[，；：]/)[0];
  return { title: clause.length <= TITLE_MAX ? clause : `${clause.slice(0, TITLE_MAX)}…`, bodyStart: 0 };
}

/**
 * Reads the heading at the start of a line, or null. `lastL3` is the number of the previous level-3
 * heading: a bare number (`1强化…`) only counts when it continues that numbering.
 */
export function readHeading(line: string, lastL3 = 0): Heading | null {
  let m: RegExpExecArray | null;
  let level: Level;
  let n: number;
  if ((m = L1.exec(line))) {
    level = 1;
    n = chineseNumeralValue(m[1]);
  } else if ((m = L2.exec(line))) {
    level = 2;
    n = chineseNumeralValue(m[1]);
  } else if ((m = L3.exec(line))) {
    level = 3;
    n = Number(m[1]);
  } else if ((m = L3_BARE.exec(line)) && (Number(m[1]) === lastL3 + 1 || Number(m[1]) === 1) && !/^\d+[年月日号个%]/.test(line)) {
    level = 3;
    n = Number(m[1]);
  } else if ((m = L4.exec(line))) {
    level = 4;
    n = m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : m[3].charCodeAt(0) - 0x245f;
  } else return null;
  // `（一）、能源…`: punctuation after the marker is not part of the title.
  const lead = /^[、.．:：\s]*/.exec(line.slice(m[0].length))![0].length;
  const rest = line.slice(m[0].length + lead);
  if (!rest.trim()) return null;
  const t = titleOf(rest);
  return { level, marker: m[0].trim(), n, title: t.title, bodyStart: m[0].length + lead + t.bodyStart };
}

/** Builds the outline tree of the paragraphs. */
export function buildOutline(paras: Paragraph[]): OutlineNode {
  const root: OutlineNode = { level: 0, heading: null, para: -1, paras: [], children: [], parent: null };
  const stack: OutlineNode[] = [root];
  let lastL3 = 0;
  for (const p of paras) {
    const h = readHeading(p.text, lastL3);
    if (!h) {
      stack[stack.length - 1].paras.push(p.index);
      continue;
    }
    if (h.level === 3) lastL3 = h.n;
    while (stack.length > 1 && (stack[stack.length - 1].level as number) >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    const node: OutlineNode = { level: h.level, heading: h, para: p.index, paras: [p.index], children: [], parent };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/** Every node of the tree in document order (root excluded). */
export function walk(node: OutlineNode, out: OutlineNode[] = []): OutlineNode[] {
  for (const c of node.children) {
    out.push(c);
    walk(c, out);
  }
  return out;
}

/** All paragraphs of a node and its descendants, in order. */
export function subtreeParas(node: OutlineNode): number[] {
  const out = [...node.paras];
  for (const c of node.children) out.push(...subtreeParas(c));
  return out.sort((a, b) => a - b);
}

/** `一、主要目标 > （一）…` path of a node. */
export function pathOf(node: OutlineNode | null): string {
  const parts: string[] = [];
  for (let n = node; n && n.heading; n = n.parent) parts.unshift(`${n.heading.marker}${n.heading.title}`);
  return parts.join(' > ');
}
