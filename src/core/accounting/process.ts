import { DomainError } from '../errors.ts';
import { refOf } from '../factors/index.ts';
import { multiply, multiplyDimensions, parseUnit, sameDimension, valueIn, type Quantity } from '../units/index.ts';
import { CLINKER_MOLAR_RATIOS } from './constants.ts';
import type { FactorContext } from './factor-context.ts';
import type { Figure, LineageBuilder } from './lineage.ts';
import { PROCESS_CATEGORY_LABELS, type ProcessCategory, type ProcessLine } from './schema-process.ts';

export interface ProcessLineResult {
  readonly name: string;
  readonly category: ProcessCategory;
  readonly gas: string;
  /** tonnes of the gas emitted */
  readonly emission: Figure;
  /** tCO2e (= tCO2 for CO2) */
  readonly co2e: Figure;
  /** the emission factor actually applied, per unit of activity */
  readonly factor: Quantity;
}

export interface ProcessAccount {
  readonly lines: ProcessLineResult[];
  readonly byCategory: { category: ProcessCategory; co2e: Figure }[];
  /** CO2 only, tCO2 */
  readonly co2: Figure;
  /** all gases, tCO2e */
  readonly total: Figure;
}

function fraction(q: Quantity, field: string): number {
  const v = valueIn(q, '1', field);
  if (!(v >= 0 && v <= 1)) throw new DomainError('fraction_invalid', { field, zh: `${field}：比例应在 0–100% 之间（${q.value} ${q.unit}）`, en: `${field}: a share must be within 0–100 % (${q.value} ${q.unit})` });
  return v;
}

/** The emission factor of one line (per unit of activity), the unit it yields, and its factor refs. */
function lineFactor(ctx: FactorContext, line: ProcessLine, year: number, field: string): { factor: Quantity; refs: string[]; formula: string; notes: string[] } {
  const m = line.method;
  switch (m.type) {
    case 'factor': {
      const r = ctx.get({ kind: m.factor.kind ?? 'process.ef', key: m.factor.key, series: m.factor.series, year }, `${field}.method.factor`);
      return { factor: { value: r.value, unit: r.unit }, refs: [refOf(r)], formula: 'AD × EF', notes: [] };
    }
    case 'measured':
      return { factor: m.factor, refs: [], formula: 'AD × EF(实测)', notes: [`EF: ${m.source}`] };
    case 'clinker': {
      const c = m.composition;
      const f = (k: keyof typeof c) => fraction(c[k], `${field}.method.composition.${k}`);
      const cao = f('cao') - f('caoNonCarbonate');
      const mgo = f('mgo') - f('mgoNonCarbonate');
      if (cao < 0 || mgo < 0) {
        throw new DomainError('composition_invalid', { field: `${field}.method.composition`, zh: `${field}.method.composition：非碳酸盐来源的CaO/MgO不能超过熟料中的含量`, en: `${field}.method.composition: non-carbonate CaO/MgO cannot exceed the clinker content` });
      }
      const r = CLINKER_MOLAR_RATIOS[m.molarRatios];
      return { factor: { value: cao * r.cao + mgo * r.mgo, unit: 'tCO2/t' }, refs: [], formula: 'Q熟料 × [(CaO − CaO非碳酸盐) × 44/56 + (MgO − MgO非碳酸盐) × 44/40]', notes: [r.zh] };
    }
    case 'carbonate': {
      const r = ctx.get({ kind: 'process.carbonate', key: m.carbonate, series: m.series, year }, `${field}.method.carbonate`);
      const k = fraction(m.purity, `${field}.method.purity`) * fraction(m.calcination, `${field}.method.calcination`);
      return { factor: { value: r.value * k, unit: r.unit }, refs: [refOf(r)], formula: 'Q碳酸盐 × 纯度 × 煅烧比例 × EF', notes: [] };
    }
  }
}

/**
 * Industrial-process emissions, line by line. CO2 lines need a factor in CO2 (tCO2 per unit); other gases
 * a factor in tonnes of gas per unit, converted with the named GWP set. Never a silent zero: a line that
 * cannot be computed is an error naming it.
 */
