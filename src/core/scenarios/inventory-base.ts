/**
 * A scenario base year from a regional inventory (src/core/accounting): energy by sector and fuel, fuel
 * factors, electricity, generation, processes and sinks, each with the inventory figures it came from.
 * The mapping is chosen so that the base year of the projection reproduces the inventory's totals exactly
 * (energy, energy CO2 incl. net inflows, process CO2, sinks, non-fossil share, both intensities); see
 * README.md "Base year from an inventory" for the equations and what is approximate (CO2 by sector).
 */
import { lookupFuel, parseRegionalBalance, type FinalSector, type RegionalBalanceInput, type RegionalInventory } from '../accounting/index.ts';
import { valueIn, type Quantity } from '../units/index.ts';
import type { Base, Fuel, Process, Sector } from './schema.ts';
import { cannot, powerBase, TECH_OF, type FieldLineage, type LineageSource } from './inventory-power.ts';
import { INVENTORY_SECTORS } from './inventory-sectors.ts';

export { INVENTORY_SECTORS, TECH_OF };
export type { FieldLineage, LineageSource };

const SECTOR_OF = new Map<FinalSector, string>(INVENTORY_SECTORS.flatMap((s) => s.from.map((f) => [f, s.id] as const)));
/** Energy conversion (transformation losses) and losses belong to industry: power, heat and coking are industries. */
const CONVERSION_SECTOR = 'industry';

type Group = 'coal' | 'oil' | 'gas' | 'electricity' | 'heat';
const FOSSIL_GROUPS = ['coal', 'oil', 'gas'] as const;
const GROUP_NAMES: Record<Group, { zh: string; en: string }> = {
  coal: { zh: '煤炭', en: 'Coal' }, oil: { zh: '油品', en: 'Oil products' }, gas: { zh: '天然气及煤气', en: 'Gas' },
  electricity: { zh: '电力', en: 'Electricity' }, heat: { zh: '热力', en: 'Heat' },
};
export const FEEDSTOCK = 'feedstock';
export const CONVERSION = 'conversion';

export interface BaseOptions {
  /** how the inventory is named in lineage texts, e.g. `清单 #12（示范市 2023）` */
  label: { zh: string; en: string };
  /** installed capacity of a technology in the inventory year (万kW), e.g. from the region's observations */
  capacity?: Record<string, { value: number; source: LineageSource; ref: string; zh: string; en: string }>;
  /** full-load hours of a technology as entered before (the template file), used when its capacity is unknown */
  hours?: Record<string, number>;
}

export interface InventoryBase {
  baseYear: number;
  region: { code: string; name: string };
  fuels: Fuel[];
  sectors: Sector[];
  electricity: { kgcePerKWh: number; source: string };
  /** base without valueAddedShare (not in an inventory) */
  base: Omit<Base, 'valueAddedShare'>;
  lineage: FieldLineage[];
  warnings: { zh: string; en: string }[];
  /** inventory figures the base year must reproduce (checked after projection) */
  expect: InventoryFigures;
}

/** Inventory figures in the scenario's units, to compare with the projection's base year. */
export interface InventoryFigures {
  energyTotal: number; co2Energy: number; co2Process: number; co2Gross: number; sinks: number; co2Net: number;
  nonFossilShare: number; energyIntensity: number; carbonIntensity: number; population: number; gdp: number;
  energyBySector: Record<string, number>;
  /** direct combustion CO2 of end users by sector (the model: fossil fuels × their factor) */
  directCo2BySector: Record<string, number>;
}

const wan = (tce: number) => valueIn({ value: tce, unit: 'tce' }, '万tce');
const wanCo2 = (t: number) => valueIn({ value: t, unit: 'tCO2' }, '万tCO2');

class Acc {
  readonly energy: Record<string, Record<string, number>> = {};
  readonly refs: Record<string, string[]> = {};
  add(sector: string, fuel: string, v: number, ref: string) {
    const row = (this.energy[sector] ??= {});
    row[fuel] = (row[fuel] ?? 0) + v;
    (this.refs[`${sector}.${fuel}`] ??= []).push(ref);
  }
}

/**
 * The base year of a scenario file from a computed regional inventory and the balance it was computed from.
 * Throws a DomainError (field `inventoryId`) when the inventory cannot be represented (negative conversion).
 */
