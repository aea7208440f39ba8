import type { BaseDimension } from './dimensions.ts';

/**
 * The unit table, as data. `scale` converts to the base unit of the dimension:
 * value_in_base = value × scale. Base units: t, m³, GJ, tce, tCO2, tCO2e, tC, 元, 人, m², kW.
 *
 * Only physical definitions live here (1 kWh = 3.6 MJ, 1 kcal = 4.1868 kJ — the International Table
 * calorie, 1 亩 = 10000/15 m²). Anything that depends on a fuel or a method (energy → tce, C → CO2,
 * electricity → coal via a power plant's heat rate) is a factor, not a unit.
 */
export interface AtomicUnit {
  /** canonical symbol */
  symbol: string;
  /** every accepted spelling, Chinese and English, including the symbol */
  names: readonly string[];
  /** null = dimensionless */
  dimension: BaseDimension | null;
  scale: number;
  zh: string;
  en: string;
}

export const ATOMIC_UNITS: readonly AtomicUnit[] = [
  // mass (base t)
  { symbol: 't', names: ['t', '吨', 'tonne', 'tonnes', 'ton', 'tons'], dimension: 'mass', scale: 1, zh: '吨', en: 'tonne' },
  { symbol: 'kg', names: ['kg', '千克', '公斤'], dimension: 'mass', scale: 1e-3, zh: '千克', en: 'kilogram' },
  { symbol: 'g', names: ['g', '克'], dimension: 'mass', scale: 1e-6, zh: '克', en: 'gram' },
  { symbol: 'kt', names: ['kt'], dimension: 'mass', scale: 1e3, zh: '千吨', en: 'kilotonne' },
  { symbol: 'Mt', names: ['Mt'], dimension: 'mass', scale: 1e6, zh: '百万吨', en: 'megatonne' },
  { symbol: 'Gg', names: ['Gg'], dimension: 'mass', scale: 1e3, zh: '吉克（千吨）', en: 'gigagram' },
  // volume (base m³); gas volumes are at standard conditions (0 °C, 101.325 kPa) — Nm³ and m³ are one unit here
  { symbol: 'm3', names: ['m3', '立方米', '方', 'Nm3', '标准立方米', '标方', 'cubic metre', 'cubic meter'], dimension: 'volume', scale: 1, zh: '立方米', en: 'cubic metre' },
  { symbol: 'L', names: ['L', 'l', '升'], dimension: 'volume', scale: 1e-3, zh: '升', en: 'litre' },
  // energy (base GJ)
  { symbol: 'J', names: ['J', '焦', '焦耳'], dimension: 'energy', scale: 1e-9, zh: '焦耳', en: 'joule' },
  { symbol: 'kJ', names: ['kJ', '千焦', '千焦耳'], dimension: 'energy', scale: 1e-6, zh: '千焦', en: 'kilojoule' },
  { symbol: 'MJ', names: ['MJ', '兆焦', '兆焦耳'], dimension: 'energy', scale: 1e-3, zh: '兆焦', en: 'megajoule' },
  { symbol: 'GJ', names: ['GJ', '吉焦', '吉焦耳'], dimension: 'energy', scale: 1, zh: '吉焦', en: 'gigajoule' },
  { symbol: 'TJ', names: ['TJ', '太焦', '太焦耳'], dimension: 'energy', scale: 1e3, zh: '太焦', en: 'terajoule' },
  { symbol: 'PJ', names: ['PJ', '拍焦'], dimension: 'energy', scale: 1e6, zh: '拍焦', en: 'petajoule' },
  { symbol: 'Wh', names: ['Wh', '瓦时'], dimension: 'energy', scale: 3.6e-6, zh: '瓦时', en: 'watt-hour' },
  { symbol: 'kWh', names: ['kWh', 'kW·h', 'kW.h', 'kWH', '千瓦时', '度'], dimension: 'energy', scale: 3.6e-3, zh: '千瓦时', en: 'kilowatt-hour' },
  { symbol: 'MWh', names: ['MWh', 'MW·h', '兆瓦时'], dimension: 'energy', scale: 3.6, zh: '兆瓦时', en: 'megawatt-hour' },
  { symbol: 'GWh', names: ['GWh', 'GW·h', '吉瓦时'], dimension: 'energy', scale: 3.6e3, zh: '吉瓦时', en: 'gigawatt-hour' },
  { symbol: 'TWh', names: ['TWh', 'TW·h', '太瓦时'], dimension: 'energy', scale: 3.6e6, zh: '太瓦时', en: 'terawatt-hour' },
  { symbol: 'kcal', names: ['kcal', '千卡', '大卡'], dimension: 'energy', scale: 4.1868e-6, zh: '千卡', en: 'kilocalorie (IT)' },
  { symbol: 'Mcal', names: ['Mcal', '兆卡'], dimension: 'energy', scale: 4.1868e-3, zh: '兆卡', en: 'megacalorie (IT)' },
  // coal equivalent (base tce)
  { symbol: 'tce', names: ['tce', '吨标准煤', '吨标煤', 't标准煤', 'tonne of coal equivalent'], dimension: 'coal_equivalent', scale: 1, zh: '吨标准煤', en: 'tonne of coal equivalent' },
  { symbol: 'kgce', names: ['kgce', '千克标准煤', '公斤标准煤', '千克标煤', '公斤标煤', 'kg标准煤'], dimension: 'coal_equivalent', scale: 1e-3, zh: '千克标准煤', en: 'kilogram of coal equivalent' },
  { symbol: 'gce', names: ['gce', '克标准煤', '克标煤'], dimension: 'coal_equivalent', scale: 1e-6, zh: '克标准煤', en: 'gram of coal equivalent' },
  // CO2 (base tCO2)
  { symbol: 'tCO2', names: ['tCO2', '吨二氧化碳', '吨CO2', 't CO2', 'tonne CO2'], dimension: 'co2', scale: 1, zh: '吨二氧化碳', en: 'tonne of CO2' },
  { symbol: 'kgCO2', names: ['kgCO2', '千克二氧化碳', '千克CO2', '公斤二氧化碳', 'kg CO2'], dimension: 'co2', scale: 1e-3, zh: '千克二氧化碳', en: 'kilogram of CO2' },
  { symbol: 'gCO2', names: ['gCO2', '克二氧化碳', 'g CO2'], dimension: 'co2', scale: 1e-6, zh: '克二氧化碳', en: 'gram of CO2' },
  { symbol: 'GgCO2', names: ['GgCO2'], dimension: 'co2', scale: 1e3, zh: '吉克二氧化碳', en: 'gigagram of CO2' },
  { symbol: 'MtCO2', names: ['MtCO2'], dimension: 'co2', scale: 1e6, zh: '百万吨二氧化碳', en: 'megatonne of CO2' },
  // CO2-equivalent (base tCO2e)
  { symbol: 'tCO2e', names: ['tCO2e', 'tCO2eq', 'tCO2-eq', 't CO2e', '吨二氧化碳当量', '吨CO2当量', '吨CO2e'], dimension: 'co2e', scale: 1, zh: '吨二氧化碳当量', en: 'tonne of CO2-equivalent' },
  { symbol: 'kgCO2e', names: ['kgCO2e', 'kgCO2eq', 'kgCO2-eq', '千克二氧化碳当量', '千克CO2当量', '千克CO2e'], dimension: 'co2e', scale: 1e-3, zh: '千克二氧化碳当量', en: 'kilogram of CO2-equivalent' },
  { symbol: 'gCO2e', names: ['gCO2e', 'gCO2eq', '克二氧化碳当量'], dimension: 'co2e', scale: 1e-6, zh: '克二氧化碳当量', en: 'gram of CO2-equivalent' },
  { symbol: 'MtCO2e', names: ['MtCO2e', 'MtCO2eq'], dimension: 'co2e', scale: 1e6, zh: '百万吨二氧化碳当量', en: 'megatonne of CO2-equivalent' },
  // carbon (base tC)
  { symbol: 'tC', names: ['tC', '吨碳', 't C'], dimension: 'carbon', scale: 1, zh: '吨碳', en: 'tonne of carbon' },
  { symbol: 'kgC', names: ['kgC', '千克碳', '公斤碳'], dimension: 'carbon', scale: 1e-3, zh: '千克碳', en: 'kilogram of carbon' },
  { symbol: 'GgC', names: ['GgC'], dimension: 'carbon', scale: 1e3, zh: '吉克碳', en: 'gigagram of carbon' },
  // currency (base 元); whether a value is at current or comparable prices is data, not a unit
  { symbol: '元', names: ['元', 'yuan', 'CNY', 'RMB', '人民币元'], dimension: 'currency', scale: 1, zh: '元', en: 'yuan' },
  // persons (base 人)
  { symbol: '人', names: ['人', 'person', 'persons', 'people', 'capita'], dimension: 'person', scale: 1, zh: '人', en: 'person' },
  // area (base m²)
  { symbol: 'm2', names: ['m2', '平方米', 'square metre', 'square meter'], dimension: 'area', scale: 1, zh: '平方米', en: 'square metre' },
  { symbol: 'hm2', names: ['hm2', 'ha', '公顷', 'hectare', 'hectares'], dimension: 'area', scale: 1e4, zh: '公顷', en: 'hectare' },
  { symbol: '亩', names: ['亩', 'mu'], dimension: 'area', scale: 10000 / 15, zh: '亩', en: 'mu' },
  { symbol: 'km2', names: ['km2', '平方公里', '平方千米'], dimension: 'area', scale: 1e6, zh: '平方公里', en: 'square kilometre' },
  // power (base kW)
  { symbol: 'W', names: ['W', '瓦'], dimension: 'power', scale: 1e-3, zh: '瓦', en: 'watt' },
  { symbol: 'kW', names: ['kW', '千瓦'], dimension: 'power', scale: 1, zh: '千瓦', en: 'kilowatt' },
  { symbol: 'MW', names: ['MW', '兆瓦'], dimension: 'power', scale: 1e3, zh: '兆瓦', en: 'megawatt' },
  { symbol: 'GW', names: ['GW', '吉瓦'], dimension: 'power', scale: 1e6, zh: '吉瓦', en: 'gigawatt' },
  // dimensionless
  { symbol: '1', names: ['1', 'fraction', '比例', '比率', 'ratio', '无量纲', 'dimensionless'], dimension: null, scale: 1, zh: '（无量纲）', en: '(dimensionless)' },
  { symbol: '%', names: ['%', 'percent', '百分比', '百分数'], dimension: null, scale: 0.01, zh: '百分比', en: 'percent' },
  { symbol: '‰', names: ['‰', 'permille', '千分比'], dimension: null, scale: 0.001, zh: '千分比', en: 'per mille' },
];

/**
 * Multiplying prefixes written before a unit: Chinese counting units (万吨, 亿千瓦时, 万吨标准煤, 万元, 万人)
 * and powers of ten (10^4 Nm3, 10⁴ m³, 1e4 m3). Longest first so that 百万 wins over 万.
 * Plain SI prefixes (k, M, G) are spelled out as separate units in the table instead.
 */
export const WORD_PREFIXES: ReadonlyArray<{ text: string; factor: number }> = [
  { text: '百万', factor: 1e6 },
  { text: '千万', factor: 1e7 },
  { text: '万', factor: 1e4 },
  { text: '亿', factor: 1e8 },
  { text: '千', factor: 1e3 },
  { text: '百', factor: 1e2 },
];
