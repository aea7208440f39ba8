/**
 * Consistency of a lower region's targets with its higher region's (上下级目标衔接): for every target of the
 * higher plan (indicator, target year, value), does the lower plan promise at least as much?
 *
 * Rules (one finding per indicator and target year of the higher plan; extra lower targets are fine):
 * - follows_higher: the lower plan defers the value to the higher level (完成上级下达目标) — not a flag;
 * - weaker (flag): a smaller reduction of an intensity, a lower share or level of a higher-better indicator
 *   (a higher level of a lower-better one), a higher cap;
 * - later (flag): the lower plan has the indicator only for a later year;
 * - missing (flag when the higher target is a main target): the lower plan does not have the indicator;
 * - not_comparable: different units, base years or ways of stating the target, no value;
 * - consistent: equal or stronger.
 * Totals (indicators that add up, e.g. 风电装机容量): a lower level is a part of the higher total, so only a
 * lower cap above the higher cap is flagged; a missing or later total is not. Qualifiers (左右, 以上) and
 * strength (力争) do not change the comparison of the numbers.
 */
import { getIndicator } from './indicators.ts';
import { convertValue, parseMeasureUnit } from './measures.ts';
import type { Qualifier, Strength, TargetKind } from './types.ts';
import { unitInEnglish } from '../units/english.ts';

export interface ConsistencyTarget {
  ref: string;
  indicatorCode: string | null;
  indicatorName: string;
  year: number | null;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  kind: TargetKind;
  qualifier?: Qualifier;
  strength?: Strength;
  annual?: boolean;
  baselineYear?: number | null;
  /** The value is left to the higher level (完成上级下达目标). */
  deferred?: boolean;
  /** A main target (主要目标); only missing main targets are flagged. Default true. */
  main?: boolean;
}

export type ConsistencyStatus = 'consistent' | 'follows_higher' | 'weaker' | 'later' | 'missing' | 'not_comparable';

export interface ConsistencyFinding<T extends ConsistencyTarget = ConsistencyTarget> {
  indicatorCode: string;
  indicatorName: string;
  year: number;
  higher: T;
  /** The lower target compared (for `later`: the earliest later one), null when missing. */
  lower: T | null;
  status: ConsistencyStatus;
  flagged: boolean;
  statusZh: string;
  reasonZh: string;
  reasonEn: string;
}

export const STATUS_ZH: Record<ConsistencyStatus, string> = {
  consistent: '衔接一致', follows_higher: '执行上级下达目标', weaker: '低于上级要求', later: '目标年份晚于上级', missing: '未设置该目标',
  not_comparable: '无法直接比较',
};

const PREFIX_ZH: Partial<Record<Qualifier, string>> = { not_less_than: '不低于', not_more_than: '不超过', more_than: '超过', less_than: '低于' };
const SUFFIX_ZH: Partial<Record<Qualifier, string>> = { about: '左右', or_more: '以上', or_less: '以下', within: '以内' };
const QUAL_EN: Partial<Record<Qualifier, string>> = {
  about: 'about ', or_more: 'or more ', or_less: 'or less ', within: 'within ', not_less_than: 'at least ', not_more_than: 'at most ',
  more_than: 'more than ', less_than: 'less than ',
};

const num = (v: number) => String(Number(v.toPrecision(12)));

/** The target as officials write it: 下降14.5%, 达到31.5%左右, 不超过620万吨, 力争达到50亿立方米, 完成上级下达目标. */
export function describeTarget(t: ConsistencyTarget): { zh: string; en: string } {
  if (t.deferred || t.value === null) return { zh: '完成上级下达目标', en: 'as assigned by the higher level' };
  const q = t.qualifier ?? 'exact';
  const unit = t.unit ?? '';
  const amount = `${num(t.value)}${t.valueMax != null ? `–${num(t.valueMax)}` : ''}${unit}`;
  const unitEn = unitInEnglish(unit);
  const amountEn = `${num(t.value)}${t.valueMax != null ? `–${num(t.valueMax)}` : ''}${unitEn ? ` ${unitEn}` : ''}`;
  const relative = unit === '%';
  const verb: Record<TargetKind, [string, string]> = {
    reduction: ['下降', 'reduce by'],
    increase: t.annual ? ['年均增长', 'grow annually by'] : relative ? ['增长', 'increase by'] : ['新增', 'add'],
    cap: ['不超过', 'at most'],
    cumulative: ['累计', 'cumulatively'],
    level: ['达到', 'reach'],
    share: ['达到', 'reach'],
  };
  const prefix = PREFIX_ZH[q];
  // A bounding qualifier replaces the verb of a level, share or cap (不低于46%, 不超过620万吨).
  const replaces = prefix !== undefined && (t.kind === 'level' || t.kind === 'share' || t.kind === 'cap');
  const zhVerb = replaces ? prefix : `${verb[t.kind][0]}${prefix ?? ''}`;
  const enVerb = replaces ? QUAL_EN[q]!.trim() : `${verb[t.kind][1]}${prefix ? ` ${QUAL_EN[q]!.trim()}` : ''}`;
  const strength = t.strength === 'strive' ? ['力争', 'strive to '] : t.strength === 'ensure' ? ['确保', 'ensure to '] : ['', ''];
  const suffixEn = SUFFIX_ZH[q] ? ` (${QUAL_EN[q]!.trim()})` : '';
  return { zh: `${strength[0]}${zhVerb}${amount}${SUFFIX_ZH[q] ?? ''}`, en: `${strength[1]}${enVerb} ${amountEn}${suffixEn}` };
}

