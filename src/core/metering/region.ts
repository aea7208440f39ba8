import { valueIn, type Quantity } from '../units/index.ts';
import type { Figure, Label } from '../accounting/lineage.ts';
import type { Comparison } from './compare.ts';
import type { MeteredItem } from './items.ts';
import type { MeteredResult, MeteredTotals } from './compute.ts';

/** Energy (tce), CO2 computed with factors, and CO2 measured by CEMS (null when nobody has a CEMS point). */
export interface RegionTotals {
  readonly tce: Quantity;
  readonly co2: Quantity;
  readonly co2Measured: Quantity | null;
}

export interface RegionItem {
  readonly item: string;
  readonly kind: MeteredItem['kind'];
  readonly label: Label;
  readonly unit: string;
  /** organisations with this item */
  readonly enterprises: number[];
  readonly points: number;
  readonly months: { month: string; amount: Quantity; tce: Quantity | null; co2: Quantity | null }[];
  readonly year: { amount: Quantity; tce: Quantity | null; co2: Quantity | null };
  /** organisations whose tce or CO2 of the item could not be computed (a factor missing): left out of those sums */
  readonly partial: number[];
}

export interface RegionEnterprise {
  readonly organisationId: number;
  readonly points: number;
  /** points whose totals became an item (the others are listed with the reason on the enterprise's page) */
  readonly pointsUsed: number;
  readonly year: RegionTotals;
  readonly months: (RegionTotals & { month: string })[];
  /** the lowest share of complete days among its items (null without items) */
  readonly completeness: number | null;
  /** an item has complete days on less than the completeness rule's share of the due days */
  readonly incomplete: boolean;
  readonly incompleteItems: string[];
  /** items left out of its totals, and why */
  readonly partial: Label[];
  /** metered against its report of the year, per item and measure (null without a report) */
  readonly comparison: Comparison | null;
  /** comparison rows beyond the threshold */
  readonly deviations: number;
}

export interface RegionMetered {
  readonly enterprises: RegionEnterprise[];
  readonly items: RegionItem[];
  readonly totals: { months: (RegionTotals & { month: string })[]; year: RegionTotals };
  readonly coverage: { enterprises: number; points: number; pointsUsed: number; incomplete: number };
}

const sum = (xs: readonly (Figure | Quantity)[], unit: string): Quantity => ({ value: xs.reduce((a, x) => a + valueIn(x, unit, 'totals'), 0), unit });
const sumOrNull = (xs: readonly (Figure | Quantity | null)[], unit: string): Quantity | null => {
  const got = xs.filter((x): x is Figure | Quantity => x !== null);
  return got.length ? sum(got, unit) : null;
};
const totalsOf = (ts: readonly MeteredTotals[]): RegionTotals => ({
  tce: sum(ts.map((t) => t.tce), 'tce'), co2: sum(ts.map((t) => t.co2), 'tCO2'), co2Measured: sumOrNull(ts.map((t) => t.co2Measured), 'tCO2'),
});

/**
 * A region's metered energy: the enterprises' own results (computeMeteredEnergy, each with the method and
 * factor set of its report, exactly as on its page) added up per month and per item. Nothing is recomputed
 * and nobody is left out: an enterprise whose items have too few complete days is counted and flagged.
 */
export function sumRegionMetered(list: readonly { organisationId: number; points: number; result: MeteredResult }[], completenessThreshold: number): RegionMetered {
  const months = list[0]?.result.totals.months.map((m) => m.month) ?? [];
  const enterprises: RegionEnterprise[] = list.map(({ organisationId, points, result: r }) => {
    const completeness = r.items.length ? Math.min(...r.items.map((i) => i.year.completeness)) : null;
    const incompleteItems = r.items.filter((i) => i.year.completeness < completenessThreshold).map((i) => i.item);
    return {
      organisationId, points, pointsUsed: r.points.filter((p) => p.item !== null).length,
      year: totalsOf([r.totals.year]), months: r.totals.months.map((m) => ({ month: m.month, ...totalsOf([m]) })),
      completeness, incomplete: incompleteItems.length > 0, incompleteItems, partial: r.totals.partial,
      comparison: r.comparison, deviations: r.comparison?.rows.filter((x) => x.flag === 'deviation').length ?? 0,
    };
  });

  const byItem = new Map<string, { organisationId: number; item: MeteredResult['items'][number] }[]>();
  for (const { organisationId, result } of list) {
    for (const item of result.items) byItem.set(item.item, [...(byItem.get(item.item) ?? []), { organisationId, item }]);
  }
  const items: RegionItem[] = [...byItem.values()].map((of) => {
    const { item: id, kind, label, unit } = of[0].item;
    const per = of.map((o) => o.item);
    return {
      item: id, kind, label, unit, enterprises: of.map((o) => o.organisationId), points: per.reduce((n, i) => n + i.points.length, 0),
      months: months.map((month, k) => ({
        month, amount: sum(per.map((i) => i.months[k].amount), unit), tce: sumOrNull(per.map((i) => i.months[k].tce), 'tce'), co2: sumOrNull(per.map((i) => i.months[k].co2), 'tCO2'),
      })),
      year: { amount: sum(per.map((i) => i.year.amount), unit), tce: sumOrNull(per.map((i) => i.year.tce), 'tce'), co2: sumOrNull(per.map((i) => i.year.co2), 'tCO2') },
      partial: of.filter((o) => kind !== 'cems_co2' && (!o.item.year.tce || !o.item.year.co2)).map((o) => o.organisationId),
    };
  }).sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));

  return {
    enterprises, items,
    totals: {
      months: months.map((month, k) => ({ month, ...totalsOf(list.map((e) => e.result.totals.months[k])) })),
      year: totalsOf(list.map((e) => e.result.totals.year)),
    },
    coverage: {
      enterprises: list.length, points: enterprises.reduce((n, e) => n + e.points, 0), pointsUsed: enterprises.reduce((n, e) => n + e.pointsUsed, 0),
      incomplete: enterprises.filter((e) => e.incomplete).length,
    },
  };
}
