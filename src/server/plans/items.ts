import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { TargetCreate, TargetOut, TargetPatch, TaskOut } from '../../contracts/plans.ts';
import { can } from '../../core/access/policy.ts';
import { appendAudit } from '../audit/log.ts';
import { forbidden, HttpError, notFound } from '../http/errors.ts';
import { TARGET_COLUMNS, TASK_SELECT, toTargetOut, toTaskOut, type TargetRow, type TaskRow } from './rows.ts';
import { getPlanRow } from './repo.ts';

const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

async function planOf(ctx: AppContext, q: Queryable, p: Principal, planId: number) {
  const plan = await getPlanRow(q, planId);
  if (!plan) throw notFound('方案', 'Plan', 'planId');
  if (!can(p.grants, 'plan.write', { regionId: plan.region_id }, await ctx.regions.get(q))) throw forbidden(plan.title);
  return plan;
}

async function checkIndicator(q: Queryable, code: string | null | undefined, field: string) {
  if (!code) return;
  if (!(await q.query('select 1 from indicators where code = $1', [code])).rows.length) {
    throw new HttpError(400, 'unknown_indicator', { field, zh: `${field}：指标 ${code} 不在指标库中`, en: `${field}: ${code} is not in the indicator catalogue` });
  }
}

const COLUMNS: Record<keyof TargetPatch, string> = {
  indicatorCode: 'indicator_code', year: 'year', value: 'value', unit: 'unit', qualifier: 'qualifier', strength: 'strength', kind: 'kind',
  baselineYear: 'baseline_year', baselineValue: 'baseline_value', binding: 'binding', reviewStatus: 'review_status',
};

export async function updateTarget(ctx: AppContext, p: Principal, id: number, patch: TargetPatch): Promise<TargetOut> {
  return ctx.db.tx(async (q) => {
    const before = (await q.query<TargetRow>(`select ${TARGET_COLUMNS} from targets where id = $1`, [id])).rows[0];
    if (!before) throw notFound('目标', 'Target', 'id');
    const plan = await planOf(ctx, q, p, before.plan_id);
    await checkIndicator(q, patch.indicatorCode, 'indicatorCode');
    const year = patch.year ?? before.year;
    const baseYear = patch.baselineYear === undefined ? before.baseline_year : patch.baselineYear;
    if (year !== null && baseYear !== null && baseYear >= year) {
      throw new HttpError(400, 'invalid_input', { field: 'baselineYear', zh: 'baselineYear：基准年须早于目标年份', en: 'baselineYear: the base year must be before the target year' });
    }
    // An edited value without its own review decision counts as edited by a person.
    const withStatus = { ...patch, reviewStatus: patch.reviewStatus ?? (Object.keys(patch).length ? 'edited' : before.review_status) };
    const set = (Object.keys(withStatus) as Array<keyof TargetPatch>).filter((k) => withStatus[k] !== undefined);
    await q.query(
      `update targets set updated_at = $2${set.map((k, i) => `, ${COLUMNS[k]} = $${i + 3}`).join('')} where id = $1`,
      [id, ctx.now(), ...set.map((k) => withStatus[k])],
    );
    const after = (await q.query<TargetRow>(`select ${TARGET_COLUMNS} from targets where id = $1`, [id])).rows[0];
    await appendAudit(q, actor(p), { action: 'update', entityType: 'target', entityId: id, regionId: plan.region_id, before: toTargetOut(before), after: toTargetOut(after) }, ctx.now());
    return toTargetOut(after);
  });
}

export async function createTarget(ctx: AppContext, p: Principal, body: TargetCreate): Promise<TargetOut> {
  return ctx.db.tx(async (q) => {
    const plan = await planOf(ctx, q, p, body.planId);
    await checkIndicator(q, body.indicatorCode, 'indicatorCode');
    const n = (await q.query<{ n: number }>("select count(*)::int as n from targets where plan_id = $1 and ref like 'M%'", [plan.id])).rows[0].n;
    const row = (await q.query<TargetRow>(
      `insert into targets (plan_id, ref, indicator_code, indicator_name, year, value, unit, qualifier, strength, kind, baseline_year, baseline_value,
         binding, quote, review_status, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'accepted', $15) returning ${TARGET_COLUMNS}`,
      [plan.id, `M${n + 1}`, body.indicatorCode ?? null, body.indicatorName, body.year, body.value, body.unit, body.qualifier, body.strength, body.kind,
        body.baselineYear ?? null, body.baselineValue ?? null, body.binding, body.quote, ctx.now()],
    )).rows[0];
    await appendAudit(q, actor(p), { action: 'create', entityType: 'target', entityId: row.id, regionId: plan.region_id, after: toTargetOut(row) }, ctx.now());
    return toTargetOut(row);
  });
}

/** A department may update a task it is named on; offices and districts any task of their region's plans. */
export async function updateTaskStatus(ctx: AppContext, p: Principal, id: number, status: TaskOut['status']): Promise<TaskOut> {
  return ctx.db.tx(async (q) => {
    const before = (await q.query<TaskRow>(`${TASK_SELECT} where t.id = $1`, [id])).rows[0];
    if (!before) throw notFound('任务', 'Task', 'id');
    const tree = await ctx.regions.get(q);
    const orgs = [...new Set((before.units ?? []).map((u) => u.organisationId).filter((x): x is number => x !== null))];
    const targets = [{ regionId: before.region_id }, ...orgs.map((o) => ({ regionId: before.region_id, organisationId: o }))];
    if (!targets.some((t) => can(p.grants, 'task.update', t, tree))) throw forbidden(before.title.slice(0, 40));
    await q.query('update plan_tasks set status = $2, updated_at = $3 where id = $1', [id, status, ctx.now()]);
    const year = ctx.now().getUTCFullYear();
    const after = { ...toTaskOut(before, year), status, overdue: before.deadline !== null && before.deadline < year && status !== 'completed' };
    await appendAudit(q, actor(p), { action: 'update', entityType: 'task', entityId: id, regionId: before.region_id, before: { status: before.status }, after: { status } }, ctx.now());
    return after;
  });
}
