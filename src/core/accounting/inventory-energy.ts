import { DomainError } from '../errors.ts';
import { REVIEW_THRESHOLDS } from './constants.ts';
import { valueIn, type Quantity } from '../units/index.ts';
import { consumption, netImport, supply, sumFlows, type Agg, type Balance, type FuelFlows } from './balance.ts';
import { resolveCoalCoefficient, toTce, type CoalChoice, type CoalCoefficient, type ElectricityConversion } from './energy-equivalent.ts';
import type { FactorContext, QualityFlag } from './factor-context.ts';
import type { FuelParamChoice } from './combustion.ts';
import type { Figure, LineageBuilder } from './lineage.ts';
import { FINAL_SECTORS, PROCESSES, PROCESS_LABELS, SECTOR_LABELS, THERMAL_SOURCES, type FinalSector, type Process } from './sectors.ts';

export interface EnergyMethod {
  readonly conversion: ElectricityConversion;
  readonly coalEquivalent?: Readonly<Record<string, CoalChoice>>;
  readonly fuelParameters?: Readonly<Record<string, FuelParamChoice>>;
  readonly importNonFossilShare?: { readonly share: Quantity; readonly source: string };
}

export interface BalanceDifference {
  readonly fuel: string;
  readonly unit: string;
  readonly supply: number;
  readonly consumption: number;
  /** supply − consumption (平衡差额) */
  readonly difference: number;
  /** difference ÷ the larger of |supply|, total use (final + transformation input + losses) and transformation output */
  readonly relative: number;
}

export interface EnergyAccount {
  /** 能源消费总量, tce */
  readonly total: Figure;
  readonly byFuel: { fuel: string; figure: Figure }[];
  /** 终端消费 by sector */
  readonly bySector: { sector: FinalSector; figure: Figure; byFuel: { fuel: string; figure: Figure }[] }[];
  /** 加工转换损失 by process (input − output) */
  readonly transformation: { process: Process; figure: Figure }[];
  readonly losses: Figure;
  /** 用作原料、材料 */
  readonly feedstock: Figure;
  /** 非化石能源消费量 */
  readonly nonFossil: Figure;
  readonly nonFossilShare: Figure;
  /** total − feedstock − non-fossil (the 14th-FYP assessment deductions; single-source convention) */
  readonly assessmentBasis: Figure;
  readonly coefficients: { fuel: string; coef: Quantity; refs: readonly string[] }[];
  readonly balanceDifferences: BalanceDifference[];
}

const firstInput = (f: FuelFlows): string => {
  const all = [...Object.values(f.simple), ...Object.values(f.final), ...Object.values(f.transformationInput), ...Object.values(f.transformationOutput)]
    .flatMap((a) => (a ? a.inputs : []));
  return (all[0] ?? 'energyBalance').replace(/ \(.*\)$/, '');
};

/**
 * 能源消费总量 = Σ fuels (终端消费 + 加工转换投入 − 加工转换产出 + 损失) × 折标系数,
 * which equals 终端消费 + 加工转换损失 + 损失. Electricity at 当量值 or 等价值 as the method says.
 */
