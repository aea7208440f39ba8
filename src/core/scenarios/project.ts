/**
 * Deterministic projection: one scenario run with central values, returned as plain JSON-ready series by
 * year together with the peak and the attainment of every target. The numbers come from the same kernel
 * that the Monte Carlo engine runs for each draw.
 */
import { compileTargets, evaluateTargets, type TargetResult } from './attainment.ts';
import { compileScenario, type CompiledModel } from './compile.ts';
import { createWorkspace, simulate, type Workspace } from './kernel.ts';
import { findPeak, type Peak } from './peak.ts';
import type { ResolvedScenario } from './resolve.ts';
import type { Basis, ScenarioFile } from './schema.ts';

export const UNITS = {
  population: '万人', gdp: '亿元 (constant base-year prices)', energy: '万tce', electricity: '亿kWh',
  capacity: '万kW', co2: '万tCO2', gridFactor: 'tCO2/MWh', factorPerTce: 'tCO2/tce', energyIntensity: 'tce/万元',
  carbonIntensity: 'tCO2/万元', perCapita: 't per person', share: 'fraction',
} as const;

type Series = number[];
type ById = Record<string, Series>;

export interface Projection {
  scenario: { id: string; name: string; nameEn?: string; description?: string; lineage: string[] };
  /** the resolved drivers and levers the run used: store them with the results */
  inputs: ResolvedScenario;
  units: typeof UNITS;
  years: number[];
  population: Series;
  gdp: Series;
  valueAdded: ById;
  energy: { total: Series; byFuel: ById; bySector: ById; bySectorFuel: Record<string, ById> };
  electricity: {
    demand: Series; localGeneration: Series; gridPurchase: Series; gridFactor: Series;
    gridNonFossilShare: Series; factorPerTce: Series; capacity: ById;
  };
  co2: {
    energy: Series; process: Series; gross: Series; sinks: Series; net: Series;
    bySector: ById; byFuel: ById; byProcess: ById; bySectorFuel: Record<string, ById>;
  };
  intensity: { energy: Series; carbon: Series; energyPerCapita: Series; co2PerCapita: Series };
  shares: { nonFossil: Series; electrification: Series; byFuel: ById };
  peak: Peak & { basis: Basis };
  targets: TargetResult[];
}

/** Series of a given basis from the workspace. */
export function basisSeries(ws: Workspace, basis: Basis): Float64Array {
  return basis === 'energy' ? ws.co2Energy : basis === 'gross' ? ws.gross : ws.net;
}

function strided(a: Float64Array, T: number, stride: number, offset: number): Series {
  const out: Series = new Array(T);
  for (let t = 0; t < T; t++) out[t] = a[t * stride + offset];
  return out;
}

const row = (a: Float64Array, k: number, T: number): Series => Array.from(a.subarray(k * T, (k + 1) * T));

/** Assemble the JSON result of a run already simulated into `ws`. */
export function collectProjection(file: ScenarioFile, m: CompiledModel, ws: Workspace): Projection {
  const { T, S, F, years } = m;
  const sid = m.sectors.map((s) => s.id), fid = m.fuels.map((f) => f.id);
  const bySF = (a: Float64Array) => Object.fromEntries(sid.map((s, i) =>
    [s, Object.fromEntries(fid.map((f, j) => [f, strided(a, T, S * F, i * F + j)]))]));
  const map = (ids: string[], f: (k: number) => Series): ById => Object.fromEntries(ids.map((id, k) => [id, f(k)]));
  const arr = (a: Float64Array) => Array.from(a);
  const div = (a: Float64Array, b: Float64Array) => years.map((_, t) => (b[t] > 0 ? a[t] / b[t] : 0));

  const basis = m.peakBasis;
  const peakSeries = basisSeries(ws, basis);
  const peak = { ...findPeak(peakSeries, years), basis };
  const peakIdx = peak.reached ? years.indexOf(peak.year as number) : -1;
  const r = m.scenario;
  return {
    scenario: { id: r.id, name: r.name, nameEn: r.nameEn, description: r.description, lineage: r.lineage },
    inputs: r,
    units: UNITS,
    years: [...years],
    population: arr(ws.pop),
    gdp: arr(ws.gdp),
    valueAdded: Object.fromEntries(sid.flatMap((s, i) => (m.isVA[i] ? [[s, row(ws.activity, i, T)]] : []))),
    energy: {
      total: arr(ws.energyTotal),
      byFuel: map(fid, (j) => strided(ws.energyFuel, T, F, j)),
      bySector: map(sid, (i) => strided(ws.energySector, T, S, i)),
      bySectorFuel: bySF(ws.energy),
    },
    electricity: {
      demand: arr(ws.elecDemand), localGeneration: arr(ws.localGen), gridPurchase: arr(ws.gridPurchase),
      gridFactor: arr(ws.gridFactor), gridNonFossilShare: arr(ws.gridNF),
      factorPerTce: m.elec >= 0 ? row(ws.fuelEf, m.elec, T) : years.map(() => 0),
      capacity: map(m.techs.map((g) => g.id), (g) => row(ws.capacity, g, T)),
    },
    co2: {
      energy: arr(ws.co2Energy), process: arr(ws.co2Process), gross: arr(ws.gross), sinks: arr(ws.sinks), net: arr(ws.net),
      bySector: map(sid, (i) => strided(ws.co2Sector, T, S, i)),
      byFuel: map(fid, (j) => strided(ws.co2Fuel, T, F, j)),
      byProcess: map(m.processes.map((q) => q.id), (q) => row(ws.processCo2, q, T)),
      bySectorFuel: bySF(ws.co2),
    },
    intensity: {
      energy: div(ws.energyTotal, ws.gdp), carbon: div(ws.co2Energy, ws.gdp),
      energyPerCapita: div(ws.energyTotal, ws.pop), co2PerCapita: div(ws.gross, ws.pop),
    },
    shares: {
      nonFossil: arr(ws.nonFossilShare), electrification: arr(ws.electrificationShare),
      byFuel: map(fid, (j) => years.map((_, t) => (ws.energyTotal[t] > 0 ? ws.energyFuel[t * F + j] / ws.energyTotal[t] : 0))),
    },
    peak,
    targets: evaluateTargets(compileTargets(file, m), m, ws, peakIdx),
  };
}

/** Deterministic projection of scenario `scenarioId` (file already validated by parseScenarioFile). */
export function projectScenario(file: ScenarioFile, scenarioId: string): Projection {
  const m = compileScenario(file, scenarioId);
  const ws = createWorkspace(m);
  simulate(m, m.params, ws);
  return collectProjection(file, m, ws);
}
