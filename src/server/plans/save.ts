import type { Queryable } from '../../db/index.ts';
import type { PlanImport } from '../../contracts/plans.ts';
import type { RegionTree } from '../../core/regions/tree.ts';
import { matchUnit, type OrgCandidate } from '../../core/plans/unit-match.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { HttpError } from '../http/errors.ts';

interface OrgRow extends OrgCandidate { region_id: number }

/**
 * Organisations a plan's units may be, nearest first: the plan's own region; the regions a cross-region
 * area spans; the regions below; the regions above. A unit is matched in the first tier that has it.
 */
async function candidateTiers(q: Queryable, tree: RegionTree, regionId: number): Promise<OrgCandidate[][]> {
  const orgs = (await q.query<OrgRow>(
    `select o.id, o.name, o.short_name as "shortName", r.name as "regionName", o.region_id
       from organisations o join regions r on r.id = o.region_id where o.kind in ('office', 'department')`,
  )).rows;
  const members = (await q.query<{ member_id: number }>('select member_id from region_members where region_id = $1', [regionId])).rows.map((r) => r.member_id);
  const above = tree.ancestors(regionId).slice(1);
  return [
    orgs.filter((o) => o.region_id === regionId),
    orgs.filter((o) => members.includes(o.region_id)),
    orgs.filter((o) => o.region_id !== regionId && tree.within(o.region_id, regionId)),
    ...above.map((id) => orgs.filter((o) => o.region_id === id)),
  ];
}

function resolveUnit(name: string, tiers: OrgCandidate[][]): number | null {
  for (const tier of tiers) {
    const id = matchUnit(name, tier);
    if (id !== null) return id;
  }
  return null;
}

/** Writes a reviewed draft as a plan with its actions, tasks (units linked to organisations) and targets. */
export async function savePlanImport(
  q: Queryable, actor: Actor, tree: RegionTree, regionId: number, input: PlanImport,
  extra: { reviewed: boolean; warnings: unknown[]; now: Date },
): Promise<number> {
  if (input.parentPlanId) {
    const parent = (await q.query<{ region_id: number }>('select region_id from plans where id = $1', [input.parentPlanId])).rows[0];
    if (!parent) throw new HttpError(400, 'unknown_plan', { field: 'parentPlanId', zh: `parentPlanId：上级方案 ${input.parentPlanId} 不存在`, en: `parentPlanId: plan ${input.parentPlanId} does not exist` });
  }
  const planId = (await q.query<{ id: number }>(
    `insert into plans (region_id, title, doc_number, issuer, issued_on, period_start, period_end, status, parent_plan_id, source_name, source_text,
       warnings, reviewed, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $14) returning id`,
    [regionId, input.title, input.docNumber ?? null, input.issuer ?? null, input.issuedOn ?? null, input.periodStart, input.periodEnd, input.status,
      input.parentPlanId ?? null, input.sourceName ?? null, input.sourceText, JSON.stringify(extra.warnings), extra.reviewed, extra.now],
  )).rows[0].id;

  const actionIds: number[] = [];
  for (const [i, a] of input.actions.entries()) {
    actionIds.push((await q.query<{ id: number }>(
      'insert into plan_actions (plan_id, ordinal, number, title, parent) values ($1, $2, $3, $4, $5) returning id',
      [planId, i, a.number, a.title, a.parent],
    )).rows[0].id);
  }
  const tiers = await candidateTiers(q, tree, regionId);
  const taskIds = new Map<string, number>();
  for (const [i, t] of input.tasks.entries()) {
    if (taskIds.has(t.ref)) throw new HttpError(400, 'duplicate_ref', { field: `tasks.${i}.ref`, zh: `tasks.${i}.ref：任务编号 ${t.ref} 重复`, en: `tasks.${i}.ref: task ref ${t.ref} is repeated` });
    if (t.actionIndex !== null && !(t.actionIndex < actionIds.length)) {
      throw new HttpError(400, 'unknown_action', { field: `tasks.${i}.actionIndex`, zh: `tasks.${i}.actionIndex：行动 ${t.actionIndex} 不存在`, en: `tasks.${i}.actionIndex: no action ${t.actionIndex}` });
    }
    const id = (await q.query<{ id: number }>(
      `insert into plan_tasks (plan_id, action_id, ref, number, title, deadline, damaged, span_start, span_end, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [planId, t.actionIndex === null ? null : actionIds[t.actionIndex], t.ref, t.number ?? null, t.title, t.deadline ?? null, t.damaged,
        t.span?.start ?? null, t.span?.end ?? null, extra.now],
    )).rows[0].id;
    taskIds.set(t.ref, id);
    for (const role of ['lead', 'cooperating', 'supporting', 'responsible'] as const) {
      for (const [ordinal, name] of [...new Set(t[role])].entries()) {
        await q.query('insert into task_units (task_id, role, ordinal, unit_name, organisation_id) values ($1, $2, $3, $4, $5)',
          [id, role, ordinal, name, resolveUnit(name, tiers)]);
      }
    }
  }
  const known = new Set((await q.query<{ code: string }>('select code from indicators')).rows.map((r) => r.code));
  const refs = new Set<string>();
  for (const [i, t] of input.targets.entries()) {
    if (refs.has(t.ref)) throw new HttpError(400, 'duplicate_ref', { field: `targets.${i}.ref`, zh: `targets.${i}.ref：目标编号 ${t.ref} 重复`, en: `targets.${i}.ref: target ref ${t.ref} is repeated` });
    refs.add(t.ref);
    if (t.indicatorCode && !known.has(t.indicatorCode)) {
      throw new HttpError(400, 'unknown_indicator', { field: `targets.${i}.indicatorCode`, zh: `targets.${i}.indicatorCode：指标 ${t.indicatorCode} 不在指标库中`, en: `targets.${i}.indicatorCode: ${t.indicatorCode} is not in the catalogue` });
    }
    await q.query(
      `insert into targets (plan_id, task_id, ref, indicator_code, indicator_name, phrase, year, value, value_max, unit, qualifier, strength, kind, annual,
         baseline_year, baseline_value, deferred, main, binding, quote, quote_original, span_start, span_end, section, review_status, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
      [planId, t.taskRef ? taskIds.get(t.taskRef) ?? null : null, t.ref, t.indicatorCode ?? null, t.indicatorName, t.phrase, t.year, t.value,
        t.valueMax ?? null, t.unit, t.qualifier, t.strength, t.kind, t.annual, t.baselineYear ?? null, t.baselineValue ?? null, t.deferred, t.main,
        t.binding, t.quote, t.quoteOriginal, t.span?.start ?? null, t.span?.end ?? null, t.section, t.reviewStatus, extra.now],
    );
  }
  const counts = { actions: input.actions.length, tasks: input.tasks.length, targets: input.targets.length };
  await appendAudit(q, actor, {
    action: 'create', entityType: 'plan', entityId: planId, regionId,
    after: { title: input.title, docNumber: input.docNumber, regionCode: input.regionCode, status: input.status, reviewed: extra.reviewed, ...counts },
  }, extra.now);
  return planId;
}
