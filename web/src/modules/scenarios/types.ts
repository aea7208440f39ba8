import type { z } from 'zod';
import type { LeverSchema, ScenarioFileSchema, ScenarioSchema } from '../../../../src/core/scenarios/schema.ts';
import type { Dist } from '../../../../src/core/scenarios/distributions.ts';
import type { ChartMonteCarlo, ChartProjection, ChartReport, LmdiFileResult, LmdiResult, ScenarioRunReport } from '../../../../src/core/scenarios/index.ts';

/**
 * Types of the scenario module, all from the core (src/core/scenarios): the file as written (`z.input`,
 * before defaults: what is stored and edited) and the run report as the API returns it.
 */
export type ScenarioInput = z.input<typeof ScenarioFileSchema>;
export type ScenarioDef = z.input<typeof ScenarioSchema>;
export type LeverInput = z.input<typeof LeverSchema>;
export type LeverType = LeverInput['type'];
export type Num = number | Dist;
export type { Dist, LmdiFileResult, LmdiResult, ScenarioRunReport, ChartReport };
/** What the charts read of a projection and of a Monte Carlo result (a full report has it too). */
export type Projection = ChartProjection;
export type MonteCarloResult = ChartMonteCarlo;

export const LEVER_TYPES: readonly LeverType[] = ['fuelShift', 'intensity', 'structureShift', 'capacity', 'gridFactor', 'process', 'capture', 'sink'];
export const LMDI_EFFECTS = ['population', 'activity', 'structure', 'intensity', 'mix', 'emissionFactor'] as const;
export type LmdiEffect = (typeof LMDI_EFFECTS)[number];

/** Draws of the live preview: enough for a stable P(peak by 2030) to two digits, fast enough to follow edits. */
export const PREVIEW_DRAWS = 500;

/** A path inside the scenario file, as the core names fields ('scenarios.1.levers.0.perYear'). */
export type Path = readonly (string | number)[];
export const pathKey = (p: Path) => p.join('.');

/** What the charts show: the live preview of the draft, or a stored run. */
export interface Shown {
  report: ChartReport;
  source: { kind: 'preview'; draws: number; seed: number } | { kind: 'run'; id: number; draws: number; seed: number; createdAt: string; createdBy: string | null };
}
