import type { TFunction } from 'i18next';
import type { TargetOut } from '../../../../src/contracts/plans.ts';
import type { Lang } from '../../i18n/index.ts';
import { zh } from '../../i18n/zh.ts';

/**
 * How targets read: value, unit and qualifier composed as the plans write them (`达到31.5%左右`,
 * `不超过620万吨`, `力争…`) in Chinese, and as plain phrases in English. Units of the catalogue are
 * translated (万千瓦 → 10⁴ kW); any other unit is shown as written.
 */
type TargetWords = Pick<TargetOut, 'value' | 'valueMax' | 'unit' | 'qualifier' | 'strength' | 'kind' | 'annual'> & { deferred?: boolean };
type UnitKey = keyof typeof zh.indicators.units;

export function unitLabel(t: TFunction, unit: string | null | undefined): string {
  if (!unit) return '';
  return unit in zh.indicators.units ? t(`indicators.units.${unit as UnitKey}`) : unit;
}

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 4 });

/** A number with its unit: `31.5%`, `25万千瓦`; in English `31.5%`, `25 10⁴ kW`. */
export function withUnit(t: TFunction, lang: Lang, value: number | null | undefined, unit: string | null | undefined, valueMax?: number | null): string {
  if (value == null) return '—';
  const num = valueMax != null ? `${fmt(value, lang)}${lang === 'zh' ? '～' : '–'}${fmt(valueMax, lang)}` : fmt(value, lang);
  const u = unitLabel(t, unit);
  if (!u) return num;
  if (u === '%' || lang === 'zh') return `${num}${u}`;
  return u.startsWith('10') ? `${num} × ${u}` : `${num} ${u}`;
}

/** The verb of the target kind: 达到 / 下降 / 增长 / 新增 / 累计; caps take the qualifier alone. */
const STANDALONE = new Set(['not_less_than', 'not_more_than', 'more_than', 'less_than']);

function verbKey(w: TargetWords): keyof typeof zh.plans.verb | null {
  // 不低于/不超过/超过/低于 carry the verb themselves: 森林蓄积量不低于61.33万立方米, not 达到不低于….
  if ((w.kind === 'level' || w.kind === 'share') && STANDALONE.has(w.qualifier)) return null;
  if (w.kind === 'increase') return w.unit === '%' ? (w.annual ? 'increaseAnnual' : 'increaseRate') : 'increase';
  if (w.kind === 'cap') return w.qualifier === 'exact' ? 'capExact' : 'cap';
  return w.kind;
}

/** The whole target value as a phrase: `力争达到31.5%左右`, `下降14.5%`, `不超过620万吨`. */
export function targetPhrase(t: TFunction, lang: Lang, w: TargetWords): string {
  if (w.deferred || w.value == null) return t('plans.deferredValue');
  const v = withUnit(t, lang, w.value, w.unit, w.valueMax);
  const qualified = t(`plans.qualified.${w.qualifier}`, { v });
  const verb = verbKey(w);
  const verbed = verb ? t(`plans.verb.${verb}`, { v: qualified }) : qualified;
  return w.strength === 'plain' ? verbed : t(`plans.strengthPrefix.${w.strength}`, { v: verbed });
}

export const WARNING_COLORS = { red: '#d9363e', yellow: '#e6a23c', green: '#2e9e5b', none: '#bfbfbf' } as const;
export type WarningKey = keyof typeof WARNING_COLORS;

export const levelOf = (target: Pick<TargetOut, 'progress'>): WarningKey => target.progress?.level ?? 'none';

export const UNIT_ROLE_COLORS = { lead: 'volcano', cooperating: 'blue', supporting: 'cyan', responsible: 'purple' } as const;
export const TASK_STATUS_COLORS = { not_started: 'default', in_progress: 'processing', completed: 'success' } as const;

/** The indicator's name in the UI language, from the catalogue when the target is linked to it. */
export function indicatorNameOf(
  target: Pick<TargetOut, 'indicatorCode' | 'indicatorName'>,
  catalogue: Map<string, { name: string; nameEn: string }> | undefined,
  lang: Lang,
): string {
  const ind = target.indicatorCode ? catalogue?.get(target.indicatorCode) : undefined;
  if (!ind) return target.indicatorName;
  return lang === 'en' ? ind.nameEn : ind.name;
}
