/**
 * The verbs that connect an indicator to its value in target clauses, and what they imply:
 * `下降16%` is a reduction, `下降到30%` a level, `提高10%` an increase, `控制在…` a cap, `不低于` a bound.
 */
import type { Qualifier } from '../types.ts';

export type VerbClass =
  | 'to_level' /** 达到, 提高到, 降至, 保持在… */
  | 'reduce' /** 下降, 降低, 减少 (by) */
  | 'increase' /** 提高, 增加, 增长 (by) */
  | 'add' /** 新增, 新建, 建成, 培育… (an addition, counted) */
  | 'cap' /** 控制在 */
  | 'bound'; /** 不低于, 不超过, 超过… used as verbs */

export interface Verb {
  word: string;
  cls: VerbClass;
  qualifier?: Qualifier;
}

const LIST: Verb[] = [
  ...['提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '上升到', '上升至', '下降到', '下降至', '降低到',
    '降低至', '减少到', '减少至', '压减至', '压减到', '削减至', '减至', '降至', '降到', '增至', '达到', '达', '保持在', '稳定在', '维持在',
    '保持', '稳定', '实现', '提高为', '为', '占'].map((word) => ({ word, cls: 'to_level' as const })),
  ...['下降', '降低', '减少', '压减', '削减', '减排'].map((word) => ({ word, cls: 'reduce' as const })),
  ...['提高', '提升', '增加', '增长', '上升', '扩大'].map((word) => ({ word, cls: 'increase' as const })),
  ...['新增', '新建', '净增', '建成', '建设', '培育', '创建', '打造', '推广', '完成', '落实', '累计', '形成', '集聚', '引进', '开展', '改造',
    '投运', '具备', '规划建设', '建'].map((word) => ({ word, cls: 'add' as const })),
  { word: '控制在', cls: 'cap', qualifier: 'not_more_than' },
  { word: '不低于', cls: 'bound', qualifier: 'not_less_than' },
  { word: '不少于', cls: 'bound', qualifier: 'not_less_than' },
  { word: '不超过', cls: 'bound', qualifier: 'not_more_than' },
  { word: '不高于', cls: 'bound', qualifier: 'not_more_than' },
  { word: '超过', cls: 'bound', qualifier: 'more_than' },
  { word: '突破', cls: 'bound', qualifier: 'more_than' },
  { word: '超', cls: 'bound', qualifier: 'more_than' },
];
const SORTED = [...LIST].sort((a, b) => b.word.length - a.word.length);
const RE = new RegExp(SORTED.map((v) => v.word).join('|'), 'g');
const BY_WORD = new Map(SORTED.map((v) => [v.word, v]));

/** Words that look like verbs but are part of a noun phrase here (`降低率`, `实现率`, `建设用地`…). */
const NOT_VERB_AFTER = /^(率|量|值|用地|规模|水平|成本|项目|单位|工程|力度|方式|模式|能力|体系|大型)/;

export interface VerbHit extends Verb {
  start: number;
  end: number;
}

/** The governing verb of a clause segment: the last verb occurrence in `pre` that is really a verb. */
export function lastVerb(pre: string): VerbHit | null {
  let best: VerbHit | null = null;
  RE.lastIndex = 0;
  for (let m = RE.exec(pre); m; m = RE.exec(pre)) {
    const v = BY_WORD.get(m[0]);
    if (!v) continue;
    const after = pre.slice(m.index + m[0].length);
    if (NOT_VERB_AFTER.test(after) && after.length > 0) continue;
    // `为` and `占` are verbs only right before the value (`占比为30%`), not inside names (`作为`, `占地`).
    if (['为', '占', '达', '建', '超'].includes(v.word) && after.replace(/[约近]$/, '').length > 0) continue;
    if (v.word === '达' && /^到/.test(after)) continue;
    best = { ...v, start: m.index, end: m.index + m[0].length };
  }
  return best;
}