export function baseFromInventory(inv: RegionalInventory, rawBalance: unknown, opts: BaseOptions): InventoryBase {
  const balance: RegionalBalanceInput = parseRegionalBalance(rawBalance);
  const node = (id: string) => inv.lineage[id];
  const nodeValue = (id: string) => node(id)?.value ?? 0;
  const L = opts.label;
  const lineage: FieldLineage[] = [];
  const warnings: { zh: string; en: string }[] = [];
  const note = (field: string, value: number | null, unit: string, source: LineageSource, refs: string[], zh: string, en: string) =>
    lineage.push({ field, value, unit, source, refs, zh, en });

  // Electricity conversion: the inventory's own coefficient (当量值 or 等价值).
  const elecCoef = inv.energy.coefficients.find((c) => c.fuel === '电力');
  if (!elecCoef) throw cannot('清单没有电力消费，无法确定电力折标系数', 'the inventory has no electricity use, so its electricity coefficient is unknown');
  const k0 = valueIn(elecCoef.coef, 'kgce/kWh');

  // Energy by scenario sector and fuel group: final use minus feedstock; feedstock apart; conversion and losses in industry.
  const acc = new Acc();
  const burnt: Record<Group, number> = { coal: 0, oil: 0, gas: 0, electricity: 0, heat: 0 };
  for (const s of inv.energy.bySector) {
    const sector = SECTOR_OF.get(s.sector) as string;
    for (const f of s.byFuel) {
      const def = lookupFuel(f.fuel);
      if (!def) continue;
      const group = def.group as Group;
      const feedId = `energy.feedstock.${s.sector}.${f.fuel}`;
      const feed = def.fossil ? nodeValue(feedId) : 0;
      acc.add(sector, group, wan(f.figure.value - feed), f.figure.lineage);
      burnt[group] += f.figure.value - feed;
      if (feed) acc.add(sector, FEEDSTOCK, wan(feed), feedId);
    }
  }
  const lossOf = (fuel: string) => nodeValue(`energy.loss.${fuel}`);
  const elecLoss = lossOf('电力'), heatLoss = lossOf('热力');
  if (elecLoss) acc.add(CONVERSION_SECTOR, 'electricity', wan(elecLoss), 'energy.loss.电力');
  if (heatLoss) acc.add(CONVERSION_SECTOR, 'heat', wan(heatLoss), 'energy.loss.热力');
  const transformation = inv.energy.transformation.reduce((a, t) => a + t.figure.value, 0);
  const conversion = transformation + inv.energy.losses.value - elecLoss - heatLoss;
  if (conversion < -1e-9 * Math.max(1, inv.energy.total.value)) {
    throw cannot(`加工转换损失与损失量合计为负（${wan(conversion).toFixed(2)} 万tce，多见于电力按等价值折标时），情景模型无法表示`,
      `transformation losses and losses add up to a negative amount (${wan(conversion).toFixed(2)} 万tce, typical of electricity at 等价值); the scenario model cannot represent it`);
  }
  if (conversion > 0) {
    for (const t of inv.energy.transformation) acc.add(CONVERSION_SECTOR, CONVERSION, wan(t.figure.value), t.figure.lineage);
    acc.add(CONVERSION_SECTOR, CONVERSION, wan(inv.energy.losses.value - elecLoss - heatLoss), 'energy.losses');
  }
  const energy: Record<string, Record<string, number>> = {};
  for (const s of INVENTORY_SECTORS) energy[s.id] = {};
  for (const [s, row] of Object.entries(acc.energy)) {
    for (const [f, v] of Object.entries(row)) {
      if (v === 0) continue;
      energy[s][f] = Math.max(0, v); // rounding noise only: every part is ≥ 0
      note(`base.energy.${s}.${f}`, energy[s][f], '万tce', 'inventory', acc.refs[`${s}.${f}`],
        `${L.zh}：终端消费${f === CONVERSION ? '（加工转换损失 + 损失量）' : f === FEEDSTOCK ? '中用作原料的部分' : ''}按清单折标系数折算`,
        `${L.en}: ${f === CONVERSION ? 'transformation losses + losses' : f === FEEDSTOCK ? 'non-energy use within final consumption' : 'final consumption'} at the inventory's coefficients`);
    }
  }

  // CO2 of power and heat plants goes with the electricity and heat used (CHP split by the energy of its outputs).
  const combustion = inv.co2.combustion;
  const co2Of = (sector: string) => combustion.bySector.find((b) => b.sector === sector)?.figure.value ?? 0;
  const elecOut = -nodeValue('energy.transformation.thermalPower.out.电力');
  const heatOut = -nodeValue('energy.transformation.thermalPower.out.热力');
  const alpha = elecOut + heatOut > 0 ? elecOut / (elecOut + heatOut) : 1;
  const thermal = co2Of('thermalPower');
  const elecCo2 = thermal * alpha + inv.co2.indirect.electricity.co2.value;
  const heatCo2 = thermal * (1 - alpha) + co2Of('heatSupply') + inv.co2.indirect.heat.co2.value;

  const fuels: Fuel[] = [];
  for (const g of FOSSIL_GROUPS) {
    if (burnt[g] <= 0) continue;
    const lines = combustion.lines.filter((l) => SECTOR_OF.has(l.sector as FinalSector) && lookupFuel(l.fuel)?.group === g);
    const co2 = lines.reduce((a, l) => a + l.co2.value, 0);
    const factor = co2 / burnt[g]; // tCO2 per tce
    fuels.push({ id: g, name: GROUP_NAMES[g].zh, nameEn: GROUP_NAMES[g].en, kind: 'fossil', co2PerTce: factor,
      source: `${L.zh}：终端用户燃烧${GROUP_NAMES[g].zh}的CO2 ÷ 其消费量（扣除原料用能）；${L.en}: end users' combustion CO2 ÷ their use excluding feedstock` });
    note(`fuels.${g}.co2PerTce`, factor, 'tCO2/tce', 'inventory', lines.map((l) => l.co2.lineage),
      `${L.zh}：终端用户燃烧CO2 ÷ 终端消费（扣除原料用能），${lines.length} 条燃烧明细`,
      `${L.en}: end users' combustion CO2 ÷ final use excluding feedstock (${lines.length} combustion lines)`);
  }
  fuels.push({ id: 'electricity', name: '电力', nameEn: 'Electricity', kind: 'electricity' });
  const heatTce = Object.values(energy).reduce((a, r) => a + (r.heat ?? 0), 0);
  if (heatTce > 0) {
    const f = wanCo2(heatCo2) / heatTce;
    fuels.push({ id: 'heat', name: '热力', nameEn: 'Heat', kind: 'heat', co2PerTce: f,
      source: `${L.zh}：供热与热电联产（按产出能量分摊）燃烧CO2 + 热力净调入间接排放，÷ 热力消费量；${L.en}: heat plants' and the CHP heat share's CO2 plus net heat inflows, ÷ heat used` });
    note('fuels.heat.co2PerTce', f, 'tCO2/tce', 'derived', ['co2.combustion.sector.heatSupply', 'co2.combustion.sector.thermalPower', 'indirect.heat'],
      `(供热燃烧CO2 + 火电燃烧CO2 × 热力产出份额 ${(1 - alpha).toFixed(4)} + 热力调入间接排放) ÷ 热力消费量`,
      `(heat-supply CO2 + thermal-power CO2 × heat output share ${(1 - alpha).toFixed(4)} + indirect heat CO2) ÷ heat used`);
  }
  if (Object.values(energy).some((r) => (r[FEEDSTOCK] ?? 0) > 0)) {
    fuels.push({ id: FEEDSTOCK, name: '原料用能（不燃烧）', nameEn: 'Feedstock (not burnt)', kind: 'fossil', co2PerTce: 0,
      source: `${L.zh}：用作原料、材料的能源，清单中不计燃烧排放；${L.en}: non-energy use, no combustion CO2 in the inventory` });
  }
  if (conversion > 0) {
    fuels.push({ id: CONVERSION, name: '能源加工转换及损失', nameEn: 'Energy conversion and losses', kind: 'fossil', co2PerTce: 0,
      source: `${L.zh}：加工转换损失与损失量；电厂、热厂的排放已计入电力与热力的排放因子；${L.en}: transformation losses and losses; power and heat plants' CO2 is in the electricity and heat factors` });
  }

  const { generation, gridFactor, gridNonFossilShare } = powerBase({
    inv, balance, label: L, kgcePerKWh: k0, electricityTce: Object.values(energy).reduce((a, r) => a + (r.electricity ?? 0), 0),
    electricityCo2: elecCo2, electricityShare: alpha, capacity: opts.capacity, hours: opts.hours, note, warnings,
  });

  // Processes: one per inventory line, CO2 per unit of activity from the line's own result.
  const processes: Process[] = [];
  const seen = new Map<string, number>();
  inv.co2.process.lines.forEach((line, i) => {
    const input = balance.process[i];
    const base = line.category === 'cementClinker' ? 'clinker' : line.category;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const co2 = line.co2e.value;
    let activity: number, unit: string, co2PerUnit: number;
    try {
      const tonnes = valueIn(input.activity as Quantity, 't');
      activity = valueIn({ value: tonnes, unit: 't' }, '万t');
      unit = '万t';
      co2PerUnit = tonnes > 0 ? co2 / tonnes : 0;
    } catch {
      activity = wanCo2(co2);
      unit = '万tCO2（基年排放）';
      co2PerUnit = 1;
    }
    processes.push({ id, name: line.name.slice(0, 500), sector: CONVERSION_SECTOR, activity, unit, co2PerUnit, source: `${L.zh}：process.${i}` });
    note(`base.processes.${id}`, wanCo2(co2), '万tCO2', 'inventory', [line.co2e.lineage], `${L.zh}：${line.name}`, `${L.en}: ${line.name}`);
  });

  const sinksT = inv.co2.sinks.total.value;
  const sinks = Math.max(0, wanCo2(sinksT));
  note('base.sinks', sinks, '万tCO2', 'inventory', [inv.co2.sinks.total.lineage], `${L.zh}：森林碳汇`, `${L.en}: forest removals`);
  if (sinksT < 0) warnings.push({ zh: '清单中森林为净排放，情景碳汇记为 0', en: 'the forest is a net source in the inventory: sinks set to 0' });

  const gdp = valueIn({ value: nodeValue('economy.gdpComparable'), unit: '万元' }, '亿元');
  const population = valueIn({ value: nodeValue('economy.population'), unit: '人' }, '万人');
  note('base.gdp', gdp, '亿元', 'inventory', ['economy.gdpComparable'], `${L.zh}：地区生产总值（${inv.intensity.priceBaseYear}年可比价）；情景的GDP按此价格`, `${L.en}: GDP at ${inv.intensity.priceBaseYear} prices; the scenario's GDP is at these prices`);
  note('base.population', population, '万人', 'inventory', ['economy.population'], `${L.zh}：常住人口`, `${L.en}: resident population`);
  note('electricity.kgcePerKWh', k0, 'kgce/kWh', 'inventory', [...(elecCoef?.refs ?? [])], `${L.zh}：电力折标系数（${inv.method.electricityConversionLabel.zh}）`, `${L.en}: electricity coefficient (${inv.method.electricityConversionLabel.en})`);

  const directCo2BySector: Record<string, number> = {};
  for (const b of combustion.bySector) {
    const s = SECTOR_OF.get(b.sector as FinalSector);
    if (s) directCo2BySector[s] = (directCo2BySector[s] ?? 0) + wanCo2(b.figure.value);
  }
  const energyBySector: Record<string, number> = {};
  for (const s of INVENTORY_SECTORS) energyBySector[s.id] = Object.values(energy[s.id]).reduce((a, v) => a + v, 0);
  const t = inv.co2.totals;
  return {
    baseYear: inv.year,
    region: { code: inv.region.code, name: inv.region.name },
    fuels,
    sectors: INVENTORY_SECTORS.map(({ from: _from, ...s }) => s),
    electricity: { kgcePerKWh: k0, source: `${L.zh}：${inv.method.electricityConversionLabel.zh}；${L.en}: ${inv.method.electricityConversionLabel.en}` },
    base: { population, gdp, energy, gridFactor, gridNonFossilShare, generation, processes, sinks },
    lineage,
    warnings,
    expect: {
      energyTotal: wan(inv.energy.total.value),
      co2Energy: wanCo2(t.energyWithIndirect.value),
      co2Process: wanCo2(inv.co2.process.co2.value),
      co2Gross: wanCo2(t.withIndirect.value),
      sinks,
      co2Net: wanCo2(t.withIndirect.value) - sinks,
      nonFossilShare: inv.energy.nonFossilShare.value,
      energyIntensity: inv.intensity.energy.value,
      carbonIntensity: inv.intensity.co2.value,
      population, gdp, energyBySector, directCo2BySector,
    },
  };
}
