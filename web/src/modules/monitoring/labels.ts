import type { TFunction } from 'i18next';
import { QUANTITIES, type PointOut } from '../../../../src/contracts/monitoring.ts';
import { lookupFactor } from '../../../../src/core/hj212/factors.ts';
import type { Lang } from '../../i18n/index.ts';

/** Labels of 在线监测's enumerations and codes; unknown values are shown as they are. */
type Quantity = (typeof QUANTITIES)[number];
export { QUANTITIES };

export const quantityLabel = (t: TFunction, q: string) =>
  (QUANTITIES as readonly string[]).includes(q) ? t(`monitoring.quantities.${q as Quantity}`) : q;

/** The HJ 212-2017 name of a factor code (Table B.2 / B.7), or nothing for local codes. */
export function factorName(code: string, lang: Lang): string | null {
  const hit = lookupFactor(code);
  if (!hit) return null;
  const name = hit.factor[lang];
  return hit.device ? `${name} #${hit.device}` : name;
}

const PERIODS = ['rt', 'min', 'hour', 'day'] as const;
const VALUES = ['Rtd', 'Avg', 'Min', 'Max', 'Cou', 'ZsRtd', 'ZsAvg', 'ZsMin', 'ZsMax'] as const;

/** 'min-Cou' → '分钟 · 累计值': which upload (CN 2011/2051/2061/2031) and which value of it. */
export function kindLabel(t: TFunction, kind: string): string {
  const [period, value] = kind.split('-');
  const p = (PERIODS as readonly string[]).includes(period) ? t(`monitoring.periods.${period as (typeof PERIODS)[number]}`) : period;
  const v = (VALUES as readonly string[]).includes(value) ? t(`monitoring.values.${value as (typeof VALUES)[number]}`) : value;
  return value === undefined ? kind : `${p} · ${v}`;
}

export const isTotal = (kind: string) => kind.endsWith('-Cou');

/**
 * The unit of a factor's values of a kind. A point stores one unit per factor (of its readings); for totals
 * (Cou) of a standard code whose unit is the standard's, the standard's total unit applies (m³/s → m³).
 */
export function unitOf(point: Pick<PointOut, 'factors'>, code: string, kind: string): string {
  const own = point.factors.find((f) => f.code === code)?.unit ?? '';
  const std = lookupFactor(code)?.factor;
  if (isTotal(kind) && std && 'couUnit' in std && std.couUnit && own === std.unit) return std.couUnit;
  return own;
}

/** 60 → '1 分钟', 3600 → '1 小时', 90 → '90 秒'. */
export function intervalLabel(t: TFunction, seconds: number): string {
  if (seconds % 3600 === 0) return t('monitoring.every.hours', { n: seconds / 3600 });
  if (seconds % 60 === 0) return t('monitoring.every.minutes', { n: seconds / 60 });
  return t('monitoring.every.seconds', { n: seconds });
}

const EVENTS = [
  'unknown_mn', 'wrong_pw', 'inactive_point', 'time_out_of_range', 'unregistered_factor', 'value_overflow', 'below_range', 'above_range',
  'negative_value', 'missing_data_time', 'not_a_number', 'no_factors',
] as const;

export const eventLabel = (t: TFunction, code: string) =>
  (EVENTS as readonly string[]).includes(code) ? t(`monitoring.events.codes.${code as (typeof EVENTS)[number]}`) : code;

/** A number for a table cell: grouped, at most `digits` decimals. */
export function num(v: number | null | undefined, lang: Lang, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}

export const pct = (v: number, lang: Lang) => `${num(v * 100, lang, 1)} %`;
