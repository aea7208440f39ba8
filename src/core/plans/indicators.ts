/**
 * The indicator catalogue and `matchIndicator`, which links a phrase read in a plan
 * (`非化石能源占能源消费总量比重`) to a catalogue indicator (`non_fossil_share`).
 */
import { invalid } from '../errors.ts';
import type { Indicator } from './indicator-types.ts';
import { INDICATORS } from './indicators.data.ts';
import { parseMeasureUnit } from './measures.ts';
import type { TargetKind } from './types.ts';

export { INDICATORS };

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

/** The catalogue indicator with this code, or undefined. */
export function getIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

export interface IndicatorMatch {
  indicator: Indicator;
  /** The synonym that matched. */
  synonym: string;
  /** Higher is better: the length of the matched synonym, with bonuses for kind and exact matches. */
  score: number;
}

export interface MatchOptions {
  /** Kind of the target the phrase belongs to: `reduction` prefers the 降低率 indicators. */
  kind?: TargetKind;
  /** Unit of the target value (`%`, `万千瓦`, `` …); indicators of another dimension are excluded. */
  unit?: string | null;
}

/** Removes what does not name the indicator: spaces, CJK parentheticals, territorial scope words. */
export function cleanIndicatorPhrase(phrase: string): string {
  return phrase
    .replace(/\s+/g, '')
    .replace(/[（(]([A-Za-z0-9]+)[）)]/g, '$1')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/^(全国|全省|全市|全区|全县|全州|本省|本市|本区|本县|各地级市|各地市|各市|地级以上城市)/, '')
    .replace(/[“”"'‘’]/g, '');
}

const patternCache = new Map<string, RegExp>();
function synonymRegex(synonym: string): RegExp {
  let re = patternCache.get(synonym);
  if (!re) {
    const body = synonym.split('…').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.{0,16}?');
    re = new RegExp(body);
    patternCache.set(synonym, re);
  }
  return re;
}

function unitCompatible(indicator: Indicator, unit: string | null | undefined, kind: TargetKind | undefined): boolean {
  if (unit === undefined || unit === null) return true;
  const u = parseMeasureUnit(unit);
  if (!u) return true;
  // A reduction or an increase in % is a relative change: any indicator can be stated that way.
  if ((u.dimension === 'percent' || u.dimension === 'percentage_point') && (kind === 'reduction' || kind === 'increase')) return true;
  const iu = parseMeasureUnit(indicator.unit);
  if (!iu) return true;
  if (iu.dimension === u.dimension) return true;
  const pct = (d: string) => d === 'percent' || d === 'percentage_point';
  return pct(iu.dimension) && pct(u.dimension);
}

/**
 * Finds the catalogue indicator a phrase names. The longest matching synonym wins, so
 * `营运交通工具单位换算周转量碳排放强度` is the transport indicator, not `碳排放强度`. With `kind`, indicators
 * stated with that kind are preferred (`单位地区生产总值能耗` + reduction → `energy_intensity_reduction`);
 * with `unit`, indicators of another dimension are excluded (PUE is a ratio, not a %).
 * Returns null when nothing fits.
 */
export function matchIndicator(phrase: string, options: MatchOptions = {}): IndicatorMatch | null {
  if (typeof phrase !== 'string') throw invalid('phrase', '须为字符串', 'must be a string');
  const text = cleanIndicatorPhrase(phrase);
  if (!text) return null;
  let best: IndicatorMatch | null = null;
  for (const indicator of INDICATORS) {
    if (!unitCompatible(indicator, options.unit, options.kind)) continue;
    for (const synonym of indicator.synonyms) {
      const m = synonymRegex(synonym).exec(text);
      if (!m) continue;
      let score = synonym.replace(/…/g, '').length;
      if (m[0] === text) score += 2;
      if (options.kind && indicator.kinds.includes(options.kind)) score += 3;
      if (!best || score > best.score) best = { indicator, synonym, score };
    }
  }
  return best;
}
