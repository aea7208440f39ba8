import type { Queryable } from '../../db/index.ts';
import { assessProgress, expectedAt, getIndicator } from '../../core/plans/index.ts';
import { checkConsistency, describeTarget, type ConsistencyTarget } from '../../core/plans/consistency.ts';
import { getPlanRow, planTargets } from '../plans/repo.ts';
import { TASK_SELECT, toTaskOut, type TargetRow, type TaskRow } from '../plans/rows.ts';
import { observationsOf, observedIndicator, pathFor, type Obs } from '../plans/progress.ts';
import { TASK_STATUS_ZH, type ConsistencyFindingOut, type Evaluation, type EvaluationTarget, type EvaluationTask } from './schema.ts';

/**
 * The annual evaluation (年度评估) of a plan for a year. Paths and warnings come from the same functions as
 * the plan page (`pathFor`, `assessProgress`, `observedIndicator`, the observations that count), so for the
 * year of the latest observation the figures are the plan page's.
 */

type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlanRow>>>;
type Status = NonNullable<EvaluationTarget['observed']>['status'];

const asConsistency = (t: TargetRow): ConsistencyTarget & { id: number } => ({
  id: t.id, ref: t.ref, indicatorCode: t.indicator_code, indicatorName: t.indicator_name, year: t.year, value: t.value, valueMax: t.value_max,
  unit: t.unit, kind: t.kind, qualifier: t.qualifier, strength: t.strength, annual: t.annual, baselineYear: t.baseline_year, deferred: t.deferred,
  main: t.main,
});

/** One target for the evaluation year: expected on the path, the observation that counts, the assessment. */
function evaluateTarget(t: TargetRow, obs: Map<string, Obs[]>, statuses: Map<string, Status>, defaultBaseYear: number, year: number): EvaluationTarget {
  const text = describeTarget(asConsistency(t));
  const obsCode = t.indicator_code ? observedIndicator(t.indicator_code) : null;
  const out: EvaluationTarget = {
    id: t.id, ref: t.ref, indicatorCode: t.indicator_code, indicatorName: t.indicator_name, main: t.main, binding: t.binding, kind: t.kind,
    year: t.year, value: t.value, valueMax: t.value_max, unit: t.unit, qualifier: t.qualifier, strength: t.strength, deferred: t.deferred,
    targetZh: text.zh, targetEn: text.en, valueUnit: (obsCode && getIndicator(obsCode)?.unit) ?? t.unit,
    baselineYear: t.baseline_year, baselineValue: t.baseline_value, expectedYear: null, expected: null, observed: null, progress: null,
    noteZh: '', noteEn: '',
  };
  const note = (zh: string[], en: string[]) => Object.assign(out, { noteZh: zh.join('；'), noteEn: en.join('; ') });
  if (t.deferred) return note(['目标值待上级下达（完成上级下达目标）'], ['The value is assigned by the higher level']);
  if (!obsCode) return note(['未关联指标库指标，不能自动评估'], ['Not linked to a catalogue indicator; not assessed automatically']);
  if (t.year === null || t.value === null) return note(['缺少目标年份或目标值'], ['No target year or value']);
  const series = obs.get(obsCode) ?? [];
  const path = pathFor(t, series, defaultBaseYear);
  const by = t.baseline_year ?? defaultBaseYear;
  out.baselineYear = t.kind === 'cap' ? t.baseline_year : by;
  if (by < t.year && year < by) {
    return note([`评估年度早于基准年${by}年，尚未进入考核期`], [`The evaluation year is before the base year ${by}`]);
  }
  if (!path) {
    return by >= t.year
      ? note([`基准年${by}年不早于目标年份`], [`The base year ${by} is not before the target year`])
      : note([`缺少基准值：${by}年无${getIndicator(obsCode)?.zh ?? obsCode}数据`], [`No base value: no data on ${getIndicator(obsCode)?.en.toLowerCase() ?? obsCode} for ${by}`]);
  }
  out.baselineValue = path.baselineValue;
  const ey = Math.min(year, t.year);
  out.expectedYear = ey;
  out.expected = expectedAt(path, ey);
  const zh: string[] = [];
  const en: string[] = [];
  if (year > t.year) { zh.push(`目标年份${t.year}年已到，按目标年份考核`); en.push(`The target year ${t.year} has passed; assessed for ${t.year}`); }
  // The same selection as the plan page: observations after the base year, up to the year assessed.
  const after = series.filter((o) => o.year > path.baselineYear && o.year <= ey);
  const latest = after[after.length - 1];
  if (!latest) return note([...zh, `${ey}年及以前无已报送数据`], [...en, `No reported data up to ${ey}`]);
  const previous = after.length > 1 ? after[after.length - 2] : undefined;
  const status = statuses.get(`${obsCode}@${latest.year}`) ?? 'submitted';
  out.progress = assessProgress(path, latest, previous);
  out.observed = { year: latest.year, value: latest.value, status };
  zh.unshift(out.progress.reasonZh);
  en.unshift(out.progress.reasonEn);
  if (latest.year < ey) {
    zh.push(`实际值为${latest.year}年数据（${ey}年尚无数据），差距与预警按${latest.year}年应达值计算`);
    en.push(`The observed value is of ${latest.year} (none yet for ${ey}); gap and warning are against the ${latest.year} path value`);
  }
  if (status === 'submitted') { zh.push('数据待审核'); en.push('value awaiting review'); }
  return note(zh, en);
}