type Scale = 'absolute' | 'relative_change' | 'absolute_change' | 'cumulative';

function scaleOf(t: ConsistencyTarget): Scale {
  if (t.kind === 'reduction' || t.kind === 'increase') return t.unit === '%' ? 'relative_change' : 'absolute_change';
  return t.kind === 'cumulative' ? 'cumulative' : 'absolute';
}

const CEILINGS: ReadonlySet<Qualifier> = new Set(['not_more_than', 'within', 'or_less', 'less_than']);

/** +1 when a larger value is the stronger promise, −1 when a smaller one is. */
function sense(t: ConsistencyTarget): 1 | -1 {
  if (t.kind === 'cap') return -1;
  if (t.kind === 'reduction') return 1;
  const direction = t.indicatorCode ? getIndicator(t.indicatorCode)?.direction : undefined;
  if (direction) return direction === 'higher_better' ? 1 : -1;
  return CEILINGS.has(t.qualifier ?? 'exact') ? -1 : 1;
}

const isTotal = (code: string) => getIndicator(code)?.aggregation === 'sum';
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

type Verdict = Pick<ConsistencyFinding, 'status' | 'reasonZh' | 'reasonEn'>;

/** The lower value in the higher target's unit, or null when the units do not convert. */
function inHigherUnit(lower: ConsistencyTarget, higher: ConsistencyTarget): number | null {
  if ((lower.unit ?? '') === (higher.unit ?? '')) return lower.value;
  const from = parseMeasureUnit(lower.unit ?? '');
  const to = parseMeasureUnit(higher.unit ?? '');
  return from && to && lower.value !== null ? convertValue(lower.value, from, to) : null;
}

function compare(higher: ConsistencyTarget, lower: ConsistencyTarget): Verdict {
  const h = describeTarget(higher);
  const l = describeTarget(lower);
  const pair = { zh: `（上级：${h.zh}；本级：${l.zh}）`, en: ` (higher: ${h.en}; this plan: ${l.en})` };
  const notComparable = (zh: string, en: string): Verdict => ({ status: 'not_comparable', reasonZh: zh + pair.zh, reasonEn: en + pair.en });
  if (lower.value === null) return notComparable('本级目标缺少数值', 'The target of this plan has no value');
  const scale = scaleOf(higher);
  if (scale !== scaleOf(lower) || sense(higher) !== sense(lower) || (scale.endsWith('change') && higher.kind !== lower.kind)) {
    return notComparable('目标表述方式不同', 'The targets are stated differently');
  }
  if (scale.endsWith('change') && !!higher.annual !== !!lower.annual) return notComparable('一为年均、一为累计变化', 'One is an annual rate, the other a change over the period');
  if (scale.endsWith('change') && higher.baselineYear != null && lower.baselineYear != null && higher.baselineYear !== lower.baselineYear) {
    return notComparable(`基准年不同（上级${higher.baselineYear}年，本级${lower.baselineYear}年）`,
      `Different base years (higher ${higher.baselineYear}, this plan ${lower.baselineYear})`);
  }
  const lv = inHigherUnit(lower, higher);
  if (lv === null || higher.value === null) return notComparable('计量单位不同，无法换算', 'The units differ and do not convert');
  const s = sense(higher);
  const weaker = !same(lv, higher.value) && s * (lv - higher.value) < 0;
  const total = higher.indicatorCode !== null && isTotal(higher.indicatorCode) && scale !== 'relative_change';
  if (total && s === 1) {
    return notComparable('总量指标：本级目标是上级总量的一部分，需对照分解下达的数值', 'A total: this plan’s target is a part of the higher total; compare with the assigned share');
  }
  if (total) {
    if (weaker) return { status: 'weaker', reasonZh: `本级上限高于上级总量上限${pair.zh}`, reasonEn: `The cap of this plan is above the higher total cap${pair.en}` };
    return { status: 'consistent', reasonZh: `本级上限未超过上级总量上限${pair.zh}`, reasonEn: `The cap of this plan is within the higher total cap${pair.en}` };
  }
  if (weaker) {
    const what = higher.kind === 'reduction' ? ['降幅小于上级要求', 'A smaller reduction than the higher level requires']
      : higher.kind === 'cap' ? ['上限高于上级要求', 'A higher cap than the higher level allows']
        : s === 1 ? ['目标值低于上级要求', 'A lower value than the higher level requires'] : ['目标值高于上级要求（该指标越低越好）', 'A higher value than the higher level allows (lower is better)'];
    return { status: 'weaker', reasonZh: what[0] + pair.zh, reasonEn: what[1] + pair.en };
  }
  return same(lv, higher.value)
    ? { status: 'consistent', reasonZh: `与上级目标一致${pair.zh}`, reasonEn: `Equal to the higher target${pair.en}` }
    : { status: 'consistent', reasonZh: `高于上级要求${pair.zh}`, reasonEn: `Stronger than the higher target${pair.en}` };
}

