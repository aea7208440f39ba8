/**
 * Quantities in a clause: a number (or a range `3-5`), its unit (`万千瓦`, `%`, `亿立方米`, `个`…), and
 * the qualifier words around it (`不低于`, `控制在…以内`, `左右`, `以上`). Numbers that are not quantities
 * are skipped: years (`2025年`), dates, document numbers (`〔2021〕23号`), ordinals (`第51次`), ratings
 * (`30万千瓦级`), voltages (`110千伏`), anything inside 《》 or 〔〕.
 */
import { readMeasureUnit, RATIO_UNIT, type MeasureUnit } from '../measures.ts';
import type { Qualifier } from '../types.ts';

export interface Quantity {
  /** Range of the number and unit (and the range end) in the clause. */
  start: number;
  end: number;
  /** End including a trailing qualifier (`左右`, `以上`…). */
  endWithQualifier: number;
  /** Start including a leading comparator (`不低于`, `控制在`, `超过`…). */
  startWithQualifier: number;
  value: number;
  valueMax: number | null;
  valueText: string;
  unit: MeasureUnit;
  qualifier: Qualifier;
  qualifierText: string;
  /** Set for `翻一番` / `翻两番`. */
  doubling: boolean;
}

const BEFORE: Array<[string, Qualifier]> = [
  ['不低于', 'not_less_than'], ['不少于', 'not_less_than'], ['不小于', 'not_less_than'],
  ['不超过', 'not_more_than'], ['不高于', 'not_more_than'], ['不大于', 'not_more_than'], ['不多于', 'not_more_than'],
  ['控制在', 'within'], ['低于', 'less_than'], ['高于', 'more_than'], ['超过', 'more_than'], ['突破', 'more_than'], ['多于', 'more_than'],
  ['超', 'more_than'],
];
const AFTER: Array<[string, Qualifier]> = [
  ['及以上', 'or_more'], ['以上', 'or_more'], ['及以下', 'or_less'], ['以下', 'or_less'], ['以内', 'within'], ['之内', 'within'],
  ['左右', 'about'], ['上下', 'about'],
];
/** A number followed by one of these is not a target quantity (a rating, an ordinal, a year…). */
const NOT_AFTER = /^(级|型|号|次|届|期|版|代|类|档|周年|年|月|日|伏|千伏|kV|G\b|G[^a-zA-Z]|大|项目)/;
const NUMBER = /(\d+(?:\.\d+)?)/g;
const RANGE = /^([-~—至到])(\d+(?:\.\d+)?)/;

/** True inside 《》, 〔〕, ［］ or a parenthetical note (`（可再生能源电量比例原则上不低于50%）`). */
function insideBrackets(text: string, at: number): boolean {
  let book = 0;
  let doc = 0;
  let paren = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '《') book++;
    else if (c === '》') book = Math.max(0, book - 1);
    else if (c === '〔' || c === '［') doc++;
    else if (c === '〕' || c === '］') doc = Math.max(0, doc - 1);
    else if (c === '（' || c === '(') paren++;
    else if (c === '）' || c === ')') paren = Math.max(0, paren - 1);
  }
  return book > 0 || doc > 0 || paren > 0;
}

function qualifierBefore(text: string, start: number): { q: Qualifier; text: string; at: number } | null {
  let s = start;
  const approx = text[s - 1] === '约' || text[s - 1] === '近';
  if (approx) s--;
  for (const [w, q] of BEFORE) if (text.slice(s - w.length, s) === w) return { q, text: w, at: s - w.length };
  return approx ? { q: 'about', text: text[s], at: s } : null;
}

function qualifierAfter(text: string, end: number): { q: Qualifier; text: string } | null {
  for (const [w, q] of AFTER) if (text.startsWith(w, end)) return { q, text: w };
  return null;
}

/** Finds the quantities of a clause, in order. */
export function scanQuantities(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(/翻(一|两|二|三)?番/g)) {
    const times = m[1] === '两' || m[1] === '二' ? 2 : m[1] === '三' ? 3 : 1;
    const value = (2 ** times - 1) * 100;
    out.push({ start: m.index, end: m.index + m[0].length, endWithQualifier: m.index + m[0].length, startWithQualifier: m.index,
      value, valueMax: null, valueText: m[0], unit: { symbol: '%', dimension: 'percent', factor: 1 }, qualifier: 'exact', qualifierText: '', doubling: true });
  }
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(clause); m; m = NUMBER.exec(clause)) {
    const start = m.index;
    const prev = clause[start - 1] ?? '';
    if (/[A-Za-z第〔.]/.test(prev) || insideBrackets(clause, start)) continue;
    let pos = start + m[1].length;
    let unit: MeasureUnit | null = null;
    let valueMax: number | null = null;
    const u1 = readMeasureUnit(clause, pos);
    if (u1) {
      unit = u1.unit;
      pos += u1.length;
    }
    const r = RANGE.exec(clause.slice(pos));
    if (r && !/^\d{4}$/.test(r[2])) {
      const u2 = readMeasureUnit(clause, pos + r[0].length);
      if (!unit || (u2 && u2.unit.symbol === unit.symbol)) {
        valueMax = Number(r[2]);
        pos += r[0].length;
        if (u2) {
          unit = u2.unit;
          pos += u2.length;
        }
      }
    }
    NUMBER.lastIndex = pos;
    if (NOT_AFTER.test(clause.slice(pos))) continue;
    const before = qualifierBefore(clause, start);
    if (!unit) {
      // A bare number is a ratio (PUE 1.3) only right after a comparator or a verb of attainment.
      const verb = /(达到|降至|降到|提升至|提高到|不高于|不超过|不大于|低于|控制在)$/.test(clause.slice(Math.max(0, start - 4), start));
      if (!(before || verb) || Number(m[1]) >= 10 || /^[\u4e00-\u9fff]/.test(clause.slice(pos).replace(/^(以下|以内|左右|以上)/, '，'))) continue;
      unit = RATIO_UNIT;
    }
    const after = qualifierAfter(clause, pos);
    let qualifier: Qualifier = after?.q ?? before?.q ?? 'exact';
    let qualifierText = [before?.text, after?.text].filter(Boolean).join('…');
    if (before?.text === '控制在' && !after) {
      qualifier = 'not_more_than';
      qualifierText = '控制在';
    }
    if (before?.text === '超' && after) qualifierText = after.text;
    out.push({
      start, end: pos, endWithQualifier: pos + (after?.text.length ?? 0), startWithQualifier: before?.at ?? start,
      value: Number(m[1]), valueMax, valueText: clause.slice(start, pos - (unit.symbol.length)), unit, qualifier, qualifierText, doubling: false,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
