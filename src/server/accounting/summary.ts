import type { EnterpriseResult, RegionalInventory } from '../../core/accounting/index.ts';
import type { EnterpriseSummary, InventorySummary } from '../../contracts/accounting.ts';

/** Key figures of an inventory (kept in a column so lists do not read whole results). */
export function inventorySummary(inv: RegionalInventory): InventorySummary {
  const t = inv.co2.totals;
  return {
    energyTotal: inv.energy.total,
    nonFossilShare: inv.energy.nonFossilShare,
    co2Combustion: inv.co2.combustion.total,
    co2Process: inv.co2.process.co2,
    co2Indirect: t.indirect,
    co2Direct: t.direct,
    co2WithIndirect: t.withIndirect,
    removals: inv.co2.sinks.total,
    co2NetWithIndirect: t.netWithIndirect,
    energyIntensity: inv.intensity.energy,
    co2Intensity: inv.intensity.co2,
    referenceRelativeDifference: inv.co2.reference.relativeDifference ?? null,
    electricityConversion: { zh: inv.method.electricityConversionLabel.zh, en: inv.method.electricityConversionLabel.en },
    qualityFlags: inv.qualityFlags.length,
  };
}

export function enterpriseSummary(r: EnterpriseResult): EnterpriseSummary {
  return {
    combustion: r.combustion.total,
    process: r.process.total,
    indirect: r.totals.indirect,
    co2Direct: r.totals.co2Direct,
    direct: r.totals.direct,
    total: r.totals.total,
    energy: r.energy.total,
    measuredShare: r.dataQuality.measuredShare,
    intensity: r.intensity.map((i) => ({ product: i.product, total: i.total, direct: i.direct })),
    qualityFlags: r.qualityFlags.length,
  };
}