export function computeEnergy(ctx: FactorContext, balance: Balance, year: number, m: EnergyMethod, lb: LineageBuilder, flags: QualityFlag[]): EnergyAccount {
  const coefs = new Map<string, CoalCoefficient>();
  const used = balance.fuels.filter((f) => [sumFlows(f.final), sumFlows(f.transformationInput), sumFlows(f.transformationOutput), f.simple.loss].some((a) => a.value !== 0));
  for (const f of used) {
    const c = resolveCoalCoefficient(ctx, f.fuel, { year, conversion: m.conversion, choice: m.coalEquivalent?.[f.fuel.id], paramChoice: m.fuelParameters?.[f.fuel.id] }, firstInput(f));
    coefs.set(f.fuel.id, c);
  }
  const tce = (f: FuelFlows, a: Agg) => toTce({ value: a.value, unit: f.unit }, coefs.get(f.fuel.id) as CoalCoefficient, firstInput(f));
  const node = (id: string, label: { zh: string; en: string }, f: FuelFlows, a: Agg, sign = 1, formula?: string) =>
    lb.add({ id, label, value: sign * tce(f, a), unit: 'tce', formula: formula ?? (coefs.get(f.fuel.id) as CoalCoefficient).formula, inputs: a.inputs, factors: (coefs.get(f.fuel.id) as CoalCoefficient).refs });

  const byFuel = used.map((f) => ({ fuel: f.fuel.id, figure: node(`energy.fuel.${f.fuel.id}`, { zh: `${f.fuel.id}消费量（折标）`, en: `${f.fuel.en} consumption (tce)` }, f, consumption(f), 1, '(终端 + 加工转换投入 − 产出 + 损失) × 折标系数') }));
  const bySector = FINAL_SECTORS.filter((s) => used.some((f) => f.final[s])).map((s) => {
    const byFuel = used.filter((f) => f.final[s]).map((f) => ({ fuel: f.fuel.id, figure: node(`energy.final.${s}.${f.fuel.id}`, { zh: `${SECTOR_LABELS[s].zh}·${f.fuel.id}`, en: `${SECTOR_LABELS[s].en} · ${f.fuel.en}` }, f, f.final[s] as Agg) }));
    const figure = lb.sum(`energy.sector.${s}`, { zh: `${SECTOR_LABELS[s].zh}终端消费（折标）`, en: `${SECTOR_LABELS[s].en} final consumption (tce)` }, byFuel.map((x) => x.figure), 'tce');
    return { sector: s, figure, byFuel };
  });
  const transformation = PROCESSES.filter((p) => used.some((f) => f.transformationInput[p] || f.transformationOutput[p])).map((p) => {
    const parts: Figure[] = [];
    for (const f of used) {
      if (f.transformationInput[p]) parts.push(node(`energy.transformation.${p}.in.${f.fuel.id}`, { zh: `${PROCESS_LABELS[p].zh}投入·${f.fuel.id}`, en: `${PROCESS_LABELS[p].en} input · ${f.fuel.en}` }, f, f.transformationInput[p] as Agg));
      if (f.transformationOutput[p]) parts.push(node(`energy.transformation.${p}.out.${f.fuel.id}`, { zh: `${PROCESS_LABELS[p].zh}产出·${f.fuel.id}`, en: `${PROCESS_LABELS[p].en} output · ${f.fuel.en}` }, f, f.transformationOutput[p] as Agg, -1));
    }
    return { process: p, figure: lb.sum(`energy.transformation.${p}`, { zh: `${PROCESS_LABELS[p].zh}加工转换损失（折标）`, en: `${PROCESS_LABELS[p].en} transformation loss (tce)` }, parts, 'tce', 'Σ投入 − Σ产出') };
  });
  const lossParts = used.filter((f) => f.simple.loss.value !== 0).map((f) => node(`energy.loss.${f.fuel.id}`, { zh: `${f.fuel.id}损失量`, en: `${f.fuel.en} losses` }, f, f.simple.loss));
  const losses = lb.sum('energy.losses', { zh: '损失量（折标）', en: 'losses (tce)' }, lossParts, 'tce');
  const totalFig = lb.sum('energy.total', { zh: '能源消费总量', en: 'total energy consumption' }, byFuel.map((x) => x.figure), 'tce');

  const feedParts = used.flatMap((f) => FINAL_SECTORS.filter((s) => f.finalNonEnergy[s]).map((s) => node(`energy.feedstock.${s}.${f.fuel.id}`, { zh: `${SECTOR_LABELS[s].zh}·${f.fuel.id}用作原料`, en: `${SECTOR_LABELS[s].en} · ${f.fuel.en} feedstock` }, f, f.finalNonEnergy[s] as Agg)));
  const feedstock = lb.sum('energy.feedstock', { zh: '用作原料、材料的能源（折标）', en: 'non-energy use (tce)' }, feedParts, 'tce');

  const nonFossil = nonFossilEnergy(balance, m, coefs, lb);
  const nonFossilShare = lb.add({ id: 'energy.nonFossilShare', label: { zh: '非化石能源消费比重', en: 'non-fossil share of energy consumption' }, value: totalFig.value === 0 ? 0 : nonFossil.value / totalFig.value, unit: '1', formula: '非化石能源消费量 ÷ 能源消费总量', from: [nonFossil.lineage, totalFig.lineage] });
  const assessmentBasis = lb.add({
    id: 'energy.assessmentBasis', label: { zh: '扣除原料用能和非化石能源后的能源消费量', en: 'energy consumption net of feedstock and non-fossil energy' },
    value: totalFig.value - feedstock.value - nonFossil.value, unit: 'tce', formula: '能源消费总量 − 原料用能 − 非化石能源消费量', from: [totalFig.lineage, feedstock.lineage, nonFossil.lineage],
    notes: ['“十四五”能耗强度考核扣除原料用能和非化石能源消费量（参考数据 §8，单一来源）'],
  });

  const balanceDifferences = balance.fuels.map((f) => {
    const s = supply(f).value;
    const c = consumption(f).value;
    const d = s - c;
    const use = sumFlows(f.final).value + sumFlows(f.transformationInput).value + f.simple.loss.value;
    const scale = Math.max(Math.abs(s), use, sumFlows(f.transformationOutput).value);
    const rel = scale === 0 ? 0 : d / scale;
    if (Math.abs(rel) > REVIEW_THRESHOLDS.balanceDifference) flags.push({ field: firstInput(f), zh: `${f.fuel.id}平衡差额较大：${(rel * 100).toFixed(1)}%（可供量 ${s}，消费量 ${c} ${f.unit}）`, en: `${f.fuel.en}: large balance difference ${(rel * 100).toFixed(1)} % (supply ${s}, consumption ${c} ${f.unit})` });
    return { fuel: f.fuel.id, unit: f.unit, supply: s, consumption: c, difference: d, relative: rel };
  });
  const coefficients = [...coefs.entries()].map(([fuel, c]) => ({ fuel, coef: c.coef, refs: c.refs }));
  return { total: totalFig, byFuel, bySector, transformation, losses, feedstock, nonFossil, nonFossilShare, assessmentBasis, coefficients, balanceDifferences };
}

