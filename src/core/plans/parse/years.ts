/**
 * Year and period markers in a clause and what they mean:
 * - target year (`到2025年`, `2030年前`, `2025年底`, `“十四五”末`);
 * - five-year period (`“十四五”期间` → 2021–2025, target year 2025; `十五五` → 2030; `十六五` → 2035);
 * - base year (`比2020年`, `较2020年`, `在2020年基础上`, `由2020年的17.6%`);
 * - start year (`2022年起`) and dates (`2023年5月26日`), which are not target years.
 * A strength word just before a target-year marker (`力争到2025年`) is reported with it.
 */
import type { Strength } from '../types.ts';
import { fiveYearPlan } from './numbers.ts';

export type YearMarkerKind = 'by' | 'period' | 'base' | 'from' | 'date';

export interface YearMarker {
  kind: YearMarkerKind;
  start: number;
  end: number;
  /** Target year (`by`, `period` end), base year or start year. */
  year: number;
  /** For a period: its first year. */
  from: number | null;
  strength: Strength | null;
  strengthText: string;
}

const YEAR = /(20\d{2}|19\d{2})年(底|末|前|之前|以前|起|开始|以来|基础上)?/g;
const PERIOD = /[“"]?(十[一二三四五六七八九]五|[一二三四五六七八九]五)[”"]?(期间|时期|末|时段|中后期|前期|后期)?/g;
const YEAR_SPAN = /(20\d{2})[—\-~至到](20\d{2})年/g;

/** Reads a strength word (力争/争取/努力/确保…) ending right before `at`, skipping 到/至/在. */
export function strengthBefore(text: string, at: number): { strength: Strength; text: string } | null {
  const head = text.slice(Math.max(0, at - 6), at).replace(/(到|至|在|于)$/, '');
  const m = /(力争|争取|努力|力求|确保|务必|保证)$/.exec(head);
  if (!m) return null;
  return { strength: /确保|务必|保证/.test(m[1]) ? 'ensure' : 'strive', text: m[1] };
}

function insideBook(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.indexOf('》', open) >= at;
}

/** All year markers of a text, in order. */
export function scanYears(text: string): YearMarker[] {
  const out: YearMarker[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(YEAR_SPAN)) {
    if (insideBook(text, m.index)) continue;
    const st = strengthBefore(text, m.index);
    out.push({ kind: 'period', start: m.index, end: m.index + m[0].length, year: Number(m[2]), from: Number(m[1]),
      strength: st?.strength ?? null, strengthText: st?.text ?? '' });
    spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index;
    if (spans.some(([s, e]) => start >= s && start < e) || insideBook(text, start)) continue;
    const end = start + m[0].length;
    const year = Number(m[1]);
    const suffix = m[2] ?? '';
    const before = text.slice(Math.max(0, start - 4), start);
    let kind: YearMarkerKind = 'by';
    if (/^\d{1,2}月/.test(text.slice(end))) kind = 'date';
    else if (/(起|开始|以来)/.test(suffix)) kind = 'from';
    else if (/(比|较|相比|对比|相对于?|由|从|同)$/.test(before) || (suffix === '基础上' && /在$/.test(before))) kind = 'base';
    else if (/^的/.test(text.slice(end)) && /(由|从)/.test(before)) kind = 'base';
    else if (/^(相比|比较)/.test(text.slice(end)) && /与$/.test(before)) kind = 'base';
    const st = kind === 'by' ? strengthBefore(text, start) : null;
    out.push({ kind, start, end, year, from: null, strength: st?.strength ?? null, strengthText: st?.text ?? '' });
  }
  for (const m of text.matchAll(PERIOD)) {
    const plan = fiveYearPlan(m[1]);
    if (!plan || insideBook(text, m.index)) continue;
    // `十五` alone is not a plan name; require the quotes or a period word.
    if (!m[2] && !/[“"]/.test(m[0])) continue;
    const st = strengthBefore(text, m.index);
    const isEnd = m[2] === '末' || m[2] === '后期';
    out.push({ kind: isEnd ? 'by' : 'period', start: m.index, end: m.index + m[0].length, year: plan.to, from: isEnd ? null : plan.from,
      strength: st?.strength ?? null, strengthText: st?.text ?? '' });
  }
  out.sort((a, b) => a.start - b.start);
  // `“十四五”和“十五五”期间`: two adjacent periods make one (2021–2030).
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i - 1];
    const b = out[i];
    if (a.kind === 'by' && a.from === null && /^[“"]?十/.test(text.slice(a.start, a.end)) && b.kind === 'period' && /^[”"]?(和|、|至|到|—)[“"]?$/.test(text.slice(a.end, b.start))) {
      b.from = a.year - 4;
      b.start = a.start;
      out.splice(i - 1, 1);
    } else if (a.kind === 'period' && b.kind === 'period' && /^[”"]?(和|、|至|到|—)[“"]?$/.test(text.slice(a.end, b.start))) {
      b.from = a.from;
      b.start = a.start;
      out.splice(i - 1, 1);
    }
  }
  return out;
}
