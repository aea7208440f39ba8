import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import {
  FromInventoryBody, FromInventoryOut, LmdiBody, PlanTargetsBody, PlanTargetsOut, PreviewBody, ReportView, RunOptions, RunStatus,
  ScenarioCopy, ScenarioCreate, ScenarioFileOut, ScenarioPatch, ScenarioRunOut,
} from '../../contracts/scenarios.ts';
import { runLmdiFile } from '../../core/scenarios/index.ts';
import {
  deleteScenarioFile, getRunStatus, getScenarioFile, getScenarioRun, listScenarioFiles, previewScenario, runStoredScenario, saveScenarioFile,
  updateScenarioFile,
} from './service.ts';
import { planTargetsFor, scenarioFromStoredInventory } from './base.ts';

const SAMPLES = new URL('../../core/scenarios/samples/', import.meta.url);
const sample = (name: string) => JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8')) as unknown;
const RunParams = z.object({ id: z.coerce.number().int().positive(), runId: z.coerce.number().int().positive() });

export const scenarioRoutes = [
  defineRoute({
    method: 'GET', url: '/api/scenarios', tag: 'scenarios', access: 'scenario.read', summary: 'Scenario files (of a region)',
    query: z.object({ region: z.string().max(32).optional() }), response: z.array(ScenarioFileOut),
    handler: ({ ctx, query }) => listScenarioFiles(ctx, query.region),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/samples/:name', tag: 'scenarios', access: 'scenario.read',
    summary: 'The documented sample inputs (demo-region: scenarios; demo-lmdi: decomposition)',
    params: z.object({ name: z.enum(['demo-region', 'demo-lmdi']) }), response: z.unknown(),
    handler: async ({ params }) => sample(`${params.name}.json`),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/from-inventory', tag: 'scenarios', access: 'scenario.read',
    summary: "A scenario file whose base year is a stored regional inventory, with the region's plan targets, the lineage of every field and a check against the inventory (nothing is stored)",
    body: FromInventoryBody, response: FromInventoryOut, handler: ({ ctx, body }) => scenarioFromStoredInventory(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/plan-targets', tag: 'scenarios', access: 'scenario.read',
    summary: "The region's plan targets the model computes, as targets of the given scenario file, and those it cannot compute with the reason",
    body: PlanTargetsBody, response: PlanTargetsOut, handler: ({ ctx, body }) => planTargetsFor(ctx, body.regionCode, body.input),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/runs/:id', tag: 'scenarios', access: 'scenario.read',
    summary: 'State and progress of a stored run (queued, running with percent, done, failed)', params: IdParams, response: RunStatus,
    handler: ({ ctx, params }) => getRunStatus(ctx, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/:id', tag: 'scenarios', access: 'scenario.read', summary: 'A scenario file with its runs',
    params: IdParams, response: ScenarioFileOut, handler: ({ ctx, params }) => getScenarioFile(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios', tag: 'scenarios', access: 'scenario.write', status: 201, summary: 'Store a scenario file for a region',
    body: ScenarioCreate, response: ScenarioFileOut,
    handler: ({ ctx, principal, body }) => saveScenarioFile(ctx, principal, body.regionCode, body.name, body.input),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/scenarios/:id', tag: 'scenarios', access: 'scenario.write',
    summary: 'Edit a scenario file (levers, drivers, targets); with updatedAt, refused (409) when the file changed since that version',
    params: IdParams, body: ScenarioPatch, response: ScenarioFileOut,
    handler: ({ ctx, principal, params, body }) => updateScenarioFile(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/scenarios/:id', tag: 'scenarios', access: 'scenario.write', summary: 'Delete a scenario file and its runs (audited; not while a run is under way)',
    params: IdParams, response: z.object({ id: z.number().int(), deleted: z.literal(true), runs: z.number().int() }),
    handler: ({ ctx, principal, params }) => deleteScenarioFile(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/:id/copy', tag: 'scenarios', access: 'scenario.write', status: 201, summary: 'Copy a scenario file to edit it',
    params: IdParams, body: ScenarioCopy, response: ScenarioFileOut,
    handler: async ({ ctx, principal, params, body }) => {
      const src = await getScenarioFile(ctx, params.id);
      return saveScenarioFile(ctx, principal, body.regionCode ?? src.regionCode, body.name, src.input);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/preview', tag: 'scenarios', access: 'scenario.read',
    summary: 'Run a scenario file without storing it (live preview while editing levers; view=chart sends only what the charts show)', body: PreviewBody, response: z.unknown(),
    handler: ({ ctx, body }) => previewScenario(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/:id/runs', tag: 'scenarios', access: 'scenario.write', status: 202,
    summary: 'Queue a run of a stored file (Monte Carlo when draws or seed is given) in a worker thread, keeping its exact input; poll GET /api/scenarios/runs/{id}',
    params: IdParams, body: RunOptions, response: RunStatus,
    handler: ({ ctx, principal, params, body }) => runStoredScenario(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/:id/runs/:runId', tag: 'scenarios', access: 'scenario.read', summary: 'A stored run with its input and report',
    params: RunParams, query: z.object({ view: ReportView.default('full') }), response: ScenarioRunOut,
    handler: ({ ctx, params, query }) => getScenarioRun(ctx, params.id, params.runId, query.view),
  }),
  defineRoute({
    method: 'POST', url: '/api/lmdi', tag: 'scenarios', access: 'scenario.read',
    summary: 'LMDI-I decomposition (additive and multiplicative) of the change in CO2 between years', body: LmdiBody, response: z.unknown(),
    handler: async ({ body }) => runLmdiFile(body.input),
  }),
];
