/**
 * Compiling a (validated) scenario file and one of its scenarios into a flat numeric model: base data,
 * paths and levers become slots of one parameter vector plus typed index arrays, so the same kernel runs
 * the deterministic projection (central values) and every Monte Carlo draw (sampled values) without
 * building objects per draw.
 */
import { compileSamplers, type SamplerTable } from './distributions.ts';
import { compileLevers, compileShift, type CompiledLevers, type CShift, type LeverIndex } from './levers.ts';
import { compilePath, Slots, type CPath } from './params.ts';
import { resolveScenario, type ResolvedScenario } from './resolve.ts';
import type { Basis, Fuel, Generation, Process, ScenarioFile, Sector, Trajectory } from './schema.ts';
import { yearRange } from './years.ts';

/** Fuel kinds as small integers for the kernel. */
export const KIND = { fossil: 0, electricity: 1, heat: 2, nonFossil: 3 } as const;

export interface CompiledModel {
  scenario: ResolvedScenario;
  baseYear: number;
  endYear: number;
  years: number[];
  T: number;
  sectors: Sector[];
  S: number;
  /** 1 for value-added sectors, 0 for population-driven ones */
  isVA: Uint8Array;
  fuels: Fuel[];
  F: number;
  kind: Int8Array;
  /** index of the electricity fuel, −1 if none */
  elec: number;
  techs: Generation[];
  hours: Float64Array;
  processes: Process[];
  processSector: Int32Array;
  processEf: Float64Array;
  /** kgce per kWh for electricity */
  kgce: number;
  peakBasis: Basis;
  params: Float64Array;
  samplers: SamplerTable;
  pop: CPath;
  gdp: CPath;
  /** per sector: value-added share path (population sectors: constant 0) */
  structure: CPath[];
  /** per sector: energy intensity path (tce/万元, or tce per person) */
  intensity: CPath[];
  /** per fuel: tCO2/tce path (fossil and heat; others constant 0) */
  factor: CPath[];
  grid: CPath;
  gridNF: CPath;
  capacity: CPath[];
  process: CPath[];
  sinks: CPath;
  /** base-year fuel mix, [i * F + j] */
  baseMix: Float64Array;
  /** driver fuel shifts, then lever fuel shifts, in file order */
  shifts: CShift[];
  levers: CompiledLevers;
}

function indexOf<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  return new Map(items.map((x, i) => [x.id, i]));
}

/** Compile scenario `scenarioId` of a file that has passed parseScenarioFile. */
export function compileScenario(file: ScenarioFile, scenarioId: string): CompiledModel {
  const scenario = resolveScenario(file, scenarioId);
  const d = scenario.drivers;
  const { baseYear, endYear, base } = file;
  const years = yearRange(baseYear, endYear);
  const T = years.length;
  const sectors = file.sectors, fuels = file.fuels;
  const S = sectors.length, F = fuels.length;
  const isVA = Uint8Array.from(sectors.map((s) => (s.driver === 'valueAdded' ? 1 : 0)));
  const slots = new Slots();
  const path = (v: number, t: Trajectory | undefined) => compilePath(slots, v, t, baseYear, T);

  const pop = path(base.population, d.population);
  const gdp = path(base.gdp, d.gdp);

  // Structure: base shares normalised to 1; each milestone lists every value-added sector.
  const shareSum = sectors.reduce((a, s, i) => a + (isVA[i] ? base.valueAddedShare[s.id] : 0), 0);
  const share0 = sectors.map((s, i) => (isVA[i] && shareSum > 0 ? base.valueAddedShare[s.id] / shareSum : 0));
  const structure = sectors.map((s, i) => {
    if (!isVA[i] || !d.structure) return path(share0[i], undefined);
    const milestones = Object.fromEntries(Object.entries(d.structure).map(([y, m]) => [y, m[s.id]]));
    return path(share0[i], { milestones });
  });

  // Intensity and mix from base-year energy.
  const baseMix = new Float64Array(S * F);
  const fuelIx = indexOf(fuels);
  const intensity = sectors.map((s, i) => {
    const byFuel = base.energy[s.id] ?? {};
    const total = Object.values(byFuel).reduce((a, v) => a + v, 0);
    for (const [f, v] of Object.entries(byFuel)) if (total > 0) baseMix[i * F + (fuelIx.get(f) as number)] = v / total;
    const activity = isVA[i] ? base.gdp * share0[i] : base.population;
    return path(activity > 0 ? total / activity : 0, d.intensity?.[s.id]);
  });

  const factor = fuels.map((f) => path(f.co2PerTce ?? 0, f.kind === 'fossil' || f.kind === 'heat' ? d.fuelFactors?.[f.id] : undefined));
  const grid = path(base.gridFactor, d.gridFactor);
  const gridNF = path(base.gridNonFossilShare, d.gridNonFossilShare);
  const capacity = base.generation.map((g) => path(g.capacity, d.capacity?.[g.id]));
  const process = base.processes.map((q) => path(q.activity, d.process?.[q.id]));
  const sinks = path(base.sinks, d.sinks);

  const ix: LeverIndex = {
    baseYear, sector: indexOf(sectors), fuel: fuelIx, tech: indexOf(base.generation), process: indexOf(base.processes),
  };
  const always = slots.flag(undefined);
  const shifts = (d.fuelShifts ?? []).map((s) => compileShift(s, always, slots, ix));
  const levers = compileLevers(scenario.levers, slots, ix);
  shifts.push(...levers.fuelShifts);

  const sectorIx = indexOf(sectors);
  return {
    scenario, baseYear, endYear, years, T, sectors, S, isVA, fuels, F,
    kind: Int8Array.from(fuels.map((f) => KIND[f.kind])),
    elec: fuels.findIndex((f) => f.kind === 'electricity'),
    techs: base.generation,
    hours: Float64Array.from(base.generation.map((g) => g.hours)),
    processes: base.processes,
    processSector: Int32Array.from(base.processes.map((q) => sectorIx.get(q.sector) as number)),
    processEf: Float64Array.from(base.processes.map((q) => q.co2PerUnit)),
    kgce: file.electricity.kgcePerKWh,
    peakBasis: file.peakBasis,
    params: slots.toArray(),
    samplers: compileSamplers(slots.uncertain),
    pop, gdp, structure, intensity, factor, grid, gridNF, capacity, process, sinks,
    baseMix, shifts, levers,
  };
}
