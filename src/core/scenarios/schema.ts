/**
 * The scenario file (format `shuangtan.scenario/v1`) as a zod schema: the shape of every field, its type and
 * its admissible range. Cross-references (unknown sector, year outside the projection range, periods that
 * leave gaps …) are checked afterwards in validate.ts, which also turns zod issues into bilingual errors.
 *
 * Units are fixed (see README.md): population 万人, GDP and value added 亿元 at constant base-year prices,
 * energy 万tce, electricity 亿kWh, capacity 万kW, CO2 万t. Rates and shares are fractions (0.055 = 5.5 %).
 */
import { z } from 'zod';
import type { Num } from './distributions.ts';
import { checkNum, type Domain } from './num.ts';

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const Id = z.string().regex(ID_PATTERN);
/** A sector id or `*` for every sector. */
export const SectorRef = z.string().regex(/^(\*|[A-Za-z][A-Za-z0-9_.-]{0,63})$/);
export const Year = z.number().int().min(1949).max(2100);
const Text = z.string().min(1).max(500);

const Finite = z.number().refine(Number.isFinite);

/** An input distribution; its internal consistency and the field's domain are checked by numIn. */
export const DistSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('normal'), mean: Finite, sd: Finite, min: Finite.optional(), max: Finite.optional() }),
  z.strictObject({ dist: z.literal('triangular'), min: Finite, mode: Finite, max: Finite }),
  z.strictObject({ dist: z.literal('uniform'), min: Finite, max: Finite }),
]);

/** A number or distribution, checked against the domain of the field. */
export function numIn(domain: Domain): z.ZodType<Num> {
  return z.union([Finite, DistSchema]).superRefine((v, ctx) => {
    for (const i of checkNum(v, domain)) {
      ctx.addIssue({ code: 'custom', path: i.path, message: i.en, params: { zh: i.zh, en: i.en } });
    }
  });
}

export const DOMAINS = {
  rate: { min: -0.5, max: 0.5, minOpen: true, maxOpen: true,
    what: { zh: '年变化率（小数，0.055 表示 5.5%）', en: 'annual rate (a fraction: 0.055 means 5.5 %)' } },
  share: { min: 0, max: 1, what: { zh: '份额（0–1 的小数）', en: 'share (a fraction between 0 and 1)' } },
  shiftPerYear: { min: 0, max: 1, minOpen: true,
    what: { zh: '每年转移的份额（0–1 的小数，0.015 表示 1.5 个百分点）', en: 'share moved per year (0.015 means 1.5 points)' } },
  positive: { min: 0, minOpen: true, what: { zh: '数值', en: 'value' } },
  nonNegative: { min: 0, what: { zh: '数值', en: 'value' } },
  any: { what: { zh: '数值', en: 'value' } },
} satisfies Record<string, Domain>;

/**
 * A path of one quantity from its base-year level, exactly one of:
 *  - `{"growth": {"2021-2025": 0.06, "2026-2060": 0.04}}`: annual growth rates by period; the periods must
 *    cover every projected year exactly once;
 *  - `{"growthMilestones": {"2021": 0.06, "2030": 0.045, "2060": 0.02}}`: annual growth rates at milestone
 *    years, linear in between, flat before the first and after the last (a gradually slowing economy);
 *  - `{"milestones": {"2030": 0.45, "2060": 0.1}}`: levels, linear from the base year through the
 *    milestones, flat after the last.
 */
export function trajectory(level: Domain) {
  return z.strictObject({
    growth: z.record(z.string(), numIn(DOMAINS.rate)).optional(),
    growthMilestones: z.record(z.string(), numIn(DOMAINS.rate)).optional(),
    milestones: z.record(z.string(), numIn(level)).optional(),
  }).superRefine((t, ctx) => {
    const given = [t.growth, t.growthMilestones, t.milestones].filter((x) => x !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of "growth", "growthMilestones" or "milestones"',
        params: { zh: '必须且只能给出 growth、growthMilestones 或 milestones 之一', en: 'give exactly one of "growth", "growthMilestones" or "milestones"' } });
    } else if (Object.keys(given[0] as object).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'the path is empty',
        params: { zh: '路径不能为空', en: 'the path is empty' } });
    }
  });
}
export type Trajectory = { growth?: Record<string, Num>; growthMilestones?: Record<string, Num>; milestones?: Record<string, Num> };

