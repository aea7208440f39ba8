/**
 * Target candidates of one clause (text between `，`/`。`/`；`). Each quantity of the clause is read with
 * the text before it: `[subject][verb][comparator]value[unit][qualifier]` (`森林覆盖率达到46.4%`), the
 * counted form `[verb]value[unit][object]` (`建设10个重点实验室`), the `的` form (`具备5%左右的尖峰负荷响应能力`),
 * several values for several subjects (`单位电石、甲醇生产综合能耗分别下降10%、6%`), and values deferred to
 * the higher level (`确保完成省下达指标`). Numbers inside a subject (`站点500米覆盖率`) are not values.
 */
import type { Qualifier, Strength } from '../types.ts';
import { scanQuantities, type Quantity } from './quantity.ts';
import { lastVerb, type VerbClass } from './verbs.ts';
import { strengthBefore, type YearMarker } from './years.ts';

export interface ClauseTarget {
  /** Position of the value in the clause (for the year context). */
  at: number;
  /** Raw subject text (to be cleaned); '' when the clause omits it (`到2030年提升至70%`). */
  subject: string;
  /** Number of coordinated subjects sharing this clause (`分别`), else null. */
  distribute: { index: number; count: number } | null;
  quantity: Quantity | null;
  verbCls: VerbClass | null;
  verbWord: string;
  qualifier: Qualifier;
  qualifierText: string;
  strength: Strength | null;
  strengthText: string;
  baseYear: number | null;
  baseValue: number | null;
  /** Words before the value that change the kind: 年均, 累计. */
  annual: boolean;
  cumulative: boolean;
  deferred: boolean;
  quoteStart: number;
  quoteEnd: number;
}

const TERMINAL = /^(?:[，。；、）)\]］]|$|和|及|与|或|并|分别|等)/;
const DEFERRED = /下达(的)?(目标|指标|任务)|确定的[^，。；]{0,12}目标值/;
const STRENGTH_IN = /(力争|争取|努力|力求|确保|务必)/;

function strengthIn(pre: string): { strength: Strength; text: string } | null {
  const m = STRENGTH_IN.exec(pre);
  if (!m) return null;
  return { strength: /确保|务必/.test(m[1]) ? 'ensure' : 'strive', text: m[1] };
}

function qualifierOf(q: Quantity, verb: { qualifier?: Qualifier; word: string } | null): { qualifier: Qualifier; text: string } {
  if (q.qualifier !== 'exact' || !verb?.qualifier) return { qualifier: q.qualifier, text: q.qualifierText };
  return { qualifier: verb.qualifier, text: verb.word };
}

