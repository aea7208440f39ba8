import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { ScenarioFileOut, ScenarioRunOut } from '../../contracts/scenarios.ts';
import { parseScenarioFile, runScenarioFile } from '../../core/scenarios/index.ts';
import { appendAudit } from '../audit/log.ts';
import { assertCan } from '../access/guard.ts';
import { conflict, notFound } from '../http/errors.ts';
import { requireRegion } from '../regions/repo.ts';

const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

interface FileRow { id: number; region_id: number; region_code: string; region_name: string; name: string; input: unknown; created_by: string | null; updated_at: Date }
const FILE_SELECT = `select f.id, f.region_id, r.code as region_code, r.name as region_name, f.name, f.input, u.username as created_by, f.updated_at
  from scenario_files f join regions r on r.id = f.region_id left join users u on u.id = f.created_by`;

async function runsOf(q: Queryable, fileId: number) {
  return (await q.query<{ id: number; draws: number; seed: number; created_at: Date; created_by: string | null }>(
    `select s.id, s.draws, s.seed, s.created_at, u.username as created_by from scenario_runs s left join users u on u.id = s.created_by
      where s.file_id = $1 order by s.id desc limit 50`, [fileId],
  )).rows.map((r) => ({ id: r.id, draws: r.draws, seed: r.seed, createdAt: r.created_at.toISOString(), createdBy: r.created_by }));
}

async function fileOut(q: Queryable, row: FileRow): Promise<ScenarioFileOut> {
  return { id: row.id, regionCode: row.region_code, regionName: row.region_name, name: row.name, input: row.input, createdBy: row.created_by,
    updatedAt: row.updated_at.toISOString(), runs: await runsOf(q, row.id) };
}

async function loadFile(q: Queryable, id: number): Promise<FileRow> {
  const row = (await q.query<FileRow>(`${FILE_SELECT} where f.id = $1`, [id])).rows[0];
  if (!row) throw notFound('情景文件', 'Scenario file', 'id');
  return row;
}

export async function listScenarioFiles(q: Queryable, regionCode?: string): Promise<ScenarioFileOut[]> {
  const region = regionCode ? await requireRegion(q, regionCode, 'region') : null;
  const rows = (await q.query<FileRow>(`${FILE_SELECT} ${region ? 'where f.region_id = $1' : ''} order by r.code, f.name`, region ? [region.id] : [])).rows;
  return Promise.all(rows.map((r) => fileOut(q, r)));
}

export const getScenarioFile = async (q: Queryable, id: number) => fileOut(q, await loadFile(q, id));

/** Stores a scenario file after the core has validated it (every problem named, in both languages). */
export async function saveScenarioFile(ctx: AppContext, p: Principal, regionCode: string, name: string, input: unknown, id?: number): Promise<ScenarioFileOut> {
  parseScenarioFile(input);
  return ctx.db.tx(async (q) => {
    const region = await requireRegion(q, regionCode);
    await assertCan(ctx, q, p, 'scenario.write', { regionId: region.id }, region.name);
    const clash = (await q.query<{ id: number }>('select id from scenario_files where region_id = $1 and name = $2', [region.id, name])).rows[0];
    if (clash && clash.id !== id) throw conflict(`${region.name}已有名为“${name}”的情景文件`, `${region.name} already has a scenario file named "${name}"`, 'name');
    const before = id ? await loadFile(q, id) : null;
    const now = ctx.now();
    const saved = id
      ? (await q.query<{ id: number }>('update scenario_files set name = $2, input = $3::jsonb, updated_at = $4 where id = $1 returning id', [id, name, JSON.stringify(input), now])).rows[0].id
      : (await q.query<{ id: number }>(
        'insert into scenario_files (region_id, name, input, created_by, created_at, updated_at) values ($1, $2, $3::jsonb, $4, $5, $5) returning id',
        [region.id, name, JSON.stringify(input), p.userId, now],
      )).rows[0].id;
    await appendAudit(q, actor(p), {
      action: id ? 'update' : 'create', entityType: 'scenario_file', entityId: saved, regionId: region.id,
      before: before && { name: before.name, input: before.input }, after: { name, input },
    }, now);
    return fileOut(q, await loadFile(q, saved));
  });
}

export async function updateScenarioFile(ctx: AppContext, p: Principal, id: number, patch: { name?: string; input?: Record<string, unknown> }) {
  const row = await loadFile(ctx.db, id);
  return saveScenarioFile(ctx, p, row.region_code, patch.name ?? row.name, patch.input ?? row.input, id);
}

/** Runs a stored file and keeps the run with the exact input it used. */
export async function runStoredScenario(ctx: AppContext, p: Principal, id: number, opts: { scenarios?: string[]; draws?: number; seed?: number }): Promise<ScenarioRunOut> {
  const row = await loadFile(ctx.db, id);
  await assertCan(ctx, ctx.db, p, 'scenario.write', { regionId: row.region_id }, row.region_name);
  const report = runScenarioFile(row.input, opts);
  const mc = report.scenarios.find((s) => s.monteCarlo)?.monteCarlo;
  return ctx.db.tx(async (q) => {
    const now = ctx.now();
    const runId = (await q.query<{ id: number }>(
      'insert into scenario_runs (file_id, draws, seed, input, report, created_by, created_at) values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) returning id',
      [id, mc?.draws ?? 0, mc?.seed ?? 0, JSON.stringify(row.input), JSON.stringify(report), p.userId, now],
    )).rows[0].id;
    await appendAudit(q, actor(p), { action: 'run', entityType: 'scenario_file', entityId: id, regionId: row.region_id, after: { runId, draws: mc?.draws ?? 0, seed: mc?.seed ?? 0 } }, now);
    return getScenarioRun(q, id, runId);
  });
}

export async function getScenarioRun(q: Queryable, fileId: number, runId: number): Promise<ScenarioRunOut> {
  const r = (await q.query<{ id: number; file_id: number; draws: number; seed: number; input: unknown; report: unknown; created_at: Date; created_by: string | null }>(
    `select s.id, s.file_id, s.draws, s.seed, s.input, s.report, s.created_at, u.username as created_by
       from scenario_runs s left join users u on u.id = s.created_by where s.id = $1 and s.file_id = $2`, [runId, fileId],
  )).rows[0];
  if (!r) throw notFound('情景运行', 'Scenario run', 'runId');
  return { id: r.id, fileId: r.file_id, draws: r.draws, seed: Number(r.seed), createdAt: r.created_at.toISOString(), createdBy: r.created_by, input: r.input, report: r.report };
}
