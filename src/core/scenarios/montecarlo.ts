/**
 * Monte Carlo over a scenario's uncertain inputs. Each draw fills the uncertain parameter slots from one
 * seeded xoshiro128** stream (one uniform per uncertain input, in slot order), runs the same kernel as the
 * deterministic projection into one reused workspace, and records a few series per year into
 * year-major typed arrays. Afterwards each year's column is sorted once for the fan-chart percentiles.
 *
 * Same file + scenario + seed ⇒ identical results; draw k does not depend on the total number of draws.
 * Each distribution is drawn once per draw and holds for all the years it covers (a period's growth rate
 * is one value for the whole period); different inputs are drawn independently.
 */
import { invalid } from '../errors.ts';
import { compileTargets, marginOf, metricValue, passes } from './attainment.ts';
import { compileScenario, type CompiledModel } from './compile.ts';
import { drawInto } from './distributions.ts';
import { createWorkspace, simulate, type Workspace } from './kernel.ts';
import { peakIndex, peakReached } from './peak.ts';
import { basisSeries } from './project.ts';
import { Xoshiro128 } from './rng.ts';
import type { Basis, Metric, ScenarioFile } from './schema.ts';
import { summarise, type Quantiles } from './stats.ts';

export const DEFAULT_PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;
/** Upper bound on draws: results are kept per draw and year (about 2.5 KB per draw for 41 years). */
export const MAX_DRAWS = 50_000;

export const FAN_SERIES = ['co2Gross', 'co2Net', 'co2Energy', 'energyTotal', 'nonFossilShare', 'energyIntensity', 'carbonIntensity'] as const;
export type FanSeries = (typeof FAN_SERIES)[number];

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** percentiles in [0, 100]; default 5, 10, 25, 50, 75, 90, 95 */
  percentiles?: readonly number[];
  /** years for "probability of peaking by"; default 2025, 2030, 2035 (those inside the horizon) */
  peakBy?: readonly number[];
  /** called with the number of draws done, every PROGRESS_EVERY draws and at the end (for a progress bar) */
  onProgress?: (done: number) => void;
}

/** How often a long run reports progress, in draws. */
export const PROGRESS_EVERY = 500;

export interface MonteCarloResult {
  scenario: { id: string; name: string };
  draws: number;
  seed: number;
  /** number of uncertain inputs (distributions and lever probabilities) */
  uncertainInputs: number;
  years: number[];
  percentiles: number[];
  /** per series, per percentile label ("p5" …) and "mean": one value per year */
  fan: Record<FanSeries, Record<string, number[]>>;
  peak: {
    basis: Basis;
    probabilityReached: number;
    /** probability that the peak is reached by each year (inclusive) */
    probabilityBy: Record<string, number>;
    /** share of draws peaking in each year (years with no draw left out) */
    yearDistribution: { year: number; probability: number }[];
    /** quantiles of the peak year over the draws that peak within the horizon */
    year: Quantiles | null;
    /** quantiles of the peak value (the path maximum) over all draws */
    value: Quantiles | null;
  };
  targets: {
    id: string; name?: string; metric: Metric; year?: number;
    probability: number;
    /** quantiles of the margin over the draws where it is defined */
    margin: Quantiles | null;
    definedShare: number;
  }[];
}

function fanSource(s: FanSeries, ws: Workspace): Float64Array {
  switch (s) {
    case 'co2Gross': return ws.gross;
    case 'co2Net': return ws.net;
    case 'co2Energy': return ws.co2Energy;
    case 'energyTotal': return ws.energyTotal;
    case 'nonFossilShare': return ws.nonFossilShare;
    case 'energyIntensity': return ws.energyIntensity;
    case 'carbonIntensity': return ws.carbonIntensity;
  }
}

