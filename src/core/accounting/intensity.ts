import { DomainError } from '../errors.ts';
import { valueIn, type Quantity } from '../units/index.ts';
import { LineageBuilder, type Figure, type LineageNode } from './lineage.ts';

export interface Economy {
  readonly gdpCurrent: Quantity;
  readonly gdpComparable: { readonly amount: Quantity; readonly priceBaseYear: number };
  readonly population: Quantity;
}

export interface Intensities {
  /** 单位地区生产总值能耗, tce/万元 (comparable prices) */
  readonly energy: Figure;
  /** 单位地区生产总值CO2排放 (energy-related incl. net electricity/heat inflows), tCO2/万元 */
  readonly co2: Figure;
  /** all CO2 (combustion + process + indirect) per 万元 */
  readonly co2Total: Figure;
  readonly energyPerCapita: Figure;
  readonly co2PerCapita: Figure;
  readonly priceBaseYear: number;
}

/** Intensities per 万元 of GDP at comparable prices, and per person. */
export function computeIntensities(economy: Economy, energy: Figure, energyCo2: Figure, totalCo2: Figure, lb: LineageBuilder): Intensities {
  const gdp = valueIn(economy.gdpComparable.amount, '万元', 'economy.gdpComparable.amount');
  const pop = valueIn(economy.population, '人', 'economy.population');
  const gdpFig = lb.add({ id: 'economy.gdpComparable', label: { zh: `地区生产总值（${economy.gdpComparable.priceBaseYear}年可比价）`, en: `GDP (${economy.gdpComparable.priceBaseYear} prices)` }, value: gdp, unit: '万元', inputs: ['economy.gdpComparable'] });
  const popFig = lb.add({ id: 'economy.population', label: { zh: '常住人口', en: 'resident population' }, value: pop, unit: '人', inputs: ['economy.population'] });
  const per = (id: string, label: { zh: string; en: string }, num: Figure, den: Figure, unit: string) =>
    lb.add({ id, label, value: num.value / den.value, unit, formula: `${lb.get(num.lineage)?.label.zh ?? num.lineage} ÷ ${lb.get(den.lineage)?.label.zh ?? den.lineage}`, from: [num.lineage, den.lineage] });
  return {
    energy: per('intensity.energy', { zh: '单位地区生产总值能耗', en: 'energy intensity of GDP' }, energy, gdpFig, 'tce/万元'),
    co2: per('intensity.co2', { zh: '单位地区生产总值二氧化碳排放（能源活动，含电力热力调入）', en: 'CO2 intensity of GDP (energy, incl. net inflows)' }, energyCo2, gdpFig, 'tCO2/万元'),
    co2Total: per('intensity.co2Total', { zh: '单位地区生产总值二氧化碳排放（全部，含工业过程）', en: 'CO2 intensity of GDP (all sources)' }, totalCo2, gdpFig, 'tCO2/万元'),
    energyPerCapita: per('intensity.energyPerCapita', { zh: '人均能源消费', en: 'energy per capita' }, energy, popFig, 'tce/人'),
    co2PerCapita: per('intensity.co2PerCapita', { zh: '人均二氧化碳排放', en: 'CO2 per capita' }, energyCo2, popFig, 'tCO2/人'),
    priceBaseYear: economy.gdpComparable.priceBaseYear,
  };
}

/** What a comparison needs of an inventory (kept minimal so that results of other versions compare too). */
export interface Comparable {
  readonly region: { readonly code: string };
  readonly year: number;
  readonly factorSet: { readonly fingerprint: string; readonly name: string; readonly version: number };
  readonly method: { readonly electricityConversion: string; readonly electricityFactor: { readonly series: string; readonly key: string } };
  readonly energy: { readonly total: Figure };
  readonly co2: { readonly totals: { readonly energyWithIndirect: Figure; readonly withIndirect: Figure } };
  readonly intensity: Intensities;
}

export interface Reduction {
  readonly baseYear: number;
  readonly year: number;
  /** reduction rate 1 − I_t / I_0 (positive = intensity fell); the 晴雨表 formula's "降低率" */
  readonly energyIntensity: Figure;
  readonly co2Intensity: Figure;
  readonly co2TotalIntensity: Figure;
  /** 能源消费总量增速 (E_t / E_0 − 1) */
  readonly energyGrowth: Figure;
  /** average annual reduction 1 − (I_t / I_0)^(1/(t − t0)) */
  readonly energyIntensityAnnual: Figure;
  readonly co2IntensityAnnual: Figure;
  readonly lineage: Record<string, LineageNode>;
}

function incomparable(zh: string, en: string, field = 'base'): DomainError {
  return new DomainError('inventories_incomparable', { field, zh: `${field}：基年与报告年不可比：${zh}`, en: `${field}: base and reporting year are not comparable: ${en}` });
}