export const FuelSchema = z.strictObject({
  id: Id, name: Text, nameEn: Text.optional(),
  /** fossil: direct CO2 from co2PerTce; electricity: indirect via the grid factor; heat: co2PerTce; nonFossil: zero CO2, counts as non-fossil energy */
  kind: z.enum(['fossil', 'electricity', 'heat', 'nonFossil']),
  /** tCO2 per tce, required for fossil and heat */
  co2PerTce: z.number().min(0).max(10).optional(),
  source: Text.optional(),
});

export const SectorSchema = z.strictObject({
  id: Id, name: Text, nameEn: Text.optional(),
  /** valueAdded: energy = intensity × value added; population: energy = per-capita use × population */
  driver: z.enum(['valueAdded', 'population']),
});

export const GenerationSchema = z.strictObject({
  id: Id, name: Text, nameEn: Text.optional(),
  /** installed capacity in the base year, 万kW */
  capacity: z.number().min(0),
  /** full-load hours per year */
  hours: z.number().positive().max(8784),
  source: Text.optional(),
});

export const ProcessSchema = z.strictObject({
  id: Id, name: Text, nameEn: Text.optional(),
  /** the sector whose CO2 this process adds to */
  sector: Id,
  /** base-year activity, in 万 units of `unit` (e.g. 万t clinker) */
  activity: z.number().min(0),
  unit: Text.optional(),
  /** tCO2 per unit of activity */
  co2PerUnit: z.number().min(0),
  source: Text.optional(),
});

export const BaseSchema = z.strictObject({
  population: z.number().positive(),
  gdp: z.number().positive(),
  valueAddedShare: z.record(z.string(), z.number().min(0).max(1)),
  /** sector → fuel → 万tce */
  energy: z.record(z.string(), z.record(z.string(), z.number().min(0))),
  /** tCO2/MWh (= kgCO2/kWh) of electricity bought from the grid */
  gridFactor: z.number().min(0).max(2),
  /** share of non-fossil generation in grid electricity */
  gridNonFossilShare: z.number().min(0).max(1).default(0),
  generation: z.array(GenerationSchema).default([]),
  processes: z.array(ProcessSchema).default([]),
  /** carbon sinks, 万tCO2 removed per year (a positive number) */
  sinks: z.number().min(0).default(0),
});

const ShiftCore = {
  sector: SectorRef,
  from: z.array(Id).min(1),
  to: z.union([Id, z.record(z.string(), z.number().positive())]),
  perYear: numIn(DOMAINS.shiftPerYear),
};

export const FuelShiftSchema = z.strictObject({ ...ShiftCore, start: Year, end: Year });

export const DriversSchema = z.strictObject({
  population: trajectory(DOMAINS.positive).optional(),
  gdp: trajectory(DOMAINS.positive).optional(),
  /** year → value-added share by sector (all valueAdded sectors), linear between milestones */
  structure: z.record(z.string(), z.record(z.string(), numIn(DOMAINS.share))).optional(),
  /** sector → path of energy intensity (tce/万元, or tce per person for population sectors) */
  intensity: z.record(z.string(), trajectory(DOMAINS.nonNegative)).optional(),
  fuelShifts: z.array(FuelShiftSchema).optional(),
  gridFactor: trajectory(DOMAINS.nonNegative).optional(),
  gridNonFossilShare: trajectory(DOMAINS.share).optional(),
  /** generation technology → capacity path (万kW) */
  capacity: z.record(z.string(), trajectory(DOMAINS.nonNegative)).optional(),
  /** process → activity path */
  process: z.record(z.string(), trajectory(DOMAINS.nonNegative)).optional(),
  sinks: trajectory(DOMAINS.nonNegative).optional(),
  /** fuel → path of its tCO2/tce factor (e.g. district heat decarbonising) */
  fuelFactors: z.record(z.string(), trajectory(DOMAINS.nonNegative)).optional(),
});

const LeverCore = {
  id: Id, name: Text.optional(), nameEn: Text.optional(),
  /** probability that the measure is carried out; Monte Carlo draws it, a deterministic run applies it */
  probability: z.number().min(0).max(1).optional(),
  start: Year, end: Year,
};

