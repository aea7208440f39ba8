import { refOf } from '../factors/index.ts';
import { multiply, type Quantity } from '../units/index.ts';
import { netImport, type Balance } from './balance.ts';
import type { FactorContext } from './factor-context.ts';
import type { Figure, LineageBuilder } from './lineage.ts';

export interface ElectricityFactorChoice {
  readonly series: string;
  readonly key: string;
  readonly year?: number;
  readonly yearReason?: string;
}

/** The factor applied to purchased (net) electricity or heat. */
export interface PurchasedEnergyFactor {
  readonly ref: string;
  readonly value: number;
  readonly unit: string;
  /** the factor's year: the accounting year, or for electricity the year the method names (with a reason) */
  readonly year: number;
  readonly series: string;
  readonly key: string;
}

/** The method's choice of factors for purchased electricity and heat (`method` of an inventory or enterprise report). */
export interface PurchasedEnergyChoice {
  readonly electricityFactor: ElectricityFactorChoice;
  readonly heatFactor?: { readonly key?: string; readonly series?: string };
}

/**
 * The one conversion of purchased (net) electricity or heat to CO2, shared by the regional inventory, the
 * enterprise report and metered energy: the grid factor of the named series and key for the accounting year
 * (another year only when the method names it), or the heat factor (key 外购热力 unless named), looked up
 * once through the calculation's factor context; `co2` converts an amount in any unit of the carrier's
 * dimension (kWh, 万千瓦时; GJ) to tCO2.
 */
export function purchasedEnergyCo2(ctx: FactorContext, kind: 'electricity' | 'heat', year: number, choice: PurchasedEnergyChoice): {
  factor: PurchasedEnergyFactor;
  co2: (amount: Quantity, field: string) => number;
} {
  const e = choice.electricityFactor;
  const factorYear = kind === 'electricity' ? e.year ?? year : year;
  const rec = kind === 'electricity'
    ? ctx.get({ kind: 'grid.co2', key: e.key, series: e.series, year: factorYear }, 'method.electricityFactor')
    : ctx.get({ kind: 'heat.co2', key: choice.heatFactor?.key ?? '外购热力', series: choice.heatFactor?.series, year }, 'method.heatFactor');
  const f = { value: rec.value, unit: rec.unit };
  return {
    factor: { ref: refOf(rec), value: rec.value, unit: rec.unit, year: factorYear, series: rec.series, key: rec.key },
    co2: (amount, field) => multiply(amount, f, 'tCO2', field).value,
  };
}

export interface IndirectPart {
  /** net inflow (kWh for electricity, GJ for heat); negative = net outflow */
  readonly netImport: Figure;
  /** the factor applied (absent when the net flow is zero: nothing to convert) */
  readonly factor?: PurchasedEnergyFactor;
  readonly co2: Figure;
}

export interface IndirectAccount {
  readonly electricity: IndirectPart;
  readonly heat: IndirectPart;
  readonly total: Figure;
}

/**
 * Indirect CO2 of net electricity and heat inflows (调入调出电力/热力间接排放). Net outflows give negative
 * indirect emissions, so that electricity generated locally and sent elsewhere is not counted twice.
 * The grid factor is of the accounting year and the named series; a different year only when the input
 * names it with a reason.
 */
export function computeIndirect(ctx: FactorContext, balance: Balance, year: number, elec: ElectricityFactorChoice, heat: { key?: string; series?: string } | undefined, lb: LineageBuilder): IndirectAccount {
  const find = (id: string) => balance.fuels.find((f) => f.fuel.id === id);
  const part = (fuelId: '电力' | '热力'): IndirectPart => {
    const f = find(fuelId);
    const unit = fuelId === '电力' ? 'kWh' : 'GJ';
    const net = f ? netImport(f) : { value: 0, inputs: [] };
    const tag = fuelId === '电力' ? 'electricity' as const : 'heat' as const;
    const netFig = lb.add({
      id: `indirect.${tag}.netImport`, label: { zh: `${fuelId}净调入量`, en: `net ${tag} inflow` }, value: net.value, unit,
      formula: '调入 + 进口 − 调出 − 出口', inputs: net.inputs,
    });
    if (net.value === 0) {
      return { netImport: netFig, co2: lb.add({ id: `indirect.${tag}`, label: { zh: `${fuelId}调入调出间接排放`, en: `indirect CO2 of ${tag} flows` }, value: 0, unit: 'tCO2', formula: '净调入为零', from: [netFig.lineage] }) };
    }
    const conv = purchasedEnergyCo2(ctx, tag, year, { electricityFactor: elec, heatFactor: heat });
    const co2 = conv.co2({ value: net.value, unit }, `indirect.${tag}`);
    const notes = fuelId === '电力' && conv.factor.year !== year ? [`因子年份 ${conv.factor.year}（核算年份 ${year}）：${elec.yearReason ?? ''}`] : [];
    return {
      netImport: netFig,
      factor: conv.factor,
      co2: lb.add({ id: `indirect.${tag}`, label: { zh: `${fuelId}调入调出间接排放`, en: `indirect CO2 of ${tag} flows` }, value: co2, unit: 'tCO2', formula: '净调入量 × 排放因子', factors: [conv.factor.ref], from: [netFig.lineage], notes }),
    };
  };
  const electricity = part('电力');
  const heatPart = part('热力');
  const total = lb.sum('indirect.total', { zh: '间接排放（电力、热力净调入）', en: 'indirect emissions (net electricity and heat inflows)' }, [electricity.co2, heatPart.co2], 'tCO2');
  return { electricity, heat: heatPart, total };
}
