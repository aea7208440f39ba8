import { refOf } from '../factors/index.ts';
import { multiply } from '../units/index.ts';
import { netImport, type Balance } from './balance.ts';
import type { FactorContext } from './factor-context.ts';
import type { Figure, LineageBuilder } from './lineage.ts';

export interface ElectricityFactorChoice {
  readonly series: string;
  readonly key: string;
  readonly year?: number;
  readonly yearReason?: string;
}

export interface IndirectPart {
  /** net inflow (kWh for electricity, GJ for heat); negative = net outflow */
  readonly netImport: Figure;
  /** the factor applied (absent when the net flow is zero: nothing to convert) */
  readonly factor?: { readonly ref: string; readonly value: number; readonly unit: string; readonly series: string; readonly key: string; readonly year: number };
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
    const tag = fuelId === '电力' ? 'electricity' : 'heat';
    const netFig = lb.add({
      id: `indirect.${tag}.netImport`, label: { zh: `${fuelId}净调入量`, en: `net ${tag} inflow` }, value: net.value, unit,
      formula: '调入 + 进口 − 调出 − 出口', inputs: net.inputs,
    });
    if (net.value === 0) {
      return { netImport: netFig, co2: lb.add({ id: `indirect.${tag}`, label: { zh: `${fuelId}调入调出间接排放`, en: `indirect CO2 of ${tag} flows` }, value: 0, unit: 'tCO2', formula: '净调入为零', from: [netFig.lineage] }) };
    }
    const factorYear = fuelId === '电力' ? elec.year ?? year : year;
    const rec = fuelId === '电力'
      ? ctx.get({ kind: 'grid.co2', key: elec.key, series: elec.series, year: factorYear }, 'method.electricityFactor')
      : ctx.get({ kind: 'heat.co2', key: heat?.key ?? '外购热力', series: heat?.series, year }, 'method.heatFactor');
    const co2 = multiply({ value: net.value, unit }, { value: rec.value, unit: rec.unit }, 'tCO2', `indirect.${tag}`).value;
    const notes = fuelId === '电力' && factorYear !== year ? [`因子年份 ${factorYear}（核算年份 ${year}）：${elec.yearReason ?? ''}`] : [];
    return {
      netImport: netFig,
      factor: { ref: refOf(rec), value: rec.value, unit: rec.unit, series: rec.series, key: rec.key, year: factorYear },
      co2: lb.add({ id: `indirect.${tag}`, label: { zh: `${fuelId}调入调出间接排放`, en: `indirect CO2 of ${tag} flows` }, value: co2, unit: 'tCO2', formula: '净调入量 × 排放因子', factors: [refOf(rec)], from: [netFig.lineage], notes }),
    };
  };
  const electricity = part('电力');
  const heatPart = part('热力');
  const total = lb.sum('indirect.total', { zh: '间接排放（电力、热力净调入）', en: 'indirect emissions (net electricity and heat inflows)' }, [electricity.co2, heatPart.co2], 'tCO2');
  return { electricity, heat: heatPart, total };
}
