import type { TargetOut, TaskOut } from '../../contracts/plans.ts';

/** Row shapes of the plan tables and their mapping to the API shapes. */
export interface TargetRow {
  id: number; plan_id: number; task_id: number | null; ref: string; indicator_code: string | null; indicator_name: string; phrase: string;
  year: number | null; value: number | null; value_max: number | null; unit: string | null; qualifier: TargetOut['qualifier'];
  strength: TargetOut['strength']; kind: TargetOut['kind']; annual: boolean; baseline_year: number | null; baseline_value: number | null;
  deferred: boolean; main: boolean; binding: boolean; quote: string; quote_original: string; span_start: number | null; span_end: number | null;
  section: string; review_status: TargetOut['reviewStatus'];
}

const TARGET_FIELDS = ['id', 'plan_id', 'task_id', 'ref', 'indicator_code', 'indicator_name', 'phrase', 'year', 'value', 'value_max', 'unit',
  'qualifier', 'strength', 'kind', 'annual', 'baseline_year', 'baseline_value', 'deferred', 'main', 'binding', 'quote', 'quote_original',
  'span_start', 'span_end', 'section', 'review_status'];
/** The target columns, optionally qualified by a table alias for joins. */
export const targetColumns = (alias?: string) => TARGET_FIELDS.map((f) => (alias ? `${alias}.${f}` : f)).join(', ');
export const TARGET_COLUMNS = targetColumns();

const span = (a: number | null, b: number | null) => (a === null || b === null ? null : { start: a, end: b });

export const toTargetOut = (r: TargetRow, progress: TargetOut['progress'] = null): TargetOut => ({
  id: r.id, planId: r.plan_id, taskId: r.task_id, ref: r.ref, indicatorCode: r.indicator_code, indicatorName: r.indicator_name, phrase: r.phrase,
  year: r.year, value: r.value, valueMax: r.value_max, unit: r.unit, qualifier: r.qualifier, strength: r.strength, kind: r.kind, annual: r.annual,
  baselineYear: r.baseline_year, baselineValue: r.baseline_value, deferred: r.deferred, main: r.main, binding: r.binding, quote: r.quote,
  quoteOriginal: r.quote_original, span: span(r.span_start, r.span_end), section: r.section, reviewStatus: r.review_status, progress,
});

export interface TaskRow {
  id: number; plan_id: number; region_id: number; action_id: number | null; ref: string; number: string | null; title: string; deadline: number | null;
  status: TaskOut['status']; damaged: boolean; span_start: number | null; span_end: number | null;
  units: Array<{ role: TaskOut['units'][number]['role']; name: string; organisationId: number | null }> | null;
}

export const TASK_SELECT = `select t.id, t.plan_id, pl.region_id, t.action_id, t.ref, t.number, t.title, t.deadline, t.status, t.damaged, t.span_start, t.span_end,
  (select json_agg(json_build_object('role', u.role, 'name', u.unit_name, 'organisationId', u.organisation_id) order by u.role, u.ordinal)
     from task_units u where u.task_id = t.id) as units
  from plan_tasks t join plans pl on pl.id = t.plan_id`;

/** A task is overdue when its deadline year has ended and it is not completed. */
export const toTaskOut = (r: TaskRow, currentYear: number): TaskOut => ({
  id: r.id, planId: r.plan_id, actionId: r.action_id, ref: r.ref, number: r.number, title: r.title, deadline: r.deadline, status: r.status,
  overdue: r.deadline !== null && r.deadline < currentYear && r.status !== 'completed', damaged: r.damaged, units: r.units ?? [],
  span: span(r.span_start, r.span_end),
});
