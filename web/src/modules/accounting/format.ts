import { lookupFuel } from '../../../../src/core/accounting/fuels.ts';
import { GENERATION_LABELS, PROCESS_LABELS, SECTOR_LABELS, FLOW_LABELS } from '../../../../src/core/accounting/sectors.ts';
import { PROCESS_CATEGORY_LABELS } from '../../../../src/core/accounting/schema-process.ts';
import type { Lang } from '../../i18n/index.ts';

/**
 * Numbers as officials read them: tonnes of standard coal and of CO2 in 万吨 (Mt in English), shares in %,
 * electricity in 亿千瓦时 (TWh), always with the exact value and unit of the API at hand for a tooltip.
 * Only the scale changes; nothing is rounded before display.
 */
interface Scale { factor: number; zh: string; en: string; digits: number }

const SCALES: Record<string, Scale> = {
  tce: { factor: 1e4, zh: '万吨标准煤', en: 'Mtce', digits: 2 },
  tCO2: { factor: 1e4, zh: '万吨CO₂', en: 'MtCO₂', digits: 2 },
  tCO2e: { factor: 1e4, zh: '万吨CO₂e', en: 'MtCO₂e', digits: 2 },
  kWh: { factor: 1e8, zh: '亿千瓦时', en: 'TWh', digits: 2 },
  m3: { factor: 1e4, zh: '万立方米', en: 'million m³', digits: 2 },
  t: { factor: 1e4, zh: '万吨', en: 'kt', digits: 2 },
  '1': { factor: 0.01, zh: '%', en: '%', digits: 2 },
};
/** English scales differ from the Chinese 万 (10⁴): Mt = 10⁶ t, TWh = 10⁹ kWh, kt = 10³ t. */
const EN_FACTOR: Record<string, number> = { tce: 1e6, tCO2: 1e6, tCO2e: 1e6, kWh: 1e9, m3: 1e6, t: 1e3, '1': 0.01 };

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

export function num(value: number, lang: Lang, digits = 2): string {
  return value.toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A value of the API in its display scale: { text: '774.25', unit: '万吨标准煤' }. */
export function scaled(value: number, unit: string, lang: Lang): { text: string; unit: string; value: number } {
  const s = SCALES[unit];
  if (!s) return { text: num(value, lang, Math.abs(value) >= 100 ? 2 : 4), unit: pretty(unit, lang), value };
  const factor = lang === 'zh' ? s.factor : EN_FACTOR[unit];
  const v = value / factor;
  return { text: num(v, lang, lang === 'en' && factor >= 1e6 && unit !== '1' ? 3 : s.digits), unit: lang === 'zh' ? s.zh : s.en, value: v };
}

/** The scale alone (for a chart axis): divisor and unit label. */
export function scaleOf(unit: string, lang: Lang): { factor: number; unit: string } {
  const s = SCALES[unit];
  if (!s) return { factor: 1, unit: pretty(unit, lang) };
  return { factor: lang === 'zh' ? s.factor : EN_FACTOR[unit], unit: lang === 'zh' ? s.zh : s.en };
}

export const show = (value: number, unit: string, lang: Lang) => {
  const s = scaled(value, unit, lang);
  return s.unit === '%' ? `${s.text}%` : `${s.text} ${s.unit}`;
};

/** The exact value as the API gave it, for tooltips. */
export const exact = (value: number, unit: string, lang: Lang) =>
  `${value.toLocaleString(locale(lang), { maximumFractionDigits: 6 })} ${unit === '1' ? '' : pretty(unit, lang)}`.trim();

/** A unit for reading: CO₂, m³; in English 万元 (10⁴ yuan) and 人 (person) in words. */
export const pretty = (unit: string, lang: Lang = 'zh') => {
  const u = unit.replace(/CO2/g, 'CO₂').replace(/m3/g, 'm³');
  return lang === 'en' ? u.replace(/万元/g, '10⁴ CNY').replace(/\/人$/, '/person') : u;
};

export const shortHash = (h: string) => h.slice(0, 12);

type Pair = { zh: string; en: string };
const pick = (p: Pair | undefined, fallback: string, lang: Lang) => (p ? p[lang] : fallback);

export const fuelLabel = (id: string, lang: Lang) => (lang === 'zh' ? id : lookupFuel(id)?.en ?? id);
export const sectorLabel = (id: string, lang: Lang) =>
  pick((SECTOR_LABELS as Record<string, Pair>)[id] ?? (PROCESS_LABELS as Record<string, Pair>)[id], id, lang);
export const processLabel = (id: string, lang: Lang) => pick((PROCESS_LABELS as Record<string, Pair>)[id], id, lang);
export const categoryLabel = (id: string, lang: Lang) => pick((PROCESS_CATEGORY_LABELS as Record<string, Pair>)[id], id, lang);
export const flowLabel = (id: string, lang: Lang) => pick((FLOW_LABELS as Record<string, Pair>)[id], id, lang);
export const generationLabel = (id: string, lang: Lang) => pick((GENERATION_LABELS as Record<string, Pair>)[id], id, lang);
export const bi = (p: Pair | null | undefined, lang: Lang) => (p ? p[lang] : '');
