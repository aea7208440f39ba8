import type { Label } from '../accounting/lineage.ts';
import { lookupFactor } from '../hj212/index.ts';
import { areCompatible, isKnownUnit } from '../units/index.ts';
import { parseFeeds, type MeteredItem } from './items.ts';

/** A registered point as metering needs it. */
export interface PointSpec {
  readonly mn: string;
  readonly name: string;
  readonly feeds: string | null;
  readonly intervalSeconds: number;
  readonly factors: readonly { readonly code: string; readonly unit: string }[];
}

/** The factor of a point whose interval totals (Cou) are the metered amounts, and their unit. */
export interface Channel {
  readonly mn: string;
  readonly item: MeteredItem;
  readonly factor: string;
  readonly unit: string;
}

/** The HJ 212-2017 code of CO2; its Cou is the emitted mass over the period. */
export const CO2_CODE = 'a05001';

/**
 * Which factor of a point carries its totals. Energy items: the one registered factor whose unit has the
 * item's dimension (kWh for electricity, GJ for heat, t or m³ for a fuel) — a power (kW) or flow channel never
 * qualifies. CEMS CO2: a05001, whose Cou is in the unit HJ 212-2017 gives for the emission amount (kg),
 * whatever concentration unit the point registered for its Rtd/Avg.
 */
export function meteringChannel(p: PointSpec): Channel | { mn: string; error: Label } {
  const item = parseFeeds(p.feeds);
  if ('error' in item) return { mn: p.mn, error: item.error };
  if (item.kind === 'cems_co2') {
    const std = lookupFactor(CO2_CODE)?.factor;
    const couUnit = std && 'couUnit' in std ? std.couUnit : undefined;
    if (!p.factors.some((f) => f.code === CO2_CODE) || !couUnit) {
      return { mn: p.mn, error: { zh: `CEMS 点位未登记二氧化碳因子 ${CO2_CODE}`, en: `the CEMS point does not register CO2 (${CO2_CODE})` } };
    }
    return { mn: p.mn, item, factor: CO2_CODE, unit: couUnit };
  }
  const fits = p.factors.filter((f) => isKnownUnit(f.unit) && areCompatible(f.unit, item.unit));
  if (fits.length === 1) return { mn: p.mn, item, factor: fits[0].code, unit: fits[0].unit };
  if (!fits.length) {
    return { mn: p.mn, error: { zh: `没有单位可换算为 ${item.unit} 的因子，无法得到${item.label.zh}的计量量`, en: `no factor in a unit convertible to ${item.unit}: no metered amount of ${item.label.en}` } };
  }
  const codes = fits.map((f) => f.code).join(', ');
  return { mn: p.mn, error: { zh: `多个因子（${codes}）都可作为${item.label.zh}的累计量，请分点位登记`, en: `several factors (${codes}) could be the totals of ${item.label.en}; register them as separate points` } };
}
