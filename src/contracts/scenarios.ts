import { z } from 'zod';

/** Shapes of the scenario API. The scenario file itself is validated by the core (`parseScenarioFile`). */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const RunError = z.object({ code: z.string(), zh: z.string(), en: z.string(), field: z.string().optional(), issues: z.array(z.object({ field: z.string().optional(), zh: z.string(), en: z.string() })).optional() });

/** A stored run as a job: its state and progress, without the input and report (what a progress bar polls). */
export const RunStatus = z.object({
  id: z.number().int(),
  fileId: z.number().int(),
  status: z.enum(RUN_STATUSES),
  /** Monte Carlo draws done, in % of all the run's draws */
  percent: z.number().int().min(0).max(100),
  draws: z.number().int(),
  seed: z.number().int(),
  /** the scenarios asked for (all when absent) */
  scenarios: z.array(z.string()).optional(),
  error: RunError.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type RunStatus = z.infer<typeof RunStatus>;

export const ScenarioRunOut = RunStatus.extend({
  input: z.unknown().describe('the scenario file exactly as run'),
  report: z.unknown().nullable().describe('a shuangtan.scenario-run/v1 report (its chart view with ?view=chart); null until the run is done'),
});
export type ScenarioRunOut = z.infer<typeof ScenarioRunOut>;

export const ScenarioFileOut = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  input: z.unknown().describe('a shuangtan.scenario/v1 file (src/core/scenarios/README.md)'),
  createdBy: z.string().nullable(),
  /** the version of the file: send it back with an edit to be told (409) when someone else changed it meanwhile */
  updatedAt: z.string(),
  runs: z.array(RunStatus.pick({ id: true, status: true, percent: true, draws: true, seed: true, createdAt: true, createdBy: true })),
});
export type ScenarioFileOut = z.infer<typeof ScenarioFileOut>;

export const ScenarioCreate = z.object({
  regionCode: z.string().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  input: z.record(z.string(), z.unknown()),
});
export const ScenarioPatch = z.object({
  name: z.string().trim().min(1).max(200),
  input: z.record(z.string(), z.unknown()),
  /** the `updatedAt` of the version edited; a different stored version is a conflict (409) */
  updatedAt: z.iso.datetime({ offset: true }),
}).partial().refine((v) => v.name !== undefined || v.input !== undefined, { message: 'nothing to change', params: { zh: '没有要修改的字段', en: 'nothing to change' } });
export const ScenarioCopy = z.object({ name: z.string().trim().min(1).max(200), regionCode: z.string().min(1).max(32).optional() });

export const RunOptions = z.object({
  scenarios: z.array(z.string().min(1).max(64)).max(20).optional(),
  draws: z.number().int().min(0).max(50_000).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});
export const ReportView = z.enum(['full', 'chart']).describe('full: every series; chart: what the scenario charts show (src/core/scenarios/chart-view.ts)');
/** Live preview: few enough draws to answer while the user drags a lever (a stored run may have up to 50,000). */
export const PreviewBody = RunOptions.extend({
  input: z.record(z.string(), z.unknown()),
  draws: z.number().int().min(0).max(5_000).optional(),
  view: ReportView.default('full'),
});
export const LmdiBody = z.object({ input: z.record(z.string(), z.unknown()) });

const Shares = z.record(z.string(), z.number().min(0).max(1));
export const FromInventoryBody = z.object({
  inventoryId: z.number().int().positive(),
  /** the scenario file open in the editor: its scenarios, levers and entered values are carried over */
  template: z.record(z.string(), z.unknown()).optional(),
  /** value-added shares by sector (an inventory has none); default: the template's */
  valueAddedShare: Shares.optional(),
  endYear: z.number().int().min(1950).max(2100).optional(),
});

const Lineage = z.object({
  field: z.string(), value: z.number().nullable(), unit: z.string(),
  source: z.enum(['inventory', 'observation', 'plan', 'template', 'entered', 'derived', 'assumed']),
  refs: z.array(z.string()), zh: z.string(), en: z.string(),
});
const Mapped = z.object({ planId: z.number().int(), ref: z.string(), targetId: z.string(), zh: z.string(), en: z.string() });
const Skipped = z.object({
  planId: z.number().int(), planTitle: z.string(), ref: z.string(), indicatorCode: z.string().nullable(), indicatorName: z.string(),
  year: z.number().int().nullable(), quote: z.string(), zh: z.string(), en: z.string(),
});
export const PlanTargetsOut = z.object({
  /** the scenario targets made from the plans (merge them into the file's `targets`) */
  targets: z.array(z.record(z.string(), z.unknown())),
  mapped: z.array(Mapped),
  /** plan targets the model cannot compute, each with the reason */
  skipped: z.array(Skipped),
  peak: z.object({ year: z.number().int(), planId: z.number().int(), planTitle: z.string(), quote: z.string() }).nullable(),
  /** false: the region has no stored plan */
  fromPlans: z.boolean(),
});
export const PlanTargetsBody = z.object({
  regionCode: z.string().min(1).max(32),
  /** the scenario file the targets are for (its base year, end year, fuels and technologies) */
  input: z.record(z.string(), z.unknown()),
});

export const FromInventoryOut = z.object({
  input: z.record(z.string(), z.unknown()).describe('the generated shuangtan.scenario/v1 file (not stored: open it in the editor, then save)'),
  inventory: z.object({ id: z.number().int(), regionCode: z.string(), year: z.number().int() }),
  lineage: z.array(Lineage),
  /** the projection's base year against the inventory's figures */
  checks: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string(), unit: z.string(), inventory: z.number(), scenario: z.number(), difference: z.number(), equal: z.boolean() })),
  planTargets: PlanTargetsOut.omit({ targets: true }),
  warnings: z.array(Bilingual),
});