export function computeProcess(ctx: FactorContext, lines: readonly ProcessLine[], year: number, lb: LineageBuilder, opts: { prefix: string; gwpSet?: string; co2Only?: boolean }): ProcessAccount {
  const results: ProcessLineResult[] = [];
  lines.forEach((line, i) => {
    const field = `process.${i}`;
    const gas = line.gas ?? 'CO2';
    if (opts.co2Only && gas !== 'CO2') {
      throw new DomainError('gas_not_supported', { field: `${field}.gas`, zh: `${field}.gas：区域清单只核算CO2（${gas} 请在企业报告中核算）`, en: `${field}.gas: the regional inventory covers CO2 only (account ${gas} in enterprise reports)` });
    }
    const lf = lineFactor(ctx, line, year, field);
    const inputs = [line.ref ? `${field} (${line.ref})` : field];
    const id = `${opts.prefix}.line.${i}`;
    let emission: Figure;
    let co2e: Figure;
    const label = { zh: `${line.name}（${PROCESS_CATEGORY_LABELS[line.category].zh}）`, en: `${line.name} (${PROCESS_CATEGORY_LABELS[line.category].en})` };
    const yieldsCo2 = sameDimension(parseUnit('tCO2').dimension, multiplyDimensions(parseUnit(lf.factor.unit, `${field}.method`).dimension, parseUnit(line.activity.unit).dimension));
    if (gas === 'CO2') {
      if (!yieldsCo2) throw badFactor(field, line.activity.unit, lf.factor.unit, 'tCO2');
      const v = multiply(line.activity, lf.factor, 'tCO2', field).value;
      emission = lb.add({ id, label, value: v, unit: 'tCO2', formula: lf.formula, inputs, factors: lf.refs, notes: lf.notes });
      co2e = lb.add({ id: `${id}.co2e`, label, value: v, unit: 'tCO2e', formula: 'CO2 × 1', from: [id] });
    } else {
      if (!opts.gwpSet) throw new DomainError('gwp_set_required', { field: 'method.gwpSet', zh: `method.gwpSet：${field} 为 ${gas}，须指定GWP值系列（如 AR5）`, en: `method.gwpSet: ${field} emits ${gas}; name a GWP set (e.g. AR5)` });
      const mass = multiply(line.activity, lf.factor, 't', field).value;
      const gwp = ctx.get({ kind: 'gwp100', key: gas, series: opts.gwpSet, year }, `${field}.gas`);
      emission = lb.add({ id, label, value: mass, unit: 't', formula: lf.formula, inputs, factors: lf.refs, notes: [...lf.notes, gas] });
      co2e = lb.add({ id: `${id}.co2e`, label, value: multiply({ value: mass, unit: 't' }, { value: gwp.value, unit: gwp.unit }, 'tCO2e', field).value, unit: 'tCO2e', formula: `${gas} × GWP100(${opts.gwpSet})`, factors: [refOf(gwp)], from: [id] });
    }
    results.push({ name: line.name, category: line.category, gas, emission, co2e, factor: lf.factor });
  });
  const cats = [...new Set(results.map((r) => r.category))];
  const byCategory = cats.map((category) => ({
    category,
    co2e: lb.sum(`${opts.prefix}.category.${category}`, PROCESS_CATEGORY_LABELS[category], results.filter((r) => r.category === category).map((r) => r.co2e), 'tCO2e'),
  }));
  const co2 = lb.sum(`${opts.prefix}.co2`, { zh: '工业过程CO2排放', en: 'industrial-process CO2' }, results.filter((r) => r.gas === 'CO2').map((r) => r.emission), 'tCO2');
  const total = lb.sum(`${opts.prefix}.total`, { zh: '工业过程温室气体排放', en: 'industrial-process GHG emissions' }, byCategory.map((c) => c.co2e), 'tCO2e');
  return { lines: results, byCategory, co2, total };
}

function badFactor(field: string, activityUnit: string, factorUnit: string, want: string): DomainError {
  return new DomainError('unit_incompatible', {
    field,
    zh: `${field}：活动水平（${activityUnit}）× 排放因子（${factorUnit}）得不到 ${want}`,
    en: `${field}: activity (${activityUnit}) × factor (${factorUnit}) does not give ${want}`,
  });
}
