import { z } from 'zod';
import { IdParams } from './common.ts';
import { Figure, FactorSetRef } from './accounting.ts';

/**
 * Metered energy of an enterprise (from meters to carbon): the result of src/core/metering's
 * computeMeteredEnergy (`shuangtan.metered-energy/1`) with the organisation and the stored factor set.
 */
const Bilingual = z.object({ zh: z.string(), en: z.string() });
const Amount = z.object({ value: z.number(), unit: z.string() });
const Strings = z.array(z.string()).readonly();
/** As LineageNodeOut of the accounting contracts (the core's nodes are immutable). */
const LineageNode = z.object({
  id: z.string(), label: Bilingual, value: z.number(), unit: z.string(), formula: z.string().optional(), inputs: Strings, factors: Strings, from: Strings, notes: Strings,
});

export const MeteredParams = IdParams;
export const MeteredQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

const Days = z.object({
  due: z.number().int().describe('days of the period up to asOf'),
  withData: z.number().int(),
  complete: z.number().int().describe('days whose uploads meet the completeness rule (90 %) at every point of the item'),
});

const Problem = Bilingual.extend({ code: z.string(), item: z.string().optional() });

export const MeteredMonth = z.object({
  month: z.string().describe('YYYY-MM (China Standard Time)'),
  amount: Figure.describe('metered amount in the item\'s unit (kWh, t, m3, GJ; tCO2 for CEMS)'),
  tce: Figure.nullable(),
  co2: Figure.nullable(),
  days: Days,
});

export const MeteredItem = z.object({
  item: z.string().describe('purchased_electricity, purchased_heat, cems_co2, <fuel>_combustion'),
  kind: z.enum(['fuel', 'electricity', 'heat', 'cems_co2']),
  label: Bilingual,
  fuel: z.string().nullable(),
  unit: z.string(),
  points: z.array(z.string()).describe('MNs'),
  months: z.array(MeteredMonth),
  year: MeteredMonth.omit({ month: true }).extend({ completeness: z.number().describe('complete ÷ due days') }),
  problems: z.array(Problem),
});

const Totals = z.object({ tce: Figure, co2: Figure.describe('fuel combustion + purchased electricity and heat, computed with factors'), co2Measured: Figure.nullable().describe('CEMS, kept apart') });

export const ComparisonRow = z.object({
  item: z.string(),
  label: Bilingual,
  measure: z.enum(['amount', 'tce', 'co2']),
  metered: Amount.nullable(),
  meteredLineage: z.string().nullable(),
  reported: Amount.nullable(),
  reportedLineage: z.array(z.string()),
  deviation: z.number().nullable().describe('(metered − reported) ÷ reported'),
  flag: z.enum(['ok', 'deviation', 'incomplete', 'not_reported', 'not_computed']),
  note: Bilingual.nullable(),
});

export const MeteredOut = z.object({
  organisation: z.object({ id: z.number().int(), name: z.string(), creditCode: z.string().nullable(), regionCode: z.string() }),
  year: z.number().int(),
  asOf: z.string().describe('YYYY-MM-DD (CST): the last whole day; later days (today included) are not yet due'),
  basis: Bilingual.describe('which readings make a month\'s amount'),
  completenessThreshold: z.number(),
  factorSet: FactorSetRef,
  method: z.object({
    source: z.enum(['report', 'earlier-report', 'default']).describe('the year\'s report; else the latest earlier report (method and measured fuel parameters carried forward); else the default method'),
    reportId: z.number().int().nullable(),
    reportYear: z.number().int().nullable(),
    electricityFactor: z.object({ series: z.string(), key: z.string(), year: z.number().int().optional(), yearReason: z.string().optional() }),
    electricityConversion: z.enum(['calorific', 'generation-coal']),
    measured: z.record(z.string(), z.unknown()).describe('fuel → measured parameters taken from the report'),
  }).loose(),
  points: z.array(z.object({
    mn: z.string(), name: z.string(), feeds: z.string().nullable(), item: z.string().nullable(), factor: z.string().nullable(), unit: z.string().nullable(), problem: Bilingual.nullable(),
  })),
  items: z.array(MeteredItem),
  totals: z.object({ months: z.array(Totals.extend({ month: z.string() })), year: Totals, partial: z.array(Bilingual) }),
  comparison: z.object({
    reportId: z.number().int().nullable(),
    reportStatus: z.enum(['draft', 'submitted']),
    threshold: z.number().describe('|deviation| beyond this is flagged (0.05)'),
    rule: Bilingual,
    rows: z.array(ComparisonRow),
  }).nullable().describe('null when the enterprise has no report for the year'),
  problems: z.array(Problem).describe('what could not be computed and why (a factor missing for the year …)'),
  notes: z.array(Bilingual),
  factorsUsed: z.array(z.object({
    ref: z.string(), kind: z.string(), key: z.string(), series: z.string(), value: z.number(), unit: z.string(), status: z.string(),
    disputed: z.boolean(), confirmations: z.number().int(), sources: Strings, usedFor: Strings,
  })),
  qualityFlags: z.array(Bilingual.extend({ ref: z.string().optional(), field: z.string().optional() })),
  lineage: z.record(z.string(), LineageNode),
});
export type MeteredOut = z.infer<typeof MeteredOut>;

