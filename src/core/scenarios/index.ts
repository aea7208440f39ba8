/**
 * Scenario engine of Shuangtan 双碳: driver-based projections to 2035/2060, peak and target attainment,
 * Monte Carlo uncertainty and LMDI decomposition. Pure functions: no I/O, no clock, randomness only from
 * a seed. See README.md in this folder for the model equations and the input formats.
 */

// Entry points for the CLI / REST layer
export { planRun, runScenarioFile, DEFAULT_SEED, DEFAULT_DRAWS } from './run.ts';
export type { RunPlan, RunOptions, ScenarioRun, ScenarioRunReport, ComparisonRow } from './run.ts';
export { runLmdiFile, parseLmdiFile, LmdiFileSchema } from './lmdi-input.ts';
export type { LmdiFile, LmdiFileResult } from './lmdi-input.ts';

// Input
export { parseScenarioFile } from './validate.ts';
export { ScenarioFileSchema, DistSchema, METRICS, BASES } from './schema.ts';
export type {
  ScenarioFile, Fuel, Sector, Generation, Process, Base, Drivers, FuelShift, Lever, LeverType, Scenario,
  Target, Metric, Basis, Trajectory,
} from './schema.ts';
export { resolveScenario } from './resolve.ts';
export type { ResolvedScenario } from './resolve.ts';

// Deterministic projection
export { projectScenario, collectProjection, UNITS } from './project.ts';
export type { Projection } from './project.ts';
export { compileScenario } from './compile.ts';
export type { CompiledModel } from './compile.ts';
export { createWorkspace, simulate } from './kernel.ts';
export type { Workspace } from './kernel.ts';
export { findPeak } from './peak.ts';
export type { Peak } from './peak.ts';
export { METRIC_UNITS } from './attainment.ts';
export type { TargetResult } from './attainment.ts';

// Uncertainty
export { runMonteCarlo, runMonteCarloCompiled, DEFAULT_PERCENTILES, FAN_SERIES, MAX_DRAWS, PROGRESS_EVERY } from './montecarlo.ts';
export type { MonteCarloOptions, MonteCarloResult, FanSeries } from './montecarlo.ts';
export { Xoshiro128 } from './rng.ts';
export {
  central, normalCdf, normalQuantile, sample, sampleTriangular, sampleTruncatedNormal, sampleUniform,
} from './distributions.ts';
export type { Dist, Num } from './distributions.ts';
export { quantileSorted } from './stats.ts';

// Base year from an inventory, plan targets, chart view
export { scenarioFromInventory } from './from-inventory.ts';
export type { BaseCheck, FromInventoryInput, FromInventoryResult } from './from-inventory.ts';
export { baseFromInventory, INVENTORY_SECTORS, TECH_OF } from './inventory-base.ts';
export type { FieldLineage, LineageSource } from './inventory-base.ts';
export { mapPlanTargets, peakCommitment, peakTarget, targetsFromPlans } from './plan-targets.ts';
export type { MappedTarget, PeakCommitment, PlanTargetIn, RegionPlans, PlanTargetsResult, ReferenceValue, References, SkippedTarget } from './plan-targets.ts';
export { rebaseScenarios, rebaseTargets, scaleNum } from './rebase.ts';
export { chartView } from './chart-view.ts';
export type { ChartMonteCarlo, ChartProjection, ChartReport, ChartRun } from './chart-view.ts';

// Decomposition
export { lmdi, logMean, EFFECTS } from './lmdi.ts';
export type { Effect, Effects, LmdiObservation, LmdiResult, LmdiSectorDef } from './lmdi.ts';
export { decomposeProjection, observationFromProjection } from './lmdi-scenario.ts';
