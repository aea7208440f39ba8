/**
 * The subject (indicator phrase) of a target clause: cleaning (scope words, strength words, base-year
 * phrases, connectors) and coordination (`单位电石、甲醇生产综合能耗分别下降10%、6%` → two subjects,
 * `单位地区生产总值能耗和二氧化碳排放` → two indicators sharing `单位地区生产总值`).
 */
import { matchIndicator } from '../indicators.ts';
import { splitTopLevel } from './notation.ts';

const LEADING = /^(?:[，、；：。\s]|和|及|以及|并且?|且|同时|其中|另外|此外|使|让|推动|推进|确保|力争|争取|努力|力求|预计|计划|全面|基本|逐步|进一步|持续|累计|届时|要|将|实现|完成|开展|新建|新增|建成|培育)+/;
const SCOPE = /^(全国|全省|全市|全区|全县|全州|本省|本市|本区|本县|我省|我市|我区|全自治区|各地级市|各设区市|各地市|地级以上城市|新区|园区)/;
const TRAILING = /(的|均|要|将|需|必须|应|应当|分别|力争|争取|努力|确保|稳步|持续|进一步|逐步|大幅|明显|累计|年均|总体|全部|基本|由|从|，|、)+$/;
const BASE_PHRASE = /(比|较|相比|对比|相对于?|与|同)?(20\d{2}|19\d{2})年(底|末)?(基础上|的[\d.]+[%万亿千瓦吨立方米]*)?(相比|比较)?/g;

/** Cleans a subject phrase: removes base-year phrases, connectors, strength and scope words. */
export function cleanSubject(raw: string): string {
  let s = raw.replace(/[“”"'‘’]/g, '').replace(/（以下简称[^）]*）/g, '').replace(BASE_PHRASE, '').replace(/在$/, '');
  for (let i = 0; i < 3; i++) {
    s = s.replace(LEADING, '').replace(SCOPE, '').replace(TRAILING, '').trim();
  }
  return s;
}

/** Words that start the shared tail of coordinated subjects (`甲醇生产综合能耗`: tail starts at `生产`). */
const STARTERS = ['单位', '生产', '综合', '利用', '回收', '新能源', '占比', '比重', '比例', '碳排放', '二氧化碳', '能耗', '能源', '覆盖率',
  '产能', '装机', '消费', '使用', '产量', '排放', '建筑', '销量'];

function starterAt(s: string): number {
  let best = -1;
  for (const w of STARTERS) {
    const i = s.indexOf(w, 1);
    if (i > 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Expands coordinated parts with the shared head and tail: [`单位电石`, `甲醇生产综合能耗`] → both complete. */
function expand(parts: string[]): string[] {
  const last = parts[parts.length - 1];
  const tailAt = starterAt(last);
  const tail = tailAt > 0 ? last.slice(tailAt) : '';
  const head = /^(单位|全市|全区|全省|城镇|城市|规模以上|规上)/.exec(parts[0])?.[1] ?? '';
  return parts.map((p, i) => {
    let s = p;
    if (i < parts.length - 1 && tail && starterAt(s) < 0 && !s.endsWith(tail)) s += tail;
    if (i > 0 && head && !s.startsWith(head)) s = head + s;
    return s;
  });
}

/** Catalogue-guided: prefix a part with the head of the first part when that makes it a known indicator. */
function guided(parts: string[]): string[] {
  const first = parts[0];
  return parts.map((p, i) => {
    if (i === 0 || matchIndicator(p)) return p;
    for (let len = first.length - 1; len >= 2; len--) {
      const prefix = first.slice(0, len);
      const m = matchIndicator(prefix + p);
      if (m && !prefix.includes(m.synonym.split('…')[0])) return prefix + p;
    }
    return p;
  });
}

/**
 * Splits a coordinated subject. With `count` (the number of values, `分别…`), the subject is split into
 * that many parts when it has them; without, it is split only when every part names a catalogue indicator
 * and the whole does not. Returns [subject] when it should not be split.
 */
export function splitSubject(subject: string, count: number | null): string[] {
  if (count === null && matchIndicator(subject)?.synonym.includes('、')) return [subject];
  let parts = splitTopLevel(subject, '、').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || (count !== null && parts.length !== count)) {
    const alt = subject.split(/和|及|以及|与/).map((p) => p.trim()).filter(Boolean);
    if (count === null || alt.length === count) parts = alt;
  }
  if (parts.length < 2) return [subject];
  if (count !== null) {
    if (parts.length !== count) return [subject];
    const g = guided(parts);
    return g.every((p) => matchIndicator(p)) ? g : expand(parts);
  }
  const candidates = [expand(parts), guided(parts)];
  for (const c of candidates) {
    const codes = c.map((p) => matchIndicator(p)?.indicator.code);
    // Parts naming the same indicator (`化肥、农药利用率`) stay one subject.
    if (codes.every(Boolean) && new Set(codes).size === codes.length) return c;
  }
  return [subject];
}

/** A subject that names no indicator by itself (`比重达到20%左右` after `非化石能源消费比例逐步提升`). */
export const GENERIC_SUBJECT = /^(比重|比例|占比|水平|规模|总量|能力|数量|其中)$/;

/** Completes a generic subject from the clause before: its noun phrase before the trend verb. */
export function completeGeneric(subject: string, previousClause: string): string | null {
  const m = /^(.+?)(逐步|稳步|持续|进一步|不断|明显|大幅|显著)?(提升|提高|下降|降低|增长|增加|优化|扩大)/.exec(previousClause);
  if (!m) return null;
  const head = cleanSubject(m[1]);
  if (!head) return null;
  // `光伏装机逐步扩大，规模达到…` → 光伏装机规模; `非化石能源消费比例逐步提升，比重达到…` → 非化石能源消费比例.
  const joined = /(比重|比例|占比|规模|总量|能力|水平|数量)$/.test(head) ? head : head + subject;
  if (matchIndicator(joined)) return joined;
  return matchIndicator(head) ? head : null;
}

/**
 * Completes an elliptical subject with the head of the previous one: after `生活垃圾回收利用率达到45%`,
 * `资源化利用率达到85%` is `生活垃圾资源化利用率`; after `单位地区生产总值能源消费比2020年下降16%`,
 * `二氧化碳排放完成…下达目标` is `单位地区生产总值二氧化碳排放`. Only when that names a catalogue indicator
 * through the subject's own words and the subject alone does not.
 */
export function completeFromPrevious(subject: string, previous: string): string {
  if (matchIndicator(subject)) return subject;
  for (let len = previous.length - 1; len >= 2; len--) {
    const prefix = previous.slice(0, len);
    const m = matchIndicator(prefix + subject);
    if (m && !prefix.includes(m.synonym.split('…')[0])) return prefix + subject;
  }
  return subject;
}