/**
 * Non-fossil electricity consumed: local non-fossil generation plus the non-fossil share of net inflows.
 * A net exporter is assumed to export its local generation mix (stated in the node's notes).
 */
function nonFossilEnergy(balance: Balance, m: EnergyMethod, coefs: Map<string, CoalCoefficient>, lb: LineageBuilder): Figure {
  const elec = balance.fuels.find((f) => f.fuel.id === '电力');
  const gen = Object.entries(balance.generation);
  const nonFossilGen = gen.filter(([s]) => !(THERMAL_SOURCES as readonly string[]).includes(s)).reduce((a, [, g]) => a + (g as Agg).value, 0);
  const allGen = gen.reduce((a, [, g]) => a + (g as Agg).value, 0);
  const inputs = gen.flatMap(([, g]) => (g as Agg).inputs);
  if (!elec || (nonFossilGen === 0 && netImport(elec).value <= 0)) {
    return lb.add({ id: 'energy.nonFossil', label: { zh: '非化石能源消费量', en: 'non-fossil energy consumption' }, value: 0, unit: 'tce', formula: '无非化石电力', inputs });
  }
  const net = netImport(elec);
  const c = coefs.get('电力');
  if (!c) throw new DomainError('electricity_missing', { field: 'energyBalance', zh: 'energyBalance：有发电量但没有电力消费行', en: 'energyBalance: generation given but no electricity consumption rows' });
  let kwh: number;
  const notes: string[] = [];
  const extraInputs = [...net.inputs];
  if (net.value > 0) {
    if (!m.importNonFossilShare) {
      throw new DomainError('import_share_missing', {
        field: 'electricityImportNonFossilShare',
        zh: 'electricityImportNonFossilShare：电力净调入时须给出调入电力中非化石能源电力的比例及来源（不作任何假定）',
        en: 'electricityImportNonFossilShare: with net electricity inflows, give the non-fossil share of the inflow and its source (nothing is assumed)',
      });
    }
    const share = valueIn(m.importNonFossilShare.share, '1', 'electricityImportNonFossilShare.share');
    kwh = nonFossilGen + net.value * share;
    notes.push(`调入电力非化石比例 ${share}（${m.importNonFossilShare.source}）`);
    extraInputs.push('electricityImportNonFossilShare');
  } else {
    kwh = allGen === 0 ? 0 : nonFossilGen * ((allGen + net.value) / allGen);
    notes.push('电力净调出：按本地发电结构分摊调出电量（假定调出电力与本地发电结构相同）');
  }
  return lb.add({
    id: 'energy.nonFossil', label: { zh: '非化石能源消费量', en: 'non-fossil energy consumption' }, value: toTce({ value: kwh, unit: 'kWh' }, c, 'generation'), unit: 'tce',
    formula: '(本地非化石发电量 + 净调入 × 非化石比例) × 电力折标系数', inputs: [...inputs, ...extraInputs], factors: c.refs, notes,
  });
}
