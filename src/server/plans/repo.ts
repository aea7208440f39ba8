import type { Queryable } from '../../db/index.ts';
import type { PlanDetail, PlanListItem } from '../../contracts/plans.ts';
import { TARGET_COLUMNS, TASK_SELECT, toTargetOut, toTaskOut, type TargetRow, type TaskRow } from './rows.ts';
import { progressOf } from './progress.ts';

interface PlanRow {
  id: number; region_id: number; region_code: string; region_name: string; title: string; doc_number: string | null; issuer: string | null;
  issued_on: string | null; period_start: number; period_end: number; status: PlanListItem['status']; parent_plan_id: number | null;
  reviewed: boolean; source_name: string | null; warnings: PlanDetail['warnings'];
  n_targets: number; n_main: number; n_actions: number; n_tasks: number;
}

const PLAN_SELECT = `select p.id, p.region_id, r.code as region_code, r.name as region_name, p.title, p.doc_number, p.issuer, p.issued_on,
  p.period_start, p.period_end, p.status, p.parent_plan_id, p.reviewed, p.source_name, p.warnings,
  (select count(*)::int from targets t where t.plan_id = p.id and t.review_status <> 'rejected') as n_targets,
  (select count(*)::int from targets t where t.plan_id = p.id and t.review_status <> 'rejected' and t.main) as n_main,
  (select count(*)::int from plan_actions a where a.plan_id = p.id) as n_actions,
  (select count(*)::int from plan_tasks k where k.plan_id = p.id) as n_tasks
  from plans p join regions r on r.id = p.region_id`;

const toListItem = (r: PlanRow): PlanListItem => ({
  id: r.id, regionCode: r.region_code, regionName: r.region_name, title: r.title, docNumber: r.doc_number, issuer: r.issuer, issuedOn: r.issued_on,
  periodStart: r.period_start, periodEnd: r.period_end, status: r.status, parentPlanId: r.parent_plan_id, reviewed: r.reviewed,
  counts: { targets: r.n_targets, mainTargets: r.n_main, actions: r.n_actions, tasks: r.n_tasks },
});

/** Plans of the given regions (all when null), newest first. */
export async function listPlans(q: Queryable, regionIds: number[] | null): Promise<PlanListItem[]> {
  const rows = (await q.query<PlanRow>(
    `${PLAN_SELECT} ${regionIds ? 'where p.region_id = any($1::int[])' : ''} order by r.code, p.issued_on desc nulls last, p.id`,
    regionIds ? [regionIds] : [],
  )).rows;
  return rows.map(toListItem);
}

export async function getPlanRow(q: Queryable, id: number): Promise<PlanRow | undefined> {
  return (await q.query<PlanRow>(`${PLAN_SELECT} where p.id = $1`, [id])).rows[0];
}

export async function planTargets(q: Queryable, planId: number): Promise<TargetRow[]> {
  return (await q.query<TargetRow>(`select ${TARGET_COLUMNS} from targets where plan_id = $1 order by id`, [planId])).rows;
}

export async function getPlanDetail(q: Queryable, id: number, currentYear: number): Promise<PlanDetail | undefined> {
  const p = await getPlanRow(q, id);
  if (!p) return undefined;
  const actions = (await q.query<{ id: number; ordinal: number; number: string; title: string; parent: string }>(
    'select id, ordinal, number, title, parent from plan_actions where plan_id = $1 order by ordinal', [id],
  )).rows;
  const tasks = (await q.query<TaskRow>(`${TASK_SELECT} where t.plan_id = $1 order by t.id`, [id])).rows.map((t) => toTaskOut(t, currentYear));
  const targetRows = await planTargets(q, id);
  const progress = await progressOf(q, p.region_id, targetRows, p.period_start - 1);
  return {
    ...toListItem(p),
    regionId: p.region_id,
    sourceName: p.source_name,
    warnings: p.warnings,
    actions: actions.map((a) => ({ ...a, taskIds: tasks.filter((t) => t.actionId === a.id).map((t) => t.id) })),
    tasks,
    targets: targetRows.map((t) => toTargetOut(t, progress.get(t.id) ?? null)),
  };
}
