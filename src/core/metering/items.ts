import { BASIS_UNIT, lookupFuel, type FuelDef } from '../accounting/fuels.ts';
import type { Label } from '../accounting/lineage.ts';

/**
 * What a monitoring point's totals feed (the point's `feeds`): an energy carrier of the enterprise account, or
 * CO2 measured directly by a CEMS. Classification only; every number comes from the factor set.
 */
export type MeteredItemKind = 'fuel' | 'electricity' | 'heat' | 'cems_co2';

export interface MeteredItem {
  /** canonical id: purchased_electricity, purchased_heat, cems_co2, or <fuel>_combustion (natural_gas_combustion …) */
  readonly id: string;
  readonly kind: MeteredItemKind;
  /** the fuel catalogue entry (电力 and 热力 for purchased electricity and heat); none for CEMS CO2 */
  readonly fuel?: FuelDef;
  /** the unit an item's metered amounts are summed in: the fuel's basis unit (t, m3, kWh, GJ), or tCO2 */
  readonly unit: string;
  readonly label: Label;
}

const snake = (en: string) => en.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

const ELECTRICITY: MeteredItem = {
  id: 'purchased_electricity', kind: 'electricity', fuel: lookupFuel('电力'), unit: BASIS_UNIT.electricity, label: { zh: '外购电力', en: 'purchased electricity' },
};
const HEAT: MeteredItem = { id: 'purchased_heat', kind: 'heat', fuel: lookupFuel('热力'), unit: BASIS_UNIT.heat, label: { zh: '外购热力', en: 'purchased heat' } };
const CEMS: MeteredItem = { id: 'cems_co2', kind: 'cems_co2', unit: 'tCO2', label: { zh: 'CEMS 实测二氧化碳排放', en: 'CO2 measured by CEMS' } };

/** `coal` alone is the statistics' 原煤 (raw coal); every other name is looked up in the fuel catalogue. */
const FUEL_ALIASES: Record<string, string> = { coal: '原煤' };

function fuelItem(fuel: FuelDef): MeteredItem {
  return { id: `${snake(fuel.en)}_combustion`, kind: 'fuel', fuel, unit: BASIS_UNIT[fuel.basis], label: { zh: `${fuel.id}燃烧`, en: `${fuel.en} combustion` } };
}

/**
 * The item a point feeds, from its `feeds` text: `purchased_electricity`, `purchased_heat`, `cems_co2`,
 * `<fuel>_combustion` with the fuel's English name in snake case (`natural_gas_combustion`,
 * `bituminous_coal_combustion`, `diesel_combustion`; `coal_combustion` = 原煤), or `combustion:<燃料>` with a
 * name of the fuel catalogue (`combustion:烟煤`).
 */
export function parseFeeds(feeds: string | null): MeteredItem | { error: Label } {
  const f = (feeds ?? '').trim();
  if (!f) return { error: { zh: '未登记所计量的项目（feeds）', en: 'the point names no item it feeds (feeds)' } };
  if (f === ELECTRICITY.id) return ELECTRICITY;
  if (f === HEAT.id) return HEAT;
  if (f === CEMS.id) return CEMS;
  const m = /^combustion:(.+)$/.exec(f) ?? /^([a-z0-9_]+)_combustion$/.exec(f);
  if (m) {
    const name = FUEL_ALIASES[m[1]] ?? m[1].replace(/_/g, ' ');
    const fuel = lookupFuel(name);
    if (fuel?.fossil) return fuelItem(fuel);
    return { error: { zh: `feeds“${f}”：燃料“${m[1]}”不在燃料目录中或不是化石燃料`, en: `feeds "${f}": fuel "${m[1]}" is not a fossil fuel of the catalogue` } };
  }
  return {
    error: {
      zh: `feeds“${f}”不是可换算的计量项目（可用：purchased_electricity、purchased_heat、cems_co2、<燃料>_combustion、combustion:<燃料>）`,
      en: `feeds "${f}" is not a convertible item (known: purchased_electricity, purchased_heat, cems_co2, <fuel>_combustion, combustion:<fuel>)`,
    },
  };
}