export const LeverSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fuelShift'), ...LeverCore, ...ShiftCore }),
  z.strictObject({ type: z.literal('intensity'), ...LeverCore, sector: SectorRef, perYear: numIn(DOMAINS.rate) }),
  z.strictObject({ type: z.literal('structureShift'), ...LeverCore, from: Id,
    to: z.union([Id, z.record(z.string(), z.number().positive())]), perYear: numIn(DOMAINS.shiftPerYear) }),
  z.strictObject({ type: z.literal('capacity'), ...LeverCore, tech: Id, add: numIn(DOMAINS.any) }),
  z.strictObject({ type: z.literal('gridFactor'), ...LeverCore, perYear: numIn(DOMAINS.rate) }),
  z.strictObject({ type: z.literal('process'), ...LeverCore, process: Id, perYear: numIn(DOMAINS.rate) }),
  z.strictObject({ type: z.literal('capture'), ...LeverCore, process: Id, share: numIn(DOMAINS.share) }),
  z.strictObject({ type: z.literal('sink'), ...LeverCore, add: numIn(DOMAINS.any) }),
]);

export const ScenarioSchema = z.strictObject({
  id: Id, name: Text, nameEn: Text.optional(), description: z.string().max(4000).optional(),
  /** id of the scenario this one copies: drivers are merged key by key, levers by id */
  extends: Id.optional(),
  drivers: DriversSchema.default({}),
  levers: z.array(LeverSchema).default([]),
  /** ids of inherited levers to drop */
  disableLevers: z.array(Id).default([]),
});

export const METRICS = [
  'energyIntensityReduction', 'carbonIntensityReduction', 'energyIntensity', 'carbonIntensity',
  'nonFossilShare', 'electrificationShare', 'fuelShare', 'fuelConsumption', 'energyTotal', 'co2',
  'capacity', 'sinks', 'peakYear',
] as const;
export const BASES = ['energy', 'gross', 'net'] as const;

export const TargetSchema = z.strictObject({
  id: Id, name: Text.optional(), nameEn: Text.optional(),
  metric: z.enum(METRICS),
  year: Year.optional(),
  /** reference year of a reduction target; default: the base year */
  from: Year.optional(),
  /**
   * the intensity in `from` when that year lies before the base year (e.g. the 2020 value of a 2025 target
   * run from a 2023 inventory), in the metric's level unit: tce/万元 or tCO2/万元
   */
  fromValue: z.number().positive().refine(Number.isFinite).optional(),
  value: z.number().refine(Number.isFinite),
  op: z.enum(['>=', '<=']).optional(),
  fuel: Id.optional(),
  tech: SectorRef.optional(),
  basis: z.enum(BASES).optional(),
  /** slack allowed before the target counts as missed, in the metric's unit (e.g. for 左右) */
  tolerance: z.number().min(0).default(0),
});

export const ScenarioFileSchema = z.strictObject({
  format: z.literal('shuangtan.scenario/v1'),
  region: z.strictObject({ code: z.string().max(32).optional(), name: Text, nameEn: Text.optional(), note: z.string().max(4000).optional() }),
  baseYear: Year,
  endYear: Year,
  fuels: z.array(FuelSchema).min(1),
  electricity: z.strictObject({
    /** kgce per kWh used to express electricity in tce (0.1229 calorific 当量值, or the year's 等价值) */
    kgcePerKWh: z.number().positive().max(1),
    source: Text.optional(),
  }),
  sectors: z.array(SectorSchema).min(1),
  base: BaseSchema,
  /** which CO2 the peak is found on: energy only, energy + process (gross), or gross − sinks (net) */
  peakBasis: z.enum(BASES).default('gross'),
  scenarios: z.array(ScenarioSchema).min(1),
  targets: z.array(TargetSchema).default([]),
  monteCarlo: z.strictObject({ draws: z.number().int().min(1).max(50000).optional(), seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }).optional(),
  /** year pairs to decompose with LMDI for every scenario, e.g. [[2020, 2030], [2030, 2060]] */
  lmdi: z.strictObject({ periods: z.array(z.tuple([Year, Year])).min(1) }).optional(),
  note: z.string().max(4000).optional(),
});

export type ScenarioFile = z.output<typeof ScenarioFileSchema>;
export type Fuel = z.output<typeof FuelSchema>;
export type Sector = z.output<typeof SectorSchema>;
export type Generation = z.output<typeof GenerationSchema>;
export type Process = z.output<typeof ProcessSchema>;
export type Base = z.output<typeof BaseSchema>;
export type Drivers = z.output<typeof DriversSchema>;
export type FuelShift = z.output<typeof FuelShiftSchema>;
export type Lever = z.output<typeof LeverSchema>;
export type LeverType = Lever['type'];
export type Scenario = z.output<typeof ScenarioSchema>;
export type Target = z.output<typeof TargetSchema>;
export type Metric = (typeof METRICS)[number];
export type Basis = (typeof BASES)[number];
