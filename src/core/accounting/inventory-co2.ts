import { supply, sumFlows, type Agg, type Balance, type FuelFlows } from './balance.ts';
import { combust, factorRefs, resolveFuelParams, type FuelParamChoice, type FuelParams } from './combustion.ts';
import type { FactorContext } from './factor-context.ts';
import type { Figure, LineageBuilder } from './lineage.ts';
import { COMBUSTION_PROCESSES, FINAL_SECTORS, PROCESS_LABELS, SECTOR_LABELS, type FinalSector, type Process } from './sectors.ts';

export type Co2Sector = FinalSector | 'thermalPower' | 'heatSupply';

export interface Co2Line {
  readonly fuel: string;
  readonly sector: Co2Sector;
  /** physical amount burnt, in the fuel's basis unit */
  readonly amount: number;
  readonly unit: string;
  readonly energyGJ: number;
  readonly co2: Figure;
}

export interface CombustionAccount {
  readonly total: Figure;
  readonly bySector: { sector: Co2Sector; figure: Figure }[];
  readonly byFuel: { fuel: string; figure: Figure }[];
  readonly lines: Co2Line[];
}

export interface ReferenceAccount {
  readonly total: Figure;
  readonly byFuel: { fuel: string; apparentConsumption: number; unit: string; figure: Figure }[];
  /** reference − sectoral, tCO2 */
  readonly difference: Figure;
  /** (reference − sectoral) ÷ sectoral; absent when the sectoral total is zero */
  readonly relativeDifference?: Figure;
}

const SECTOR_NAME = (s: Co2Sector) => (s === 'thermalPower' || s === 'heatSupply' ? PROCESS_LABELS[s] : SECTOR_LABELS[s]);

function firstRow(f: FuelFlows): string {
  const all = [...Object.values(f.final), ...Object.values(f.transformationInput), ...Object.values(f.simple)].flatMap((a) => (a ? a.inputs : []));
  return (all[0] ?? 'energyBalance').replace(/ \(.*\)$/, '');
}

/** Resolves (once per fuel) and caches the emission parameters of fossil fuels. */
export class ParamCache {
  private readonly cache = new Map<string, FuelParams>();
  constructor(private readonly ctx: FactorContext, private readonly year: number, private readonly choices: Readonly<Record<string, FuelParamChoice>> = {}) {}
  get(f: FuelFlows): FuelParams {
    let p = this.cache.get(f.fuel.id);
    if (!p) {
      p = resolveFuelParams(this.ctx, f.fuel, this.year, firstRow(f), this.choices[f.fuel.id]);
      this.cache.set(f.fuel.id, p);
    }
    return p;
  }
}

/**
 * Sectoral approach: fuel burnt = final consumption − non-energy use, by sector, plus the inputs of thermal
 * power and heat supply. Inputs of coking, refining, washing… are converted, not burnt: their carbon is
 * counted where the products are burnt. Electricity and heat carry no direct CO2 here.
 */