/** A region's metered energy: its enterprises' results (as on their pages) added up per month and per item. */
export const RegionMeteredParams = z.object({ code: z.string().trim().min(1).max(32).describe('region code (GB/T 2260 or a local code)') });

const RegionTotals = z.object({
  tce: Amount,
  co2: Amount.describe('fuel combustion + purchased electricity and heat, computed with factors'),
  co2Measured: Amount.nullable().describe('CEMS, kept apart (null when no enterprise has a CEMS point)'),
});
const Organisation = z.object({ id: z.number().int(), name: z.string(), creditCode: z.string().nullable(), regionCode: z.string() });

export const RegionMeteredOut = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  asOf: z.string().describe('YYYY-MM-DD (CST): the last whole day'),
  completenessThreshold: z.number(),
  basis: Bilingual.describe('how the region\'s figures are made'),
  coverage: z.object({
    enterprises: z.number().int().describe('enterprises of the region and the regions below it that have monitoring points'),
    points: z.number().int(),
    pointsUsed: z.number().int().describe('points whose totals became an item'),
    incomplete: z.number().int().describe('enterprises flagged for incomplete data (still counted)'),
  }),
  totals: z.object({ months: z.array(RegionTotals.extend({ month: z.string() })), year: RegionTotals }),
  items: z.array(z.object({
    item: z.string(), kind: z.enum(['fuel', 'electricity', 'heat', 'cems_co2']), label: Bilingual, unit: z.string(),
    enterprises: z.array(z.number().int()).describe('organisation ids'),
    points: z.number().int(),
    months: z.array(z.object({ month: z.string(), amount: Amount, tce: Amount.nullable(), co2: Amount.nullable() })),
    year: z.object({ amount: Amount, tce: Amount.nullable(), co2: Amount.nullable() }),
    partial: z.array(z.number().int()).describe('organisations whose tce or CO2 of the item could not be computed (left out of those sums)'),
  })),
  enterprises: z.array(z.object({
    organisation: Organisation,
    factorSet: FactorSetRef,
    method: z.object({ source: z.enum(['report', 'earlier-report', 'default']), reportId: z.number().int().nullable(), reportYear: z.number().int().nullable() }),
    points: z.number().int(),
    pointsUsed: z.number().int(),
    year: RegionTotals,
    months: z.array(RegionTotals.extend({ month: z.string() })),
    completeness: z.number().nullable().describe('the lowest share of complete days among its items'),
    incomplete: z.boolean().describe('an item has complete days on less than the completeness rule\'s share of the due days'),
    incompleteItems: z.array(z.string()),
    partial: z.array(Bilingual),
    problems: z.array(Problem),
    comparison: z.object({
      reportId: z.number().int().nullable(), reportStatus: z.enum(['draft', 'submitted']), threshold: z.number(), rule: Bilingual, rows: z.array(ComparisonRow),
    }).nullable().describe('metered against its report of the year, per item and measure; null without one'),
    deviations: z.number().int().describe('comparison rows beyond the threshold'),
  })),
  excluded: z.array(Bilingual.extend({ organisationId: z.number().int(), name: z.string() })).describe('enterprises whose figures could not be computed, and why'),
});
export type RegionMeteredOut = z.infer<typeof RegionMeteredOut>;
