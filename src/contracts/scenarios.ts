import { z } from 'zod';

/** Shapes of the scenario API. The scenario file itself is validated by the core (`parseScenarioFile`). */
export const ScenarioFileOut = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  input: z.unknown().describe('a shuangtan.scenario/v1 file (src/core/scenarios/README.md)'),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  runs: z.array(z.object({ id: z.number().int(), draws: z.number().int(), seed: z.number().int(), createdAt: z.string(), createdBy: z.string().nullable() })),
});
export type ScenarioFileOut = z.infer<typeof ScenarioFileOut>;

export const ScenarioCreate = z.object({
  regionCode: z.string().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  input: z.record(z.string(), z.unknown()),
});
export const ScenarioPatch = z.object({ name: z.string().trim().min(1).max(200), input: z.record(z.string(), z.unknown()) })
  .partial().refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', params: { zh: '没有要修改的字段', en: 'nothing to change' } });
export const ScenarioCopy = z.object({ name: z.string().trim().min(1).max(200), regionCode: z.string().min(1).max(32).optional() });

export const RunOptions = z.object({
  scenarios: z.array(z.string().min(1).max(64)).max(20).optional(),
  draws: z.number().int().min(0).max(50_000).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});
/** Live preview: few enough draws to answer while the user drags a lever (a stored run may have up to 50,000). */
export const PreviewBody = RunOptions.extend({ input: z.record(z.string(), z.unknown()), draws: z.number().int().min(0).max(5_000).optional() });
export const LmdiBody = z.object({ input: z.record(z.string(), z.unknown()) });

export const ScenarioRunOut = z.object({
  id: z.number().int(),
  fileId: z.number().int(),
  draws: z.number().int(),
  seed: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  input: z.unknown().describe('the scenario file exactly as run'),
  report: z.unknown().describe('a shuangtan.scenario-run/v1 report'),
});
export type ScenarioRunOut = z.infer<typeof ScenarioRunOut>;