export function computeSectoral(balance: Balance, params: ParamCache, lb: LineageBuilder): CombustionAccount {
  const lines: Co2Line[] = [];
  for (const f of balance.fuels) {
    if (!f.fuel.fossil) continue;
    const burnt: [Co2Sector, Agg][] = [];
    for (const s of FINAL_SECTORS) {
      const fin = f.final[s];
      if (!fin) continue;
      const ne = f.finalNonEnergy[s];
      burnt.push([s, { value: fin.value - (ne?.value ?? 0), inputs: [...fin.inputs, ...(ne?.inputs ?? [])] }]);
    }
    for (const p of COMBUSTION_PROCESSES as readonly Process[]) {
      const tin = f.transformationInput[p];
      if (tin) burnt.push([p as Co2Sector, tin]);
    }
    const nonZero = burnt.filter(([, a]) => a.value !== 0);
    if (!nonZero.length) continue;
    const p = params.get(f);
    for (const [sector, a] of nonZero) {
      const r = combust({ value: a.value, unit: f.unit }, p, a.inputs[0]?.replace(/ \(.*\)$/, '') ?? 'energyBalance');
      const co2 = lb.add({
        id: `co2.combustion.${sector}.${f.fuel.id}`, label: { zh: `${SECTOR_NAME(sector).zh}·${f.fuel.id}燃烧`, en: `${SECTOR_NAME(sector).en} · ${f.fuel.en} combustion` },
        value: r.co2T, unit: 'tCO2', formula: sector in SECTOR_LABELS ? `(终端消费 − 用作原料) → ${r.formula}` : r.formula, inputs: a.inputs, factors: factorRefs(p),
      });
      lines.push({ fuel: f.fuel.id, sector, amount: a.value, unit: f.unit, energyGJ: r.energyGJ, co2 });
    }
  }
  const sectors = [...new Set(lines.map((l) => l.sector))];
  const order: Co2Sector[] = ['thermalPower', 'heatSupply', ...FINAL_SECTORS];
  sectors.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const bySector = sectors.map((sector) => ({
    sector,
    figure: lb.sum(`co2.combustion.sector.${sector}`, { zh: `${SECTOR_NAME(sector).zh}化石燃料燃烧CO2`, en: `${SECTOR_NAME(sector).en} combustion CO2` }, lines.filter((l) => l.sector === sector).map((l) => l.co2), 'tCO2'),
  }));
  const fuels = [...new Set(lines.map((l) => l.fuel))];
  const byFuel = fuels.map((fuel) => ({
    fuel,
    figure: lb.sum(`co2.combustion.fuel.${fuel}`, { zh: `${fuel}燃烧CO2`, en: `${fuel} combustion CO2` }, lines.filter((l) => l.fuel === fuel).map((l) => l.co2), 'tCO2'),
  }));
  const totalFig = lb.sum('co2.combustion.total', { zh: '化石燃料燃烧CO2排放（部门法）', en: 'fuel-combustion CO2 (sectoral approach)' }, bySector.map((x) => x.figure), 'tCO2');
  return { total: totalFig, bySector, byFuel, lines };
}

/**
 * Reference approach (cross-check): apparent consumption = production + inflows − outflows ± stock change,
 * minus the carbon of non-energy use, with the same fuel parameters as the sectoral approach.
 */
export function computeReference(balance: Balance, params: ParamCache, sectoral: CombustionAccount, lb: LineageBuilder): ReferenceAccount {
  const byFuel: ReferenceAccount['byFuel'] = [];
  for (const f of balance.fuels) {
    if (!f.fuel.fossil) continue;
    const s = supply(f);
    const ne = sumFlows(f.finalNonEnergy);
    const apparent = s.value - ne.value;
    if (apparent === 0) continue;
    const p = params.get(f);
    const r = combust({ value: apparent, unit: f.unit }, p, firstRow(f));
    const figure = lb.add({
      id: `co2.reference.${f.fuel.id}`, label: { zh: `${f.fuel.id}表观消费CO2（参考法）`, en: `${f.fuel.en} apparent-consumption CO2 (reference approach)` },
      value: r.co2T, unit: 'tCO2', formula: `(生产 + 调入 + 进口 − 调出 − 出口 ± 库存 − 用作原料) → ${r.formula}`, inputs: [...s.inputs, ...ne.inputs], factors: factorRefs(p),
    });
    byFuel.push({ fuel: f.fuel.id, apparentConsumption: apparent, unit: f.unit, figure });
  }
  const totalFig = lb.sum('co2.reference.total', { zh: '化石燃料燃烧CO2排放（参考法）', en: 'fuel-combustion CO2 (reference approach)' }, byFuel.map((x) => x.figure), 'tCO2');
  const difference = lb.add({
    id: 'co2.reference.difference', label: { zh: '参考法与部门法之差', en: 'reference minus sectoral' }, value: totalFig.value - sectoral.total.value, unit: 'tCO2',
    formula: '参考法 − 部门法', from: [totalFig.lineage, sectoral.total.lineage],
    notes: ['差额来自统计平衡差额、损失、加工转换中的碳损失等'],
  });
  const relativeDifference = sectoral.total.value === 0 ? undefined : lb.add({
    id: 'co2.reference.relativeDifference', label: { zh: '参考法与部门法相对差异', en: 'relative difference, reference vs sectoral' }, value: difference.value / sectoral.total.value, unit: '1',
    formula: '(参考法 − 部门法) ÷ 部门法', from: [difference.lineage, sectoral.total.lineage],
  });
  return { total: totalFig, byFuel, difference, relativeDifference };
}
