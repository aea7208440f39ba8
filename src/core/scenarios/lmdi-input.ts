/**
 * The LMDI input file (format `shuangtan.lmdi/v1`), for historical inventories: sectors and fuels defined
 * once, then observations by year with population, GDP, value added by sector, energy and CO2 by sector and
 * fuel. CO2 of a sector × fuel may be given directly or computed from the observation's emission factors.
 * Units are whatever the file uses (say so in `units`), as long as they are the same in every observation.
 */
import { z } from 'zod';
import { IssueList, issuesError, zodIssues } from './issues.ts';
import { EFFECTS, lmdi, type LmdiObservation, type LmdiResult, type LmdiSectorDef } from './lmdi.ts';
import { Id, Year } from './schema.ts';

const Amounts = z.record(z.string(), z.number().min(0));

export const LmdiFileSchema = z.strictObject({
  format: z.literal('shuangtan.lmdi/v1'),
  region: z.strictObject({ code: z.string().max(32).optional(), name: z.string().min(1), nameEn: z.string().optional(), note: z.string().max(4000).optional() }).optional(),
  units: z.strictObject({ population: z.string(), gdp: z.string(), energy: z.string(), co2: z.string() }).partial().optional(),
  sectors: z.array(z.strictObject({ id: Id, name: z.string().optional(), nameEn: z.string().optional(), driver: z.enum(['valueAdded', 'population']) })).min(1),
  fuels: z.array(z.strictObject({ id: Id, name: z.string().optional(), nameEn: z.string().optional() })).min(1),
  observations: z.array(z.strictObject({
    year: Year,
    population: z.number().positive(),
    gdp: z.number().positive(),
    valueAdded: Amounts.default({}),
    energy: z.record(z.string(), Amounts),
    co2: z.record(z.string(), Amounts).optional(),
    /** CO2 per unit of energy by fuel, used for sector × fuel cells without a `co2` value */
    emissionFactors: Amounts.optional(),
    source: z.string().optional(),
  })).min(2),
  /** [[from, to], …]; or "chained" (each consecutive pair); default: first to last observation */
  periods: z.union([z.array(z.tuple([Year, Year])).min(1), z.enum(['chained', 'endpoints'])]).default('endpoints'),
  note: z.string().max(4000).optional(),
});

export type LmdiFile = z.output<typeof LmdiFileSchema>;

export interface LmdiFileResult {
  region?: LmdiFile['region'];
  units?: LmdiFile['units'];
  effects: readonly string[];
  periods: LmdiResult[];
}

const CODE = 'invalid_lmdi';

/** Validate an LMDI file and return observations with CO2 filled in for every sector × fuel. */
export function parseLmdiFile(input: unknown): { file: LmdiFile; sectors: LmdiSectorDef[]; fuels: string[]; observations: LmdiObservation[] } {
  const parsed = LmdiFileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw issuesError(CODE, zodIssues(parsed.error));
  const file = parsed.data;
  const issues = new IssueList();
  const sectorIds = new Set(file.sectors.map((s) => s.id));
  const fuelIds = new Set(file.fuels.map((f) => f.id));
  const va = new Set(file.sectors.filter((s) => s.driver === 'valueAdded').map((s) => s.id));
  if (sectorIds.size !== file.sectors.length) issues.add(['sectors'], '部门标识重复', 'duplicate sector id');
  if (fuelIds.size !== file.fuels.length) issues.add(['fuels'], '燃料标识重复', 'duplicate fuel id');
  const known = (path: (string | number)[], id: string, set: Set<string>, what: [string, string]) => {
    if (!set.has(id)) issues.add(path, `未知${what[0]} "${id}"，已定义：${[...set].join('、')}`, `unknown ${what[1]} "${id}"; defined: ${[...set].join(', ')}`);
  };
  const years = new Set<number>();
  const observations: LmdiObservation[] = file.observations.map((o, n) => {
    const at = ['observations', n];
    if (years.has(o.year)) issues.add([...at, 'year'], `年份 ${o.year} 重复`, `year ${o.year} appears twice`);
    years.add(o.year);
    for (const s of Object.keys(o.valueAdded)) {
      known([...at, 'valueAdded', s], s, sectorIds, ['部门', 'sector']);
      if (sectorIds.has(s) && !va.has(s)) issues.add([...at, 'valueAdded', s], '按人口驱动的部门没有增加值', 'a population-driven sector has no value added');
    }
    for (const s of va) if (!(s in o.valueAdded)) issues.add([...at, 'valueAdded'], `缺少部门 "${s}" 的增加值`, `value added missing for sector "${s}"`);
    const co2: Record<string, Record<string, number>> = {};
    for (const [s, byFuel] of Object.entries(o.energy)) {
      known([...at, 'energy', s], s, sectorIds, ['部门', 'sector']);
      co2[s] = {};
      for (const [f, e] of Object.entries(byFuel)) {
        known([...at, 'energy', s, f], f, fuelIds, ['燃料品种', 'fuel']);
        const given = o.co2?.[s]?.[f];
        const ef = o.emissionFactors?.[f];
        if (given !== undefined) co2[s][f] = given;
        else if (ef !== undefined) co2[s][f] = e * ef;
        else if (e > 0) issues.add([...at, 'co2', s, f], '既没有给出排放量，也没有该燃料的排放因子', 'neither CO2 nor an emission factor for this fuel is given');
      }
    }
    for (const [s, byFuel] of Object.entries(o.co2 ?? {})) {
      for (const f of Object.keys(byFuel)) {
        if (o.energy[s]?.[f] === undefined) issues.add([...at, 'co2', s, f], '有排放量但没有对应的能源消费', 'CO2 given without the matching energy use');
      }
    }
    return { year: o.year, population: o.population, gdp: o.gdp, valueAdded: o.valueAdded, energy: o.energy, co2 };
  });
  if (Array.isArray(file.periods)) {
    file.periods.forEach(([a, b], i) => {
      for (const [k, y] of [[0, a], [1, b]] as const) {
        if (!years.has(y)) issues.add(['periods', i, k], `年份 ${y} 没有观测数据（已有：${[...years].join('、')}）`, `year ${y} is outside the observations (have: ${[...years].join(', ')})`);
      }
      if (a >= b) issues.add(['periods', i], '分解区间应从早到晚', 'a period must run from an earlier to a later year');
    });
  }
  issues.throwIfAny(CODE);
  observations.sort((x, y) => x.year - y.year);
  return { file, sectors: file.sectors, fuels: file.fuels.map((f) => f.id), observations };
}

/** Parse and decompose every requested period of an LMDI file (for `shuangtan lmdi FILE --json`). */
export function runLmdiFile(input: unknown): LmdiFileResult {
  const { file, sectors, fuels, observations } = parseLmdiFile(input);
  const byYear = new Map(observations.map((o) => [o.year, o]));
  let pairs: [number, number][];
  if (file.periods === 'chained') pairs = observations.slice(1).map((o, i) => [observations[i].year, o.year]);
  else if (file.periods === 'endpoints') pairs = [[observations[0].year, observations[observations.length - 1].year]];
  else pairs = file.periods;
  return {
    region: file.region, units: file.units,
    effects: EFFECTS,
    periods: pairs.map(([a, b]) => lmdi(sectors, fuels, byYear.get(a) as LmdiObservation, byYear.get(b) as LmdiObservation)),
  };
}