/** Reads the target candidates of a clause. `markers` are the year markers of the same clause. */
export function analyzeClause(clause: string, markers: YearMarker[]): ClauseTarget[] {
  const out: ClauseTarget[] = [];
  const qs = scanQuantities(clause);
  const cuts = markers.filter((m) => m.kind !== 'base');
  let segStart = 0;
  let baseValue: number | null = null;
  let prev: ClauseTarget | null = null;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    // `由2020年的17.6%提高到20%`: the first value is the base value.
    const base = markers.find((m) => m.kind === 'base' && m.end <= q.startWithQualifier && /^的?$/.test(clause.slice(m.end, q.startWithQualifier)));
    if (base) {
      baseValue = q.value;
      continue;
    }
    let start = segStart;
    // `提高到2025年的20%`: a year right before `的`+value is part of the value, not a clause boundary.
    for (const m of cuts) if (m.end <= q.startWithQualifier && m.end > start && clause.slice(m.end, q.startWithQualifier) !== '的') start = m.end;
    const pre = clause.slice(start, q.startWithQualifier);
    const post = clause.slice(q.endWithQualifier).replace(/^[（(][^）)]*[）)]/, '');
    const baseMarker = markers.filter((m) => m.kind === 'base' && m.start >= start && m.end <= q.start).pop() ?? null;
    // A later value of a `分别` group, or of an enumeration (`建设智能工厂5个、数字化车间17个`).
    const joined = /^[、和及与]?$/.test(pre.trim());
    if (prev && prev.distribute && joined) {
      const t: ClauseTarget = { ...prev, at: q.start, quantity: q, qualifier: q.qualifier, qualifierText: q.qualifierText,
        quoteEnd: q.endWithQualifier, distribute: { index: prev.distribute.index + 1, count: prev.distribute.count } };
      out.push(t);
      prev = t;
      segStart = q.endWithQualifier;
      continue;
    }
    const verb = lastVerb(pre);
    const between = verb ? pre.slice(verb.end) : pre;
    let subject: string;
    let quoteEnd = q.endWithQualifier;
    if (TERMINAL.test(post)) {
      subject = verb ? pre.slice(0, verb.start) + (/的$/.test(between) ? '' : between) : pre;
    } else if (/^的/.test(post) && verb && /^的(水平|程度|目标|标准|要求)/.test(post)) {
      subject = pre.slice(0, verb.start);
      quoteEnd = q.endWithQualifier + 3;
    } else if (/^的/.test(post) && verb) {
      const m = /^的([^，。；、]+)/.exec(post);
      subject = m ? m[1] : '';
      quoteEnd = q.endWithQualifier + (m ? m[0].length : 0);
    } else if (verb && /^[约近]?$/.test(between) && /^[\u4e00-\u9fff]/.test(post)) {
      const next = qs[i + 1];
      const stop = next ? next.startWithQualifier - q.endWithQualifier : post.length;
      const noun = post.slice(0, Math.max(0, stop)).replace(/[，；。].*$/, '').replace(/(和|及|、|等)$/, '');
      // `新建居住建筑全部达到75%节能要求`: the object is a requirement, the subject is before the verb.
      subject = /(要求|标准|水平|目标)$/.test(noun) ? pre.slice(0, verb.start) + noun : noun;
      quoteEnd = q.endWithQualifier + noun.length;
    } else if (!verb && prev && /^[、和及与]/.test(pre) && /^[\u4e00-\u9fff]/.test(post)) {
      subject = post.replace(/[，；。].*$/, '').replace(/(和|及|、|等)$/, '');
      quoteEnd = q.endWithQualifier + subject.length;
    } else continue;
    const dist = /分别/.test(pre) ? countJoined(qs, i, clause) : 0;
    const st = strengthIn(pre) ?? (verb ? strengthBefore(pre, verb.start) : null);
    const { qualifier, text: qualifierText } = qualifierOf(q, verb);
    const inheritedVerb = !verb && prev && /^[、和及与]/.test(pre);
    const t: ClauseTarget = {
      at: q.start, subject, distribute: dist > 1 ? { index: 0, count: dist } : null, quantity: q,
      verbCls: q.doubling ? 'increase' : verb?.cls ?? (inheritedVerb ? prev!.verbCls : null), verbWord: verb?.word ?? (inheritedVerb ? prev!.verbWord : ''),
      qualifier, qualifierText, strength: st?.strength ?? (inheritedVerb ? prev!.strength : null),
      strengthText: st?.text ?? (inheritedVerb ? prev!.strengthText : ''),
      baseYear: baseMarker?.year ?? null, baseValue, annual: /年均/.test(pre), cumulative: /累计/.test(pre), deferred: false,
      quoteStart: out.length === 0 && i === 0 ? 0 : start, quoteEnd,
    };
    out.push(t);
    prev = t;
    baseValue = null;
    segStart = quoteEnd;
  }
  shareQualifiers(out);
  if (qs.length === 0) {
    const d = DEFERRED.exec(clause);
    if (d) {
      const head = clause.slice(0, d.index);
      const verbs = [...head.matchAll(/(确保|力争|努力)?(完成|实现|达到)/g)];
      const subjectEnd = verbs.length ? verbs[verbs.length - 1].index : d.index;
      let start = 0;
      for (const m of cuts) if (m.end <= subjectEnd && m.end > start) start = m.end;
      const st = strengthIn(clause.slice(start, d.index));
      const raw = clause.slice(start, subjectEnd);
      const reduce = /(下降|降低)率?$/.test(raw.replace(/(确保|力争|努力)$/, ''));
      out.push({ at: start, subject: raw.replace(/(确保|力争|努力)$/, '').replace(/(下降|降低)$/, ''), distribute: null, quantity: null,
        verbCls: reduce ? 'reduce' : null, verbWord: '',
        qualifier: 'exact', qualifierText: '', strength: st?.strength ?? null, strengthText: st?.text ?? '', baseYear: null, baseValue: null,
        annual: false, cumulative: false, deferred: true, quoteStart: 0, quoteEnd: d.index + d[0].length });
    }
  }
  return out;
}

/** In `分别下降10%、6%左右` the qualifier written after the last value applies to all the values. */
function shareQualifiers(targets: ClauseTarget[]): void {
  for (let i = targets.length - 1; i > 0; i--) {
    const t = targets[i];
    const p = targets[i - 1];
    if (t.distribute && p.distribute && t.distribute.index === p.distribute.index + 1 && p.qualifier === 'exact') {
      p.qualifier = t.qualifier;
      p.qualifierText = t.qualifierText;
    }
  }
}

/** Number of values from `i` on joined only by `、`/`和` (the values of a `分别` clause). */
function countJoined(qs: Quantity[], i: number, clause: string): number {
  let n = 1;
  for (let k = i + 1; k < qs.length; k++) {
    if (!/^[、和及与]$/.test(clause.slice(qs[k - 1].endWithQualifier, qs[k].startWithQualifier))) break;
    n++;
  }
  return n;
}