/**
 * Reduction of energy and CO2 intensity against a base year. Refuses to compare inventories computed with
 * different factor sets, different electricity series or conversion methods, or GDP at different price bases.
 * `roundIntensityTo` rounds both intensities before the rate (the statistics bureau keeps 4 decimals).
 */
export function compareWithBase(current: Comparable, base: Comparable, opts: { roundIntensityTo?: number } = {}): Reduction {
  if (current.region.code !== base.region.code) throw incomparable(`地区不同（${base.region.code} ≠ ${current.region.code}）`, `different regions (${base.region.code} ≠ ${current.region.code})`);
  if (!(base.year < current.year)) throw incomparable(`基年 ${base.year} 应早于报告年 ${current.year}`, `base year ${base.year} must precede ${current.year}`);
  if (base.factorSet.fingerprint !== current.factorSet.fingerprint) {
    throw incomparable(`使用了不同的因子集（${base.factorSet.name} v${base.factorSet.version} / ${current.factorSet.name} v${current.factorSet.version}），请用同一因子集重算`, `computed with different factor sets (${base.factorSet.name} v${base.factorSet.version} / ${current.factorSet.name} v${current.factorSet.version}); recompute with one set`);
  }
  const be = base.method.electricityFactor;
  const ce = current.method.electricityFactor;
  if (be.series !== ce.series || be.key !== ce.key) throw incomparable(`电力排放因子系列不同（${be.series}/${be.key} ≠ ${ce.series}/${ce.key}），两个系列不得混用`, `different electricity factor series (${be.series}/${be.key} ≠ ${ce.series}/${ce.key}); series are never mixed`);
  if (base.method.electricityConversion !== current.method.electricityConversion) throw incomparable('电力折标方法不同（当量值/等价值）', 'different electricity conversion (当量值 / 等价值)');
  if (base.intensity.priceBaseYear !== current.intensity.priceBaseYear) throw incomparable(`GDP 可比价基年不同（${base.intensity.priceBaseYear} ≠ ${current.intensity.priceBaseYear}）`, `GDP at different price bases (${base.intensity.priceBaseYear} ≠ ${current.intensity.priceBaseYear})`);

  const lb = new LineageBuilder();
  const r = (x: number) => (opts.roundIntensityTo === undefined ? x : Number(x.toFixed(opts.roundIntensityTo)));
  const n = current.year - base.year;
  const note = opts.roundIntensityTo === undefined ? [] : [`强度先保留 ${opts.roundIntensityTo} 位小数再计算降低率`];
  const rate = (id: string, label: { zh: string; en: string }, cur: Figure, b: Figure) => {
    if (r(b.value) === 0) {
      throw new DomainError('division_by_zero', { field: 'base', zh: `base：基期${label.zh.replace(/降低率.*$/, '')}为零，无法计算降低率`, en: `base: the base-year intensity is zero (${label.en})` });
    }
    const ratio = r(cur.value) / r(b.value);
    const total = lb.add({ id, label, value: 1 - ratio, unit: '1', formula: '1 − 报告期强度 ÷ 基期强度', inputs: [`current:${cur.lineage}`, `base:${b.lineage}`], notes: note });
    const annual = lb.add({ id: `${id}.annual`, label: { zh: `${label.zh}（年均）`, en: `${label.en} (annual average)` }, value: 1 - ratio ** (1 / n), unit: '1', formula: `1 − (报告期强度 ÷ 基期强度)^(1/${n})`, from: [id] });
    return { total, annual };
  };
  const e = rate('reduction.energyIntensity', { zh: '单位地区生产总值能耗降低率', en: 'energy-intensity reduction' }, current.intensity.energy, base.intensity.energy);
  const c = rate('reduction.co2Intensity', { zh: '单位地区生产总值二氧化碳排放降低率', en: 'CO2-intensity reduction' }, current.intensity.co2, base.intensity.co2);
  const ct = rate('reduction.co2TotalIntensity', { zh: '单位地区生产总值二氧化碳排放降低率（含工业过程）', en: 'CO2-intensity reduction (all sources)' }, current.intensity.co2Total, base.intensity.co2Total);
  const energyGrowth = lb.add({
    id: 'growth.energy', label: { zh: '能源消费总量增速', en: 'growth of total energy consumption' }, value: current.energy.total.value / base.energy.total.value - 1, unit: '1',
    formula: '报告期能源消费总量 ÷ 基期 − 1', inputs: [`current:${current.energy.total.lineage}`, `base:${base.energy.total.lineage}`],
  });
  return {
    baseYear: base.year, year: current.year,
    energyIntensity: e.total, co2Intensity: c.total, co2TotalIntensity: ct.total, energyGrowth,
    energyIntensityAnnual: e.annual, co2IntensityAnnual: c.annual, lineage: lb.toRecord(),
  };
}