/** Draws, seed and percentiles of a Monte Carlo run, each refused with a bilingual error naming it. */
export function checkMonteCarloOptions(o: Pick<MonteCarloOptions, 'draws' | 'seed' | 'percentiles'>): void {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > MAX_DRAWS) {
    throw invalid('draws', `抽样次数应为 1–${MAX_DRAWS} 的整数，实际为 ${o.draws}`, `draws must be an integer in 1…${MAX_DRAWS}, got ${o.draws}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw invalid('seed', `随机种子应为非负整数，实际为 ${o.seed}`, `seed must be a non-negative integer, got ${o.seed}`);
  }
  for (const p of o.percentiles ?? []) {
    if (!(p >= 0 && p <= 100)) throw invalid('percentiles', `百分位 ${p} 超出 [0, 100]`, `percentile ${p} is outside [0, 100]`);
  }
}

/** Monte Carlo of a compiled model. */
export function runMonteCarloCompiled(file: ScenarioFile, m: CompiledModel, options: MonteCarloOptions): MonteCarloResult {
  checkMonteCarloOptions(options);
  const { draws, seed } = options;
  const percentiles = [...(options.percentiles ?? DEFAULT_PERCENTILES)];
  const { T, years } = m;
  const ws = createWorkspace(m);
  const p = Float64Array.from(m.params);
  const rng = new Xoshiro128(seed);
  const fanBuf = FAN_SERIES.map(() => new Float64Array(T * draws));
  const fanSrc = FAN_SERIES.map((key) => fanSource(key, ws));
  const peakIdx = new Int32Array(draws);
  const peakVal = new Float64Array(draws);
  const cts = compileTargets(file, m);
  const margins = cts.map(() => new Float64Array(draws));
  const passCount = new Int32Array(cts.length);

  for (let d = 0; d < draws; d++) {
    drawInto(m.samplers, rng, p);
    simulate(m, p, ws);
    for (let s = 0; s < fanSrc.length; s++) {
      const buf = fanBuf[s], src = fanSrc[s];
      for (let t = 0; t < T; t++) buf[t * draws + d] = src[t];
    }
    const series = basisSeries(ws, m.peakBasis);
    const idx = peakIndex(series, 0, T);
    const reached = peakReached(series, 0, T, idx);
    peakIdx[d] = reached ? idx : -1;
    peakVal[d] = series[idx];
    for (let k = 0; k < cts.length; k++) {
      const v = metricValue(cts[k], m, ws, peakIdx[d]);
      const mg = marginOf(cts[k], v);
      margins[k][d] = mg;
      if (Number.isFinite(mg) && passes(cts[k], mg)) passCount[k]++;
    }
    if (options.onProgress && ((d + 1) % PROGRESS_EVERY === 0 || d + 1 === draws)) options.onProgress(d + 1);
  }

  const fan = {} as Record<FanSeries, Record<string, number[]>>;
  FAN_SERIES.forEach((key, s) => {
    const out: Record<string, number[]> = {};
    for (const pct of percentiles) out[`p${pct}`] = new Array(T);
    out.mean = new Array(T);
    for (let t = 0; t < T; t++) {
      const q = summarise(fanBuf[s].subarray(t * draws, (t + 1) * draws), percentiles);
      for (const [k, v] of Object.entries(q ?? {})) out[k][t] = v;
    }
    fan[key] = out;
  });

  const counts = new Int32Array(T);
  let reachedN = 0;
  for (let d = 0; d < draws; d++) if (peakIdx[d] >= 0) { counts[peakIdx[d]]++; reachedN++; }
  const byYears = (options.peakBy ?? [2025, 2030, 2035]).filter((y) => y >= m.baseYear && y <= m.endYear);
  const probabilityBy: Record<string, number> = {};
  for (const y of byYears) {
    let c = 0;
    for (let t = 0; t <= y - m.baseYear; t++) c += counts[t];
    probabilityBy[String(y)] = c / draws;
  }
  const reachedYears = new Float64Array(reachedN);
  for (let d = 0, k = 0; d < draws; d++) if (peakIdx[d] >= 0) reachedYears[k++] = years[peakIdx[d]];

  return {
    scenario: { id: m.scenario.id, name: m.scenario.name },
    draws, seed, uncertainInputs: m.samplers.count, years: [...years], percentiles, fan,
    peak: {
      basis: m.peakBasis,
      probabilityReached: reachedN / draws,
      probabilityBy,
      yearDistribution: years.flatMap((year, t) => (counts[t] ? [{ year, probability: counts[t] / draws }] : [])),
      year: summarise(reachedYears, percentiles),
      value: summarise(peakVal, percentiles),
    },
    targets: cts.map((c, k) => {
      let defined = 0;
      for (let d = 0; d < draws; d++) if (Number.isFinite(margins[k][d])) defined++;
      return {
        id: c.target.id, name: c.target.name, metric: c.target.metric, year: c.target.year,
        probability: passCount[k] / draws,
        margin: summarise(margins[k], percentiles),
        definedShare: defined / draws,
      };
    }),
  };
}

/** Monte Carlo of scenario `scenarioId` of a validated file. */
export function runMonteCarlo(file: ScenarioFile, scenarioId: string, options: MonteCarloOptions): MonteCarloResult {
  return runMonteCarloCompiled(file, compileScenario(file, scenarioId), options);
}
