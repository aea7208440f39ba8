/**
 * Physical dimensions as exponent vectors over a small set of base dimensions.
 *
 * The bases are chosen for carbon accounting, not for SI purity: a tonne of CO2, a tonne of carbon and a
 * tonne of coal equivalent are different things that must never be added or converted into one another by
 * a unit conversion (C → CO2 is chemistry, energy → tce depends on the fuel). So each is its own base.
 */
export const BASE_DIMENSIONS = [
  'mass', // t
  'volume', // m³ (gas volumes at standard conditions, wood stem volume)
  'energy', // GJ (heat and electricity alike: 1 kWh = 3.6 MJ is physics)
  'coal_equivalent', // tce (标准煤)
  'co2', // tCO2
  'co2e', // tCO2e
  'carbon', // tC
  'currency', // 元
  'person', // 人
  'area', // m²
  'power', // kW
] as const;

export type BaseDimension = (typeof BASE_DIMENSIONS)[number];

/** Exponents by base dimension; absent = 0. The empty vector is "dimensionless". */
export type Dimension = Readonly<Partial<Record<BaseDimension, number>>>;

export const DIMENSIONLESS: Dimension = Object.freeze({});

function normalise(d: Partial<Record<BaseDimension, number>>): Dimension {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const b of BASE_DIMENSIONS) {
    const e = d[b];
    if (e) out[b] = e;
  }
  return Object.freeze(out);
}

export function baseDimension(b: BaseDimension): Dimension {
  return normalise({ [b]: 1 });
}

export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const k of BASE_DIMENSIONS) out[k] = (a[k] ?? 0) + (b[k] ?? 0);
  return normalise(out);
}

export function divideDimensions(a: Dimension, b: Dimension): Dimension {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const k of BASE_DIMENSIONS) out[k] = (a[k] ?? 0) - (b[k] ?? 0);
  return normalise(out);
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return BASE_DIMENSIONS.every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

export function isDimensionless(d: Dimension): boolean {
  return sameDimension(d, DIMENSIONLESS);
}

const LABELS: Record<BaseDimension, { zh: string; en: string }> = {
  mass: { zh: '质量', en: 'mass' },
  volume: { zh: '体积', en: 'volume' },
  energy: { zh: '能量', en: 'energy' },
  coal_equivalent: { zh: '标准煤当量', en: 'coal equivalent' },
  co2: { zh: '二氧化碳质量', en: 'CO2 mass' },
  co2e: { zh: '二氧化碳当量', en: 'CO2-equivalent' },
  carbon: { zh: '碳质量', en: 'carbon mass' },
  currency: { zh: '货币', en: 'currency' },
  person: { zh: '人口', en: 'persons' },
  area: { zh: '面积', en: 'area' },
  power: { zh: '功率', en: 'power' },
};

/** Human-readable form, e.g. `energy/mass` / `能量/质量`; `dimensionless` / `无量纲`. */
export function formatDimension(d: Dimension, lang: 'zh' | 'en' = 'en'): string {
  const num: string[] = [];
  const den: string[] = [];
  for (const k of BASE_DIMENSIONS) {
    const e = d[k] ?? 0;
    const name = LABELS[k][lang];
    if (e > 0) num.push(e === 1 ? name : `${name}^${e}`);
    if (e < 0) den.push(e === -1 ? name : `${name}^${-e}`);
  }
  if (!num.length && !den.length) return lang === 'zh' ? '无量纲' : 'dimensionless';
  const n = num.length ? num.join('·') : '1';
  return den.length ? `${n}/${den.join('·')}` : n;
}
