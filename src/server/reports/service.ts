import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { MissingReports, ReportCreate, ReportOut } from '../../contracts/reports.ts';
import { can, type Action } from '../../core/access/policy.ts';
import { appendAudit } from '../audit/log.ts';
import { conflict, forbidden, HttpError, notFound } from '../http/errors.ts';
import { TASK_SELECT, toTaskOut, type TaskRow } from '../plans/rows.ts';

const MAX_FILE = 5 * 1024 * 1024;
const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

interface Row {
  id: number; task_id: number; task_ref: string; task_title: string; plan_id: number; region_id: number; organisation_id: number; organisation_name: string;
  period: string; narrative: string; percent: number; status: ReportOut['status']; submitted_by: string | null; submitted_at: Date;
  reviewed_by: string | null; reviewed_at: Date | null; review_comment: string | null; files: ReportOut['files'] | null;
}
const SELECT = `select r.id, r.task_id, t.ref as task_ref, t.title as task_title, t.plan_id, p.region_id, r.organisation_id, o.name as organisation_name,
  r.period, r.narrative, r.percent, r.status, su.username as submitted_by, r.submitted_at, ru.username as reviewed_by, r.reviewed_at, r.review_comment,
  (select json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size, 'sha256', f.sha256) order by f.id)
     from report_files f where f.report_id = r.id) as files
  from task_reports r join plan_tasks t on t.id = r.task_id join plans p on p.id = t.plan_id join organisations o on o.id = r.organisation_id
  left join users su on su.id = r.submitted_by left join users ru on ru.id = r.reviewed_by`;

const toOut = (r: Row): ReportOut => ({
  id: r.id, taskId: r.task_id, taskRef: r.task_ref, taskTitle: r.task_title, planId: r.plan_id, organisationId: r.organisation_id,
  organisationName: r.organisation_name, period: r.period, narrative: r.narrative, percent: r.percent, status: r.status, submittedBy: r.submitted_by,
  submittedAt: r.submitted_at.toISOString(), reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at?.toISOString() ?? null, reviewComment: r.review_comment,
  files: r.files ?? [],
});

async function allowed(ctx: AppContext, q: Queryable, p: Principal, action: Action, regionId: number, organisationId: number) {
  return can(p.grants, action, { regionId, organisationId }, await ctx.regions.get(q));
}

