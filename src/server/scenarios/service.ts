import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { RunStatus, ScenarioFileOut, ScenarioRunOut } from '../../contracts/scenarios.ts';
import { chartView, parseScenarioFile, planRun, runScenarioFile, type ScenarioRunReport } from '../../core/scenarios/index.ts';
import { appendAudit } from '../audit/log.ts';
import { assertCan } from '../access/guard.ts';
import { conflict, notFound } from '../http/errors.ts';
import { requireRegion } from '../regions/repo.ts';
import { INTERRUPTED, jobsOf, STALE_MS } from './jobs.ts';

const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

interface FileRow { id: number; region_id: number; region_code: string; region_name: string; name: string; input: unknown; created_by: string | null; updated_at: Date }
const FILE_SELECT = `select f.id, f.region_id, r.code as region_code, r.name as region_name, f.name, f.input, u.username as created_by, f.updated_at
  from scenario_files f join regions r on r.id = f.region_id left join users u on u.id = f.created_by`;

interface RunRow {
  id: number; file_id: number; status: RunStatus['status']; percent: number; draws: number; seed: string | number; options: { scenarios?: string[] };
  error: RunStatus['error']; created_at: Date; started_at: Date | null; finished_at: Date | null; heartbeat_at: Date | null; created_by: string | null;
}
const RUN_SELECT = `select s.id, s.file_id, s.status, s.percent, s.draws, s.seed, s.options, s.error, s.created_at, s.started_at, s.finished_at,
  s.heartbeat_at, u.username as created_by from scenario_runs s left join users u on u.id = s.created_by`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A run as the API shows it. A queued or running run whose heartbeat stopped (its process is gone) is
 * written back as failed, interrupted; a run this process holds shows its latest progress.
 */
async function runStatus(ctx: AppContext, q: Queryable, r: RunRow): Promise<RunStatus> {
  const active = r.status === 'queued' || r.status === 'running';
  const mine = jobsOf(ctx).percent(r.id);
  if (active && mine === undefined && (!r.heartbeat_at || ctx.now().getTime() - r.heartbeat_at.getTime() > STALE_MS)) {
    const done = await q.query(`update scenario_runs set status = 'failed', error = $2::jsonb, finished_at = $3 where id = $1 and status in ('queued', 'running')`,
      [r.id, JSON.stringify(INTERRUPTED), ctx.now()]);
    if (done.rowCount) Object.assign(r, { status: 'failed', error: INTERRUPTED, finished_at: ctx.now() });
  }
  return {
    id: r.id, fileId: r.file_id, status: r.status, percent: r.status === 'running' && mine !== undefined ? Math.max(mine, r.percent) : r.percent,
    draws: r.draws, seed: Number(r.seed), ...(r.options.scenarios ? { scenarios: r.options.scenarios } : {}),
    error: r.error, createdAt: r.created_at.toISOString(), startedAt: iso(r.started_at), finishedAt: iso(r.finished_at), createdBy: r.created_by,
  };
}

async function runsOf(ctx: AppContext, q: Queryable, fileId: number): Promise<ScenarioFileOut['runs']> {
  const rows = (await q.query<RunRow>(`${RUN_SELECT} where s.file_id = $1 order by s.id desc limit 50`, [fileId])).rows;
  const out: ScenarioFileOut['runs'] = [];
  for (const r of rows) {
    const s = await runStatus(ctx, q, r);
    out.push({ id: s.id, status: s.status, percent: s.percent, draws: s.draws, seed: s.seed, createdAt: s.createdAt, createdBy: s.createdBy });
  }
  return out;
}

async function fileOut(ctx: AppContext, q: Queryable, row: FileRow): Promise<ScenarioFileOut> {
  return { id: row.id, regionCode: row.region_code, regionName: row.region_name, name: row.name, input: row.input, createdBy: row.created_by,
    updatedAt: row.updated_at.toISOString(), runs: await runsOf(ctx, q, row.id) };
}