/** The plan a lower region's plan answers to: its declared parent, else the latest issued plan of the nearest region above. */
async function higherPlan(q: Queryable, plan: PlanRow): Promise<PlanRow | undefined> {
  if (plan.parent_plan_id) return getPlanRow(q, plan.parent_plan_id);
  const row = (await q.query<{ id: number }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from regions where id = $1
       union all select r.id, r.parent_id, up.depth + 1 from regions r join up on r.id = up.parent_id where up.depth < 16)
     select p.id from up join plans p on p.region_id = up.id
      where up.depth > 0 and p.status = 'issued' order by up.depth, p.issued_on desc nulls last, p.id desc limit 1`,
    [plan.region_id],
  )).rows[0];
  return row ? getPlanRow(q, row.id) : undefined;
}

async function consistencyOf(q: Queryable, plan: PlanRow, own: TargetRow[]): Promise<Evaluation['consistency']> {
  const higher = await higherPlan(q, plan);
  if (!higher) return null;
  const counted = (rows: TargetRow[]) => rows.filter((t) => t.review_status !== 'rejected').map(asConsistency);
  const ref = (t: (ConsistencyTarget & { id: number }) | null) => {
    if (!t) return null;
    const d = describeTarget(t);
    return { id: t.id, ref: t.ref, year: t.year, targetZh: d.zh, targetEn: d.en };
  };
  const findings: ConsistencyFindingOut[] = checkConsistency(counted(await planTargets(q, higher.id)), counted(own)).map((f) => ({
    indicatorCode: f.indicatorCode, indicatorName: f.indicatorName, year: f.year, higher: ref(f.higher)!, lower: ref(f.lower), status: f.status,
    statusZh: f.statusZh, flagged: f.flagged, reasonZh: f.reasonZh, reasonEn: f.reasonEn,
  }));
  return { higherPlan: { id: higher.id, title: higher.title, regionCode: higher.region_code, regionName: higher.region_name }, findings };
}

async function actionsOf(q: Queryable, planId: number, currentYear: number): Promise<Evaluation['actions']> {
  const actions = (await q.query<{ id: number; number: string; title: string }>(
    'select id, number, title from plan_actions where plan_id = $1 order by ordinal', [planId],
  )).rows;
  const tasks = (await q.query<TaskRow>(`${TASK_SELECT} where t.plan_id = $1 order by t.id`, [planId])).rows.map((r) => toTaskOut(r, currentYear));
  const toTask = (t: (typeof tasks)[number]): EvaluationTask => {
    const named = (...roles: string[]) => t.units.filter((u) => roles.includes(u.role)).map((u) => u.name);
    const lead = named('lead');
    return { id: t.id, ref: t.ref, number: t.number, title: t.title, lead: lead.length ? lead : named('responsible'),
      cooperating: named('cooperating', 'supporting'), deadline: t.deadline, status: t.status, statusZh: TASK_STATUS_ZH[t.status], overdue: t.overdue };
  };
  const out: Evaluation['actions'] = actions.map((a) => ({ ...a, tasks: tasks.filter((t) => t.actionId === a.id).map(toTask) }));
  const loose = tasks.filter((t) => t.actionId === null || !actions.some((a) => a.id === t.actionId));
  if (loose.length) out.push({ id: null, number: '', title: '其他任务', tasks: loose.map(toTask) });
  return out;
}

/** The annual evaluation of plan `planId` for `year`, or undefined when there is no such plan. */
export async function evaluationData(q: Queryable, planId: number, year: number, now: Date): Promise<Evaluation | undefined> {
  const plan = await getPlanRow(q, planId);
  if (!plan) return undefined;
  const rows = await planTargets(q, planId);
  const counted = rows.filter((t) => t.review_status !== 'rejected');
  const codes = [...new Set(counted.filter((t) => t.indicator_code).map((t) => observedIndicator(t.indicator_code!)))];
  const obs = await observationsOf(q, plan.region_id, codes);
  const statuses = new Map((await q.query<{ indicator_code: string; year: number; status: Status }>(
    `select indicator_code, year, status from observations
      where region_id = $1 and indicator_code = any($2::text[]) and status in ('submitted', 'approved')`,
    [plan.region_id, codes],
  )).rows.map((r) => [`${r.indicator_code}@${r.year}`, r.status] as const));
  const ordered = [...counted.filter((t) => t.main), ...counted.filter((t) => !t.main)];
  const targets = ordered.map((t) => evaluateTarget(t, obs, statuses, plan.period_start - 1, year));
  const actions = await actionsOf(q, planId, now.getUTCFullYear());
  const consistency = await consistencyOf(q, plan, rows);
  const levels = targets.map((t) => t.progress?.level);
  const tasks = actions.flatMap((a) => a.tasks);
  const n = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
  return {
    plan: { id: plan.id, title: plan.title, regionCode: plan.region_code, regionName: plan.region_name, docNumber: plan.doc_number, issuer: plan.issuer,
      issuedOn: plan.issued_on, periodStart: plan.period_start, periodEnd: plan.period_end, status: plan.status },
    year,
    generatedAt: now.toISOString(),
    targets,
    actions,
    counts: {
      targets: { total: targets.length, assessed: n(levels, (l) => l !== undefined), red: n(levels, (l) => l === 'red'),
        yellow: n(levels, (l) => l === 'yellow'), green: n(levels, (l) => l === 'green'), unassessed: n(levels, (l) => l === undefined) },
      tasks: { total: tasks.length, not_started: n(tasks, (t) => t.status === 'not_started'), in_progress: n(tasks, (t) => t.status === 'in_progress'),
        completed: n(tasks, (t) => t.status === 'completed'), overdue: n(tasks, (t) => t.overdue) },
      consistencyFlags: consistency ? n(consistency.findings, (f) => f.flagged) : 0,
    },
    consistency,
  };
}
