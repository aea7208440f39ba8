import { z } from 'zod';
import { ScenarioFileOut, ScenarioRunOut } from '../../../../src/contracts/scenarios.ts';
import { api } from '../../app/api.ts';
import type { LmdiFileResult, ScenarioInput, ScenarioRunReport } from './types.ts';

/**
 * The scenario endpoints (src/server/scenarios). File and run envelopes are checked against their contract
 * schemas; the run report and the LMDI result are the core's own types, checked for their format and shape.
 */
const Report = z.custom<ScenarioRunReport>((v) => {
  const o = v as Partial<ScenarioRunReport> | null;
  return typeof o === 'object' && o !== null && o.format === 'shuangtan.scenario-run/v1' && Array.isArray(o.scenarios) && Array.isArray(o.comparison);
});
const Lmdi = z.custom<LmdiFileResult>((v) => {
  const o = v as Partial<LmdiFileResult> | null;
  return typeof o === 'object' && o !== null && Array.isArray(o.periods) && Array.isArray(o.effects);
});
const Input = z.custom<ScenarioInput>((v) => typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'shuangtan.scenario/v1');
const AnyObject = z.record(z.string(), z.unknown());

export type ScenarioFile = z.output<typeof ScenarioFileOut>;
export type ScenarioRun = z.output<typeof ScenarioRunOut>;

export const scenariosApi = {
  list: (region: string) => api.get('/api/scenarios', z.array(ScenarioFileOut), { region }),
  get: (id: number) => api.get(`/api/scenarios/${id}`, ScenarioFileOut),
  sample: () => api.get('/api/scenarios/samples/demo-region', Input),
  lmdiSample: () => api.get('/api/scenarios/samples/demo-lmdi', AnyObject),
  create: (regionCode: string, name: string, input: ScenarioInput) => api.post('/api/scenarios', ScenarioFileOut, { regionCode, name, input }),
  patch: (id: number, body: { name?: string; input?: ScenarioInput }) => api.patch(`/api/scenarios/${id}`, ScenarioFileOut, body),
  copy: (id: number, name: string) => api.post(`/api/scenarios/${id}/copy`, ScenarioFileOut, { name }),
  preview: (input: ScenarioInput, draws: number, seed: number) => api.post('/api/scenarios/preview', Report, { input, draws, seed }),
  run: (id: number, draws: number, seed: number) => api.post(`/api/scenarios/${id}/runs`, ScenarioRunOut, { draws, seed }),
  getRun: (id: number, runId: number) => api.get(`/api/scenarios/${id}/runs/${runId}`, ScenarioRunOut),
  lmdi: (input: Record<string, unknown>) => api.post('/api/lmdi', Lmdi, { input }),
};

/** A stored run's report, checked like a preview's. */
export function runReport(run: ScenarioRun): ScenarioRunReport | null {
  const r = Report.safeParse(run.report);
  return r.success ? r.data : null;
}