async function loadFile(q: Queryable, id: number, lock = false): Promise<FileRow> {
  const row = (await q.query<FileRow>(`${FILE_SELECT} where f.id = $1${lock ? ' for update of f' : ''}`, [id])).rows[0];
  if (!row) throw notFound('情景文件', 'Scenario file', 'id');
  return row;
}

export async function listScenarioFiles(ctx: AppContext, regionCode?: string): Promise<ScenarioFileOut[]> {
  jobsOf(ctx).previews.warm(); // the scenarios page lists files, then previews the one it opens
  const q = ctx.db;
  const region = regionCode ? await requireRegion(q, regionCode, 'region') : null;
  const rows = (await q.query<FileRow>(`${FILE_SELECT} ${region ? 'where f.region_id = $1' : ''} order by r.code, f.name`, region ? [region.id] : [])).rows;
  const out: ScenarioFileOut[] = [];
  for (const r of rows) out.push(await fileOut(ctx, q, r));
  return out;
}

export const getScenarioFile = async (ctx: AppContext, id: number) => fileOut(ctx, ctx.db, await loadFile(ctx.db, id));

/**
 * Stores a scenario file after the core has validated it (every problem named, in both languages). An edit
 * naming the version it started from (`expected`, the file's updatedAt) is refused when the file changed since.
 */
export async function saveScenarioFile(ctx: AppContext, p: Principal, regionCode: string, name: string, input: unknown, id?: number, expected?: string): Promise<ScenarioFileOut> {
  parseScenarioFile(input);
  return ctx.db.tx(async (q) => {
    const region = await requireRegion(q, regionCode);
    await assertCan(ctx, q, p, 'scenario.write', { regionId: region.id }, region.name);
    const before = id ? await loadFile(q, id, true) : null;
    if (before && expected !== undefined && new Date(expected).getTime() !== before.updated_at.getTime()) {
      const by = (await q.query<{ actor_name: string }>(
        `select actor_name from audit_log where entity_type = 'scenario_file' and entity_id = $1 and action in ('create', 'update') order by seq desc limit 1`, [String(id)],
      )).rows[0]?.actor_name ?? '—';
      const at = before.updated_at.toISOString();
      throw conflict(`情景文件“${before.name}”已在你打开后被 ${by} 修改（${at}），请重新载入后再改`,
        `the scenario file "${before.name}" was changed by ${by} at ${at} after you opened it; reload it and edit again`, 'updatedAt');
    }
    const clash = (await q.query<{ id: number }>('select id from scenario_files where region_id = $1 and name = $2', [region.id, name])).rows[0];
    if (clash && clash.id !== id) throw conflict(`${region.name}已有名为“${name}”的情景文件`, `${region.name} already has a scenario file named "${name}"`, 'name');
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
    return fileOut(ctx, q, await loadFile(q, saved));
  });
}

export async function updateScenarioFile(ctx: AppContext, p: Principal, id: number, patch: { name?: string; input?: Record<string, unknown>; updatedAt?: string }) {
  const row = await loadFile(ctx.db, id);
  return saveScenarioFile(ctx, p, row.region_code, patch.name ?? row.name, patch.input ?? row.input, id, patch.updatedAt);
}

/** Deletes a file and its runs (the audit entry keeps the file); refused while one of its runs is under way. */
export async function deleteScenarioFile(ctx: AppContext, p: Principal, id: number): Promise<{ id: number; deleted: true; runs: number }> {
  return ctx.db.tx(async (q) => {
    const row = await loadFile(q, id, true);
    await assertCan(ctx, q, p, 'scenario.write', { regionId: row.region_id }, row.region_name);
    const runs = (await q.query<RunRow>(`${RUN_SELECT} where s.file_id = $1`, [id])).rows;
    for (const r of runs) {
      const s = await runStatus(ctx, q, r);
      if (s.status === 'queued' || s.status === 'running') {
        throw conflict(`运行 #${r.id} 尚未结束，结束后才能删除情景文件“${row.name}”`, `run #${r.id} is still under way; delete the file "${row.name}" after it ends`, 'id');
      }
    }
    await q.query('delete from scenario_files where id = $1', [id]);
    const now = ctx.now();
    await appendAudit(q, actor(p), {
      action: 'delete', entityType: 'scenario_file', entityId: id, regionId: row.region_id,
      before: { name: row.name, input: row.input, runs: runs.map((r) => r.id) },
    }, now);
    return { id, deleted: true as const, runs: runs.length };
  });
}

