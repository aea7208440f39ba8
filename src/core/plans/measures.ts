/**
 * Measurement units as written in Chinese plans (万千瓦, 亿立方米, 万吨标准煤, %, 个…), their dimension and
 * their factor to a base unit, so `0.6亿千瓦`, `6000万千瓦` and `60GW` compare equal. Magnitude prefixes
 * (万, 亿, 千万, 百万) are handled separately from the base unit: `亿千瓦` = 亿 × 千瓦.
 */

export type Dimension =
  | 'percent'
  | 'percentage_point'
  | 'power'
  | 'electricity'
  | 'energy_sce'
  | 'mass'
  | 'mass_rate'
  | 'volume'
  | 'area'
  | 'land'
  | 'length'
  | 'count'
  | 'time'
  | 'money'
  | 'specific_coal'
  | 'energy_intensity'
  | 'carbon_intensity'
  | 'ratio';

export interface BaseUnit {
  symbol: string;
  dimension: Dimension;
  /** Factor to the base unit of the dimension (kW, kWh, tce, t, t/a, m³, m², 亩, m, 1, h, 元, gce/kWh). */
  factor: number;
}

/** Base units, longest symbols first so that `万吨标准煤` wins over `万吨`. */
const BASE_UNITS: BaseUnit[] = [
  { symbol: '个百分点', dimension: 'percentage_point', factor: 1 },
  { symbol: '%', dimension: 'percent', factor: 1 },
  { symbol: '千瓦时', dimension: 'electricity', factor: 1 },
  { symbol: 'kWh', dimension: 'electricity', factor: 1 },
  { symbol: 'GWh', dimension: 'electricity', factor: 1e6 },
  { symbol: 'TWh', dimension: 'electricity', factor: 1e9 },
  { symbol: '千瓦', dimension: 'power', factor: 1 },
  { symbol: 'kW', dimension: 'power', factor: 1 },
  { symbol: '兆瓦', dimension: 'power', factor: 1e3 },
  { symbol: 'MW', dimension: 'power', factor: 1e3 },
  { symbol: '吉瓦', dimension: 'power', factor: 1e6 },
  { symbol: 'GW', dimension: 'power', factor: 1e6 },
  { symbol: '吨标准煤/万元', dimension: 'energy_intensity', factor: 1 },
  { symbol: '吨二氧化碳/万元', dimension: 'carbon_intensity', factor: 1 },
  { symbol: '吨标准煤', dimension: 'energy_sce', factor: 1 },
  { symbol: '吨标煤', dimension: 'energy_sce', factor: 1 },
  { symbol: 'tce', dimension: 'energy_sce', factor: 1 },
  { symbol: '克标准煤/千瓦时', dimension: 'specific_coal', factor: 1 },
  { symbol: '克/千瓦时', dimension: 'specific_coal', factor: 1 },
  { symbol: '吨/年', dimension: 'mass_rate', factor: 1 },
  { symbol: '吨/日', dimension: 'mass_rate', factor: 365 },
  { symbol: '吨/天', dimension: 'mass_rate', factor: 365 },
  { symbol: '吨二氧化碳', dimension: 'mass', factor: 1 },
  { symbol: '吨', dimension: 'mass', factor: 1 },
  { symbol: '千克', dimension: 'mass', factor: 1e-3 },
  { symbol: '公斤', dimension: 'mass', factor: 1e-3 },
  { symbol: '立方米', dimension: 'volume', factor: 1 },
  { symbol: '平方米', dimension: 'area', factor: 1 },
  { symbol: '平方公里', dimension: 'area', factor: 1e6 },
  { symbol: '公顷', dimension: 'area', factor: 1e4 },
  { symbol: '亩', dimension: 'land', factor: 1 },
  { symbol: '公里', dimension: 'length', factor: 1000 },
  { symbol: '千米', dimension: 'length', factor: 1000 },
  { symbol: '米', dimension: 'length', factor: 1 },
  { symbol: '小时', dimension: 'time', factor: 1 },
  { symbol: '天', dimension: 'time', factor: 24 },
  { symbol: '元', dimension: 'money', factor: 1 },
];

/** Counting words (量词): a count of things, dimension `count`, factor 1. */
const COUNTERS = '个家座台辆项处条所艘套人名户栋只种批架部间张片宗';

const MAGNITUDES: Array<[string, number]> = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['万', 1e4],
  ['亿', 1e8],
  ['千', 1e3],
];

export interface MeasureUnit {
  /** The unit as written, e.g. `亿千瓦`, `万辆`, `%`, `` for a bare ratio. */
  symbol: string;
  dimension: Dimension;
  /** Factor from this unit to the base unit of its dimension (`亿千瓦` → 1e8 kW). */
  factor: number;
}

/** The dimensionless unit of ratios such as PUE. */
export const RATIO_UNIT: MeasureUnit = { symbol: '', dimension: 'ratio', factor: 1 };

function baseAt(text: string, pos: number): BaseUnit | null {
  for (const b of BASE_UNITS) if (text.startsWith(b.symbol, pos)) return b;
  const ch = text[pos];
  if (ch && COUNTERS.includes(ch)) return { symbol: ch, dimension: 'count', factor: 1 };
  return null;
}

/**
 * Reads a measurement unit written at `pos` (right after a number): optional magnitude + base unit.
 * Returns the unit and its length, or null when no known unit starts there. A bare magnitude (`3000万`)
 * is a count.
 */
export function readMeasureUnit(text: string, pos: number): { unit: MeasureUnit; length: number } | null {
  for (const [mag, f] of MAGNITUDES) {
    if (!text.startsWith(mag, pos)) continue;
    const base = baseAt(text, pos + mag.length);
    // `千瓦`, `千米`, `千克`, `千瓦时` are base units in their own right, not 千 × 瓦.
    if (mag === '千' && (!base || text.startsWith('千瓦', pos) || text.startsWith('千米', pos) || text.startsWith('千克', pos))) break;
    if (base) {
      const symbol = mag + base.symbol;
      return { unit: { symbol, dimension: base.dimension, factor: f * base.factor }, length: symbol.length };
    }
    if (mag === '万' || mag === '亿') return { unit: { symbol: mag, dimension: 'count', factor: f }, length: mag.length };
  }
  const base = baseAt(text, pos);
  if (!base) return null;
  return { unit: { symbol: base.symbol, dimension: base.dimension, factor: base.factor }, length: base.symbol.length };
}

/** Parses a whole unit string (`万千瓦`, `%`, `亿立方米`); '' is the ratio unit. */
export function parseMeasureUnit(symbol: string): MeasureUnit | null {
  if (symbol === '') return RATIO_UNIT;
  const r = readMeasureUnit(symbol, 0);
  return r && r.length === symbol.length ? r.unit : null;
}

/** Converts `value` from one unit to another of the same dimension; null when they are incompatible. */
export function convertValue(value: number, from: MeasureUnit, to: MeasureUnit): number | null {
  if (from.dimension !== to.dimension) return null;
  // Round away binary noise: 0.6 × 1e8 / 1e4 must be 6000, not 5999.999999999999.
  return Number(((value * from.factor) / to.factor).toPrecision(12));
}
