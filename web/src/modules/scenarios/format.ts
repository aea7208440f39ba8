import type { TFunction } from 'i18next';
import type { Lang } from '../../i18n/index.ts';
import type { ScenarioInput } from './types.ts';

/**
 * How the engine's numbers read. The engine works in fractions (0.055 = 5.5 %) and fixed units (README of
 * src/core/scenarios); the editor shows rates and shares as percent and converts back exactly enough
 * (12 significant digits, so 0.07 stays 0.07 and not 0.07000000000000001).
 */
export const clean = (x: number) => Number(x.toPrecision(12));
export const toPercent = (x: number) => clean(x * 100);
export const fromPercent = (x: number) => clean(x / 100);

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

export function fmt(n: number | null | undefined, lang: Lang, digits = 1): string {
  if (n == null || !Number.isFinite(n)) return '—';
  return n.toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** One decimal always, for columns of figures. */
export const fixed = (n: number | null | undefined, lang: Lang) => (n == null || !Number.isFinite(n) ? '—'
  : n.toLocaleString(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

export function pct(p: number | null | undefined, lang: Lang, digits = 1): string {
  if (p == null || !Number.isFinite(p)) return '—';
  return `${(p * 100).toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`;
}

/** A value with a unit key of scenarios.units; Chinese units follow the number directly, English after a space. */
export function withUnit(t: TFunction, lang: Lang, n: number | null | undefined, unit: 'co2' | 'energy' | 'capacity' | 'population' | 'gdp', digits = 1): string {
  if (n == null) return '—';
  const u = t(`scenarios.units.${unit}`);
  return lang === 'zh' ? `${fmt(n, lang, digits)}${u}` : `${fmt(n, lang, digits)} ${u}`;
}

/** The engine's metric units (src/core/scenarios/attainment.ts METRIC_UNITS) as shown in the tables. */
export function metricValue(t: TFunction, lang: Lang, v: number | null, unit: string, signed = false): string {
  if (v == null) return '—';
  const sign = signed && v > 0 ? '+' : '';
  switch (unit) {
    case 'fraction': return signed ? `${sign}${fmt(v * 100, lang, 2)}${lang === 'zh' ? '' : ' '}${t('scenarios.units.points')}` : pct(v, lang, 1);
    case 'year': return signed ? `${sign}${fmt(v, lang, 0)}${lang === 'zh' ? '年' : ' yr'}` : String(v);
    case '万tce': return `${sign}${withUnit(t, lang, v, 'energy')}`;
    case '万tCO2': return `${sign}${withUnit(t, lang, v, 'co2')}`;
    case '万kW': return `${sign}${withUnit(t, lang, v, 'capacity')}`;
    case 'tce/万元': return `${sign}${fmt(v, lang, 3)} ${t('scenarios.units.tce')}`;
    case 'tCO2/万元': return `${sign}${fmt(v, lang, 3)} ${t('scenarios.units.tco2')}`;
    default: return `${sign}${fmt(v, lang, 3)} ${unit}`;
  }
}

/** Names of the file's fuels, sectors, technologies and processes in the UI language (ids when unnamed). */
export function namer(file: ScenarioInput | null, lang: Lang) {
  const name = (x: { id: string; name?: string; nameEn?: string } | undefined, id: string) => (x ? (lang === 'en' && x.nameEn ? x.nameEn : x.name ?? id) : id);
  return {
    fuel: (id: string) => name(file?.fuels.find((f) => f.id === id), id),
    sector: (id: string) => name(file?.sectors.find((s) => s.id === id), id),
    tech: (id: string) => name(file?.base.generation?.find((g) => g.id === id), id),
    process: (id: string) => name(file?.base.processes?.find((p) => p.id === id), id),
    scenario: (id: string) => name(file?.scenarios.find((s) => s.id === id), id),
  };
}
export type Namer = ReturnType<typeof namer>;

/** "（…）" after Chinese, " (…)" after English. */
export const paren = (lang: Lang, s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);
