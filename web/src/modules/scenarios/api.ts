import { z } from 'zod';
import { InventoryListItem } from '../../../../src/contracts/accounting.ts';
import { FromInventoryOut, PlanTargetsOut, RunStatus, ScenarioFileOut, ScenarioRunOut } from '../../../../src/contracts/scenarios.ts';
import { api } from '../../app/api.ts';
import type { ChartReport, LmdiFileResult, ScenarioInput } from './types.ts';

/**
 * The scenario endpoints (src/server/scenarios). File and run envelopes are checked against their contract
 * schemas; the run report (its chart view: src/core/scenarios/chart-view.ts) and the LMDI result are the
 * core's own types, checked for their format and shape.
 */
const Report = z.custom<ChartReport>((v) => {
  const o = v as Partial<ChartReport> | null;
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
export type RunState = z.output<typeof RunStatus>;
export type FromInventory = z.output<typeof FromInventoryOut>;
export type PlanTargets = z.output<typeof PlanTargetsOut>;
export type InventoryItem = z.output<typeof InventoryListItem>;

export const scenariosApi = {
  list: (region: string) => api.get('/api/scenarios', z.array(ScenarioFileOut), { region }),
  get: (id: number) => api.get(`/api/scenarios/${id}`, ScenarioFileOut),
  sample: () => api.get('/api/scenarios/samples/demo-region', Input),
  lmdiSample: () => api.get('/api/scenarios/samples/demo-lmdi', AnyObject),
  create: (regionCode: string, name: string, input: ScenarioInput) => api.post('/api/scenarios', ScenarioFileOut, { regionCode, name, input }),
  /** `updatedAt`: the version edited; the server answers 409 when someone saved another version meanwhile */
  patch: (id: number, body: { name?: string; input?: ScenarioInput; updatedAt?: string }) => api.patch(`/api/scenarios/${id}`, ScenarioFileOut, body),
  /** the file and its runs; refused (409) while a run is under way */
  remove: (id: number) => api.delete(`/api/scenarios/${id}`, z.object({ id: z.number(), deleted: z.literal(true), runs: z.number() })),
  copy: (id: number, name: string) => api.post(`/api/scenarios/${id}/copy`, ScenarioFileOut, { name }),
  preview: (input: ScenarioInput, draws: number, seed: number) => api.post('/api/scenarios/preview', Report, { input, draws, seed, view: 'chart' }),
  /** queues a stored run; poll `runStatus` */
  run: (id: number, draws: number, seed: number) => api.post(`/api/scenarios/${id}/runs`, RunStatus, { draws, seed }),
  runStatus: (runId: number) => api.get(`/api/scenarios/runs/${runId}`, RunStatus),
  getRun: (id: number, runId: number) => api.get(`/api/scenarios/${id}/runs/${runId}`, ScenarioRunOut, { view: 'chart' }),
  lmdi: (input: Record<string, unknown>) => api.post('/api/lmdi', Lmdi, { input }),
  inventories: (region: string) => api.get('/api/inventories', z.array(InventoryListItem), { region }),
  fromInventory: (body: { inventoryId: number; template?: ScenarioInput; valueAddedShare?: Record<string, number> }) =>
    api.post('/api/scenarios/from-inventory', FromInventoryOut, body),
  planTargets: (regionCode: string, input: ScenarioInput) => api.post('/api/scenarios/plan-targets', PlanTargetsOut, { regionCode, input }),
};

/** A stored run's report (chart view), checked like a preview's. */
export function runReport(run: ScenarioRun): ChartReport | null {
  const r = Report.safeParse(run.report);
  return r.success ? r.data : null;
}