/**
 * Queues a run of a stored file with the exact input it will use (checked first: a bad option is a 400,
 * not a failed run) and hands it to a worker thread. Answers at once with the queued run to poll.
 */
export async function runStoredScenario(ctx: AppContext, p: Principal, id: number, opts: { scenarios?: string[]; draws?: number; seed?: number }): Promise<RunStatus> {
  const row = await loadFile(ctx.db, id);
  await assertCan(ctx, ctx.db, p, 'scenario.write', { regionId: row.region_id }, row.region_name);
  const plan = planRun(row.input, opts);
  const runId = await ctx.db.tx(async (q) => {
    const now = ctx.now();
    const options = { ...(opts.scenarios ? { scenarios: plan.ids } : {}), draws: plan.draws, seed: plan.seed };
    const rid = (await q.query<{ id: number }>(
      `insert into scenario_runs (file_id, draws, seed, input, report, options, status, percent, created_by, created_at, heartbeat_at)
       values ($1, $2, $3, $4::jsonb, null, $5::jsonb, 'queued', 0, $6, $7, $7) returning id`,
      [id, plan.draws, plan.draws > 0 ? plan.seed : 0, JSON.stringify(row.input), JSON.stringify(options), p.userId, now],
    )).rows[0].id;
    await appendAudit(q, actor(p), { action: 'run', entityType: 'scenario_file', entityId: id, regionId: row.region_id, after: { runId: rid, ...options } }, now);
    return rid;
  });
  void jobsOf(ctx).start(runId, {
    input: row.input,
    options: { scenarios: opts.scenarios ? plan.ids : undefined, draws: plan.draws, seed: plan.draws > 0 ? plan.seed : undefined },
    view: 'full',
  });
  return getRunStatus(ctx, runId);
}

async function loadRun(q: Queryable, runId: number, fileId?: number): Promise<RunRow> {
  const r = (await q.query<RunRow>(`${RUN_SELECT} where s.id = $1${fileId !== undefined ? ' and s.file_id = $2' : ''}`, fileId !== undefined ? [runId, fileId] : [runId])).rows[0];
  if (!r) throw notFound('情景运行', 'Scenario run', 'runId');
  return r;
}

export async function getRunStatus(ctx: AppContext, runId: number): Promise<RunStatus> {
  return runStatus(ctx, ctx.db, await loadRun(ctx.db, runId));
}

export async function getScenarioRun(ctx: AppContext, fileId: number, runId: number, view: 'full' | 'chart' = 'full'): Promise<ScenarioRunOut> {
  const status = await runStatus(ctx, ctx.db, await loadRun(ctx.db, runId, fileId));
  const r = (await ctx.db.query<{ input: unknown; report: ScenarioRunReport | null }>('select input, report from scenario_runs where id = $1', [runId])).rows[0];
  return { ...status, input: r.input, report: r.report && view === 'chart' ? chartView(r.report) : r.report };
}

/**
 * Live preview (nothing stored): checked here, so a bad file is a 400 at once; Monte Carlo goes to the
 * preview worker, a deterministic run (a few milliseconds) is computed in place.
 */
export async function previewScenario(ctx: AppContext, body: { input: unknown; scenarios?: string[]; draws?: number; seed?: number; view: 'full' | 'chart' }) {
  const opts = { scenarios: body.scenarios, draws: body.draws, seed: body.seed };
  const plan = planRun(body.input, opts);
  if (plan.draws === 0) {
    const report = runScenarioFile(body.input, opts);
    return body.view === 'chart' ? chartView(report) : report;
  }
  return jobsOf(ctx).previews.run({ input: body.input, options: opts, view: body.view });
}
