import type { TFunction } from 'i18next';
import type { Lang } from '../../../i18n/index.ts';
import { zh } from '../../../i18n/zh.ts';
import { unitLabel } from '../labels.ts';

/**
 * Numbers of the report as an evaluation table prints them: four decimals below 1 (能耗强度 0.5293), two
 * below 100 (30.8), one above; gaps with their sign. Units stand once, under the indicator's name.
 */
export function num(v: number | null | undefined, lang: Lang): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  const digits = a < 1 ? 4 : a < 100 ? 2 : 1;
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

export function signed(v: number | null | undefined, lang: Lang): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const s = num(Math.abs(v), lang);
  if (s === num(0, lang)) return s;
  return `${v > 0 ? '+' : '−'}${s}`;
}

/** The unit in parentheses, translated where the catalogue knows it. */
export function unitNote(t: TFunction, lang: Lang, unit: string | null | undefined): string {
  const u = unitLabel(t, unit);
  return !u ? '' : lang === 'zh' ? `（${u}）` : `(${u})`;
}

/** 2026年11月21日 / 21 November 2026, in local time. */
export function longDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return lang === 'zh' ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

const UNITS = Object.keys(zh.indicators.units).filter((u) => u !== '%').sort((a, b) => b.length - a.length);

/**
 * The server's English target words carry the unit as the plan writes it (`reach 25 万千瓦`); the catalogue
 * units are put into English (`reach 25 10⁴ kW`). Other units stay as written, as everywhere in the UI.
 */
export function englishUnits(t: TFunction, text: string): string {
  const u = UNITS.find((x) => text.includes(` ${x}`));
  return u ? text.replace(` ${u}`, ` ${unitLabel(t, u)}`) : text;
}
