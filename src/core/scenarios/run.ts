/**
 * One call for `shuangtan scenario run FILE --json [--draws N --seed S]`: validate the file, project every
 * (or the selected) scenario, run Monte Carlo when asked (a draws or seed option, or monteCarlo: true;
 * the file's `monteCarlo` block supplies the defaults), decompose the file's LMDI periods, and put a
 * comparison table on top. Pure: the caller reads the file and prints the result.
 */
import { invalid } from '../errors.ts';
import { decomposeProjection } from './lmdi-scenario.ts';
import type { LmdiResult } from './lmdi.ts';
import { checkMonteCarloOptions, runMonteCarloCompiled, type MonteCarloResult } from './montecarlo.ts';
import { compileScenario } from './compile.ts';
import { createWorkspace, simulate } from './kernel.ts';
import { collectProjection, UNITS, type Projection } from './project.ts';
import type { ScenarioFile } from './schema.ts';
import { parseScenarioFile } from './validate.ts';

/** Seed used when Monte Carlo is asked for without one (results stay reproducible). */
export const DEFAULT_SEED = 1;
/** Draws used when Monte Carlo is asked for without a number, and the file gives none. */
export const DEFAULT_DRAWS = 10_000;

export interface RunOptions {
  /** scenario ids to run; default all */
  scenarios?: readonly string[];
  /** run Monte Carlo; implied by `draws` or `seed` */
  monteCarlo?: boolean;
  /** Monte Carlo draws; default the file's monteCarlo.draws, else DEFAULT_DRAWS */
  draws?: number;
  /** default the file's monteCarlo.seed, else DEFAULT_SEED */
  seed?: number;
  /** Monte Carlo progress over all the scenarios run: draws done and in total */
  onProgress?: (done: number, total: number) => void;
}

export interface ScenarioRun {
  projection: Projection;
  monteCarlo?: MonteCarloResult;
  lmdi?: LmdiResult[];
}

export interface ComparisonRow {
  id: string;
  name: string;
  peakYear: number | null;
  peakValue: number;
  /** CO2 on the peak basis in the milestone years 2025, 2030, 2035, 2060 (those in range) */
  co2: Record<string, number>;
  targetsMet: number;
  targetsTotal: number;
  /** Monte Carlo probability of peaking by 2030, when Monte Carlo ran and 2030 is in range */
  probabilityPeakBy2030?: number;
}

export interface ScenarioRunReport {
  format: 'shuangtan.scenario-run/v1';
  region: ScenarioFile['region'];
  baseYear: number;
  endYear: number;
  peakBasis: ScenarioFile['peakBasis'];
  units: typeof UNITS;
  comparison: ComparisonRow[];
  scenarios: ScenarioRun[];
}

const MILESTONES = [2025, 2030, 2035, 2060];

/** What a run will do, checked: the validated file, the scenarios, the draws (0: deterministic only) and the seed. */
export interface RunPlan { file: ScenarioFile; ids: string[]; draws: number; seed: number }

/** Validates a file and run options without running anything (the server checks a run before queueing it). */
export function planRun(input: unknown, options: RunOptions = {}): RunPlan {
  const file = parseScenarioFile(input);
  const ids = options.scenarios?.length ? [...options.scenarios] : file.scenarios.map((s) => s.id);
  const known = new Set(file.scenarios.map((s) => s.id));
  for (const id of ids) {
    if (!known.has(id)) {
      throw invalid('scenario', `未知情景 "${id}"，已有：${[...known].join('、')}`, `unknown scenario "${id}"; known: ${[...known].join(', ')}`, 'unknown_scenario');
    }
  }
  const wantMc = options.monteCarlo ?? (options.draws !== undefined || options.seed !== undefined);
  const draws = wantMc ? options.draws ?? file.monteCarlo?.draws ?? DEFAULT_DRAWS : 0;
  const seed = options.seed ?? file.monteCarlo?.seed ?? DEFAULT_SEED;
  if (draws > 0) checkMonteCarloOptions({ draws, seed });
  return { file, ids, draws, seed };
}

export function runScenarioFile(input: unknown, options: RunOptions = {}): ScenarioRunReport {
  const { file, ids, draws, seed } = planRun(input, options);
  const total = draws * ids.length;
  const scenarios: ScenarioRun[] = ids.map((id, k) => {
    const m = compileScenario(file, id);
    const ws = createWorkspace(m);
    simulate(m, m.params, ws);
    const projection = collectProjection(file, m, ws);
    const run: ScenarioRun = { projection };
    const report = options.onProgress;
    const onProgress = report ? (done: number) => report(k * draws + done, total) : undefined;
    if (draws > 0) run.monteCarlo = runMonteCarloCompiled(file, m, { draws, seed, onProgress });
    if (file.lmdi) run.lmdi = file.lmdi.periods.map(([a, b]) => decomposeProjection(file, projection, a, b));
    return run;
  });

  const comparison = scenarios.map(({ projection: p, monteCarlo }) => {
    const series = file.peakBasis === 'energy' ? p.co2.energy : file.peakBasis === 'gross' ? p.co2.gross : p.co2.net;
    const co2: Record<string, number> = {};
    for (const y of MILESTONES) if (y >= file.baseYear && y <= file.endYear) co2[String(y)] = series[y - file.baseYear];
    const row: ComparisonRow = {
      id: p.scenario.id, name: p.scenario.name, peakYear: p.peak.year, peakValue: p.peak.value, co2,
      targetsMet: p.targets.filter((t) => t.pass).length, targetsTotal: p.targets.length,
    };
    if (monteCarlo && monteCarlo.peak.probabilityBy['2030'] !== undefined) row.probabilityPeakBy2030 = monteCarlo.peak.probabilityBy['2030'];
    return row;
  });

  return {
    format: 'shuangtan.scenario-run/v1',
    region: file.region, baseYear: file.baseYear, endYear: file.endYear, peakBasis: file.peakBasis,
    units: UNITS, comparison, scenarios,
  };
}
