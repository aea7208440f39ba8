import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { LmdiBody, PreviewBody, RunOptions, ScenarioCopy, ScenarioCreate, ScenarioFileOut, ScenarioPatch, ScenarioRunOut } from '../../contracts/scenarios.ts';
import { runLmdiFile, runScenarioFile } from '../../core/scenarios/index.ts';
import { getScenarioFile, getScenarioRun, listScenarioFiles, runStoredScenario, saveScenarioFile, updateScenarioFile } from './service.ts';

const SAMPLES = new URL('../../core/scenarios/samples/', import.meta.url);
const sample = (name: string) => JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8')) as unknown;

export const scenarioRoutes = [
  defineRoute({
    method: 'GET', url: '/api/scenarios', tag: 'scenarios', access: 'scenario.read', summary: 'Scenario files (of a region)',
    query: z.object({ region: z.string().max(32).optional() }), response: z.array(ScenarioFileOut),
    handler: ({ ctx, query }) => listScenarioFiles(ctx.db, query.region),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/samples/:name', tag: 'scenarios', access: 'scenario.read',
    summary: 'The documented sample inputs (demo-region: scenarios; demo-lmdi: decomposition)',
    params: z.object({ name: z.enum(['demo-region', 'demo-lmdi']) }), response: z.unknown(),
    handler: async ({ params }) => sample(`${params.name}.json`),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/:id', tag: 'scenarios', access: 'scenario.read', summary: 'A scenario file with its runs',
    params: IdParams, response: ScenarioFileOut, handler: ({ ctx, params }) => getScenarioFile(ctx.db, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios', tag: 'scenarios', access: 'scenario.write', status: 201, summary: 'Store a scenario file for a region',
    body: ScenarioCreate, response: ScenarioFileOut,
    handler: ({ ctx, principal, body }) => saveScenarioFile(ctx, principal, body.regionCode, body.name, body.input),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/scenarios/:id', tag: 'scenarios', access: 'scenario.write', summary: 'Edit a scenario file (levers, drivers, targets)',
    params: IdParams, body: ScenarioPatch, response: ScenarioFileOut,
    handler: ({ ctx, principal, params, body }) => updateScenarioFile(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/:id/copy', tag: 'scenarios', access: 'scenario.write', status: 201, summary: 'Copy a scenario file to edit it',
    params: IdParams, body: ScenarioCopy, response: ScenarioFileOut,
    handler: async ({ ctx, principal, params, body }) => {
      const src = await getScenarioFile(ctx.db, params.id);
      return saveScenarioFile(ctx, principal, body.regionCode ?? src.regionCode, body.name, src.input);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/preview', tag: 'scenarios', access: 'scenario.read',
    summary: 'Run a scenario file without storing it (live preview while editing levers)', body: PreviewBody, response: z.unknown(),
    handler: async ({ body }) => runScenarioFile(body.input, { scenarios: body.scenarios, draws: body.draws, seed: body.seed }),
  }),
  defineRoute({
    method: 'POST', url: '/api/scenarios/:id/runs', tag: 'scenarios', access: 'scenario.write', status: 201,
    summary: 'Run a stored file (Monte Carlo when draws or seed is given) and keep the run with its exact input', params: IdParams, body: RunOptions,
    response: ScenarioRunOut, handler: ({ ctx, principal, params, body }) => runStoredScenario(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/scenarios/:id/runs/:runId', tag: 'scenarios', access: 'scenario.read', summary: 'A stored run',
    params: z.object({ id: z.coerce.number().int().positive(), runId: z.coerce.number().int().positive() }), response: ScenarioRunOut,
    handler: ({ ctx, params }) => getScenarioRun(ctx.db, params.id, params.runId),
  }),
  defineRoute({
    method: 'POST', url: '/api/lmdi', tag: 'scenarios', access: 'scenario.read',
    summary: 'LMDI-I decomposition (additive and multiplicative) of the change in CO2 between years', body: LmdiBody, response: z.unknown(),
    handler: async ({ body }) => runLmdiFile(body.input),
  }),
];
