import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { PlanDetail, PlanPatch } from '../../contracts/plans.ts';
import { can } from '../../core/access/policy.ts';
import { appendAudit } from '../audit/log.ts';
import { forbidden, HttpError, notFound } from '../http/errors.ts';
import { getPlanDetail, getPlanRow } from './repo.ts';

const COLUMNS: Record<keyof PlanPatch, string> = {
  title: 'title', docNumber: 'doc_number', issuer: 'issuer', issuedOn: 'issued_on', periodStart: 'period_start', periodEnd: 'period_end',
  status: 'status', parentPlanId: 'parent_plan_id', reviewed: 'reviewed',
};

/** Changes a plan's metadata (e.g. draft → issued with its 文号 and date), checked against the plan's region. */
export async function updatePlan(ctx: AppContext, p: Principal, id: number, patch: PlanPatch): Promise<PlanDetail> {
  await ctx.db.tx(async (q) => {
    const before = await getPlanRow(q, id);
    if (!before) throw notFound('方案', 'Plan', 'id');
    if (!can(p.grants, 'plan.write', { regionId: before.region_id }, await ctx.regions.get(q))) throw forbidden(before.title);
    const start = patch.periodStart ?? before.period_start;
    const end = patch.periodEnd ?? before.period_end;
    if (end < start) throw new HttpError(400, 'invalid_input', { field: 'periodEnd', zh: 'periodEnd：规划期末须不早于期初', en: 'periodEnd: the period must not end before it starts' });
    if (patch.parentPlanId != null) {
      if (patch.parentPlanId === id) throw new HttpError(400, 'invalid_input', { field: 'parentPlanId', zh: 'parentPlanId：方案不能以自己为上级', en: 'parentPlanId: a plan cannot be its own parent' });
      if (!(await getPlanRow(q, patch.parentPlanId))) throw new HttpError(400, 'unknown_plan', { field: 'parentPlanId', zh: `parentPlanId：上级方案 ${patch.parentPlanId} 不存在`, en: `parentPlanId: plan ${patch.parentPlanId} does not exist` });
    }
    const keys = (Object.keys(patch) as Array<keyof PlanPatch>).filter((k) => patch[k] !== undefined);
    await q.query(`update plans set updated_at = $2${keys.map((k, i) => `, ${COLUMNS[k]} = $${i + 3}`).join('')} where id = $1`, [id, ctx.now(), ...keys.map((k) => patch[k])]);
    const after = (await getPlanRow(q, id))!;
    const pick = (r: typeof before) => ({ title: r.title, docNumber: r.doc_number, issuer: r.issuer, issuedOn: r.issued_on, periodStart: r.period_start, periodEnd: r.period_end, status: r.status, parentPlanId: r.parent_plan_id, reviewed: r.reviewed });
    await appendAudit(q, { userId: p.userId, username: p.username }, { action: 'update', entityType: 'plan', entityId: id, regionId: before.region_id, before: pick(before), after: pick(after) }, ctx.now());
  });
  return (await getPlanDetail(ctx.db, id, ctx.now().getUTCFullYear()))!;
}