const RANK: Record<ConsistencyStatus, number> = { follows_higher: 0, consistent: 1, weaker: 2, not_comparable: 3, later: 4, missing: 5 };

/**
 * Checks the lower plan's targets against the higher plan's. Both lists should hold the targets that count
 * (not rejected). Higher targets without indicator, year or value (deferred themselves) are skipped; of
 * several higher targets on one indicator and year the first main one is used.
 */
export function checkConsistency<T extends ConsistencyTarget>(higher: readonly T[], lower: readonly T[]): ConsistencyFinding<T>[] {
  const chosen = new Map<string, T>();
  for (const h of higher) {
    if (!h.indicatorCode || h.year === null || h.value === null || h.deferred) continue;
    const key = `${h.indicatorCode}@${h.year}`;
    const prev = chosen.get(key);
    if (!prev || (prev.main === false && h.main !== false)) chosen.set(key, h);
  }
  const out: ConsistencyFinding<T>[] = [];
  for (const h of chosen.values()) {
    const code = h.indicatorCode!;
    const year = h.year!;
    const mine = lower.filter((l) => l.indicatorCode === code);
    const total = isTotal(code) && sense(h) === 1;
    let best: { lower: T | null } & Verdict;
    const deferred = mine.find((l) => l.deferred && (l.year === null || l.year === year));
    const sameYear = mine.filter((l) => !l.deferred && l.year === year);
    if (deferred) {
      best = { lower: deferred, status: 'follows_higher', reasonZh: '本级明确完成上级下达目标', reasonEn: 'This plan takes the value assigned by the higher level' };
    } else if (sameYear.length) {
      best = sameYear.map((l) => ({ lower: l, ...compare(h, l) })).sort((a, b) => RANK[a.status] - RANK[b.status])[0];
    } else {
      const later = mine.filter((l) => l.year !== null && l.year > year).sort((a, b) => a.year! - b.year!)[0];
      const d = describeTarget(h);
      best = later
        ? { lower: later, status: 'later', reasonZh: `上级要求${year}年${d.zh}，本级仅在${later.year}年设置该目标`,
          reasonEn: `The higher plan asks for ${year} (${d.en}); this plan sets the indicator only for ${later.year}` }
        : { lower: null, status: 'missing', reasonZh: `上级要求${year}年${d.zh}，本级未设置该目标`,
          reasonEn: `The higher plan asks for ${year} (${d.en}); this plan has no such target` };
      if (total) {
        best.reasonZh += '（总量指标，本级可不单列，仅提示）';
        best.reasonEn += ' (a total: this plan need not state it; for information)';
      } else if (best.status === 'missing' && h.main === false) {
        best.reasonZh += '（上级非主要目标，仅提示）';
        best.reasonEn += ' (not a main target of the higher plan; for information)';
      }
    }
    const flagged = best.status === 'weaker' || (best.status === 'later' && !total) || (best.status === 'missing' && !total && h.main !== false);
    out.push({ indicatorCode: code, indicatorName: h.indicatorName, year, higher: h, lower: best.lower, status: best.status, flagged,
      statusZh: STATUS_ZH[best.status], reasonZh: best.reasonZh, reasonEn: best.reasonEn });
  }
  return out;
}
