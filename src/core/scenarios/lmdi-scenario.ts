/**
 * LMDI on scenario years: turns a projection's year into an LMDI observation (energy-related CO2 by
 * sector and fuel; process CO2 and sinks are outside the identity and not decomposed) and decomposes the
 * change between two projected years.
 */
import { invalid } from '../errors.ts';
import { lmdi, type LmdiObservation, type LmdiResult, type LmdiSectorDef } from './lmdi.ts';
import type { Projection } from './project.ts';
import type { ScenarioFile } from './schema.ts';

export function observationFromProjection(p: Projection, year: number): LmdiObservation {
  const t = p.years.indexOf(year);
  if (t < 0) {
    throw invalid('year', `年份 ${year} 超出情景范围 ${p.years[0]}–${p.years[p.years.length - 1]}`,
      `year ${year} is outside the scenario range ${p.years[0]}–${p.years[p.years.length - 1]}`);
  }
  const pick = (m: Record<string, Record<string, number[]>>) =>
    Object.fromEntries(Object.entries(m).map(([s, byFuel]) => [s, Object.fromEntries(Object.entries(byFuel).map(([f, v]) => [f, v[t]]))]));
  return {
    year,
    population: p.population[t],
    gdp: p.gdp[t],
    valueAdded: Object.fromEntries(Object.entries(p.valueAdded).map(([s, v]) => [s, v[t]])),
    energy: pick(p.energy.bySectorFuel),
    co2: pick(p.co2.bySectorFuel),
  };
}

/** LMDI decomposition of energy-related CO2 between two years of a projection. */
export function decomposeProjection(file: ScenarioFile, p: Projection, from: number, to: number): LmdiResult {
  if (from >= to) throw invalid('from', '分解区间应从早到晚', 'the decomposition must run from an earlier to a later year');
  const sectors: LmdiSectorDef[] = file.sectors.map((s) => ({ id: s.id, name: s.name, driver: s.driver }));
  return lmdi(sectors, file.fuels.map((f) => f.id), observationFromProjection(p, from), observationFromProjection(p, to));
}