export async function listReports(ctx: AppContext, p: Principal, f: { plan?: number; task?: number; period?: string; status?: string }): Promise<ReportOut[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  for (const [col, v] of [['t.plan_id', f.plan], ['r.task_id', f.task], ['r.period', f.period], ['r.status', f.status]] as const) {
    if (v === undefined) continue;
    args.push(v);
    where.push(`${col} = $${args.length}`);
  }
  const rows = (await ctx.db.query<Row>(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.period desc, t.id, r.id`, args)).rows;
  const out: ReportOut[] = [];
  for (const r of rows) if (await allowed(ctx, ctx.db, p, 'report.read', r.region_id, r.organisation_id)) out.push(toOut(r));
  return out;
}

export async function submitReport(ctx: AppContext, p: Principal, body: ReportCreate): Promise<ReportOut> {
  const files = body.files.map((f, i) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length > MAX_FILE) throw new HttpError(400, 'file_too_large', { field: `files.${i}`, zh: `files.${i}：文件“${f.name}”超过 5 MB`, en: `files.${i}: "${f.name}" is larger than 5 MB` });
    return { ...f, content, sha256: createHash('sha256').update(content).digest('hex') };
  });
  return ctx.db.tx(async (q) => {
    const task = (await q.query<TaskRow>(`${TASK_SELECT} where t.id = $1`, [body.taskId])).rows[0];
    if (!task) throw new HttpError(400, 'unknown_task', { field: 'taskId', zh: `taskId：任务 ${body.taskId} 不存在`, en: `taskId: task ${body.taskId} does not exist` });
    const named = [...new Set((task.units ?? []).map((u) => u.organisationId).filter((x): x is number => x !== null))];
    const own = p.grants.find((g) => g.role === 'department' && g.organisationId !== null && named.includes(g.organisationId))?.organisationId;
    const org = body.organisationId ?? own ?? null;
    if (org === null || !named.includes(org)) {
      throw new HttpError(403, 'not_named_on_task', {
        field: 'organisationId',
        zh: '只有任务的牵头或配合单位可以报送该任务的进展', en: 'Only the units named on the task report on it',
      });
    }
    if (!(await allowed(ctx, q, p, 'report.submit', task.region_id, org))) throw forbidden(task.title.slice(0, 40));
    const prev = (await q.query<Row>(`${SELECT} where r.task_id = $1 and r.organisation_id = $2 and r.period = $3`, [task.id, org, body.period])).rows[0];
    if (prev?.status === 'approved') throw conflict(`${body.period} 的报告已审核通过，不能修改`, `The ${body.period} report is already approved`, 'period');
    const id = (await q.query<{ id: number }>(
      `insert into task_reports (task_id, organisation_id, period, narrative, percent, status, submitted_by, submitted_at)
       values ($1, $2, $3, $4, $5, 'submitted', $6, $7)
       on conflict (task_id, organisation_id, period) do update set narrative = excluded.narrative, percent = excluded.percent, status = 'submitted',
         submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at, reviewed_by = null, reviewed_at = null, review_comment = null
       returning id`,
      [task.id, org, body.period, body.narrative, body.percent, p.userId, ctx.now()],
    )).rows[0].id;
    for (const f of files) {
      await q.query('insert into report_files (report_id, name, mime, size, sha256, content, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7)',
        [id, f.name, f.mime, f.content.length, f.sha256, f.content, ctx.now()]);
    }
    if (task.status === 'not_started' && body.percent > 0) await q.query("update plan_tasks set status = 'in_progress' where id = $1", [task.id]);
    const after = toOut((await q.query<Row>(`${SELECT} where r.id = $1`, [id])).rows[0]);
    await appendAudit(q, actor(p), { action: prev ? 'update' : 'create', entityType: 'task_report', entityId: id, regionId: task.region_id, organisationId: org, before: prev && toOut(prev), after }, ctx.now());
    return after;
  });
}

export async function reviewReport(ctx: AppContext, p: Principal, id: number, status: 'approved' | 'returned', comment?: string | null): Promise<ReportOut> {
  return ctx.db.tx(async (q) => {
    const before = (await q.query<Row>(`${SELECT} where r.id = $1`, [id])).rows[0];
    if (!before || !(await allowed(ctx, q, p, 'report.read', before.region_id, before.organisation_id))) throw notFound('报告', 'Report', 'id');
    if (!(await allowed(ctx, q, p, 'report.review', before.region_id, before.organisation_id))) throw forbidden();
    if (before.status !== 'submitted') throw conflict(`只能审核已报送的报告（当前：${before.status}）`, `Only submitted reports can be reviewed (this one is ${before.status})`, 'status');
    if (status === 'returned' && !comment?.trim()) throw new HttpError(400, 'invalid_input', { field: 'comment', zh: 'comment：退回须说明原因', en: 'comment: say why the report is returned' });
    await q.query('update task_reports set status = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5 where id = $1', [id, status, p.userId, ctx.now(), comment ?? null]);
    const after = toOut((await q.query<Row>(`${SELECT} where r.id = $1`, [id])).rows[0]);
    await appendAudit(q, actor(p), { action: status === 'approved' ? 'approve' : 'return', entityType: 'task_report', entityId: id, regionId: before.region_id, organisationId: before.organisation_id, before: toOut(before), after }, ctx.now());
    return after;
  });
}

export async function reportFile(ctx: AppContext, p: Principal, id: number, fileId: number) {
  const f = (await ctx.db.query<{ name: string; mime: string; content: Uint8Array; region_id: number; organisation_id: number }>(
    `select f.name, f.mime, f.content, pl.region_id, r.organisation_id from report_files f join task_reports r on r.id = f.report_id
       join plan_tasks t on t.id = r.task_id join plans pl on pl.id = t.plan_id where f.id = $1 and f.report_id = $2`, [fileId, id],
  )).rows[0];
  if (!f || !(await allowed(ctx, ctx.db, p, 'report.read', f.region_id, f.organisation_id))) throw notFound('附件', 'File', 'fileId');
  return f;
}

/** 清单化: for a plan and period, each named unit without a report on its task, and the tasks past their deadline. */
export async function missingReports(ctx: AppContext, p: Principal, planId: number, period: string): Promise<MissingReports> {
  const plan = (await ctx.db.query<{ region_id: number }>('select region_id from plans where id = $1', [planId])).rows[0];
  if (!plan) throw notFound('方案', 'Plan', 'id');
  if (!can(p.grants, 'report.review', { regionId: plan.region_id }, await ctx.regions.get())) throw forbidden();
  const year = Number(period.slice(0, 4));
  const tasks = (await ctx.db.query<TaskRow>(`${TASK_SELECT} where t.plan_id = $1 order by t.id`, [planId])).rows;
  const reported = new Set((await ctx.db.query<{ task_id: number; organisation_id: number }>(
    // A returned report still has to be redone: only submitted and approved ones count as reported.
    `select r.task_id, r.organisation_id from task_reports r join plan_tasks t on t.id = r.task_id
      where t.plan_id = $1 and r.period = $2 and r.status <> 'returned'`, [planId, period],
  )).rows.map((r) => `${r.task_id}/${r.organisation_id}`));
  const missing: MissingReports['missing'] = [];
  for (const t of tasks) {
    for (const u of t.units ?? []) {
      if (u.role !== 'lead' && u.role !== 'responsible') continue; // the lead (or each responsible unit) reports
      if (u.organisationId !== null && reported.has(`${t.id}/${u.organisationId}`)) continue;
      missing.push({ taskId: t.id, taskRef: t.ref, taskTitle: t.title, role: u.role, unitName: u.name, organisationId: u.organisationId });
    }
  }
  const overdue = tasks.map((t) => toTaskOut(t, year + 1)).filter((t) => t.overdue)
    .map((t) => ({ taskId: t.id, taskRef: t.ref, taskTitle: t.title, deadline: t.deadline!, status: t.status }));
  return { planId, period, missing, overdue };
}
