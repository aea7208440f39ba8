import { z } from 'zod';
import { bilingual } from '../../core/validation.ts';
import {
  ProgressOut, QUALIFIERS, STRENGTHS, TARGET_KINDS, TASK_STATUSES, PLAN_STATUSES, WARNING_LEVELS, OBSERVATION_STATUSES,
} from '../../contracts/plans.ts';

/** The annual evaluation (年度评估) of a plan: `GET /api/plans/:id/evaluation?year=YYYY` and its workbook. */

export const EvaluationQuery = z.object({
  year: z.string().optional().transform((v, ctx) => {
    const n = v !== undefined && /^\d{4}$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      bilingual(ctx, '评估年度须为2000至2100之间的四位年份', 'the evaluation year must be a four-digit year from 2000 to 2100');
      return z.NEVER;
    }
    return n;
  }).describe('evaluation year (四位年份), 2000–2100'),
});

const Int = z.number().int();

export const EvaluationTarget = z.object({
  id: Int,
  ref: z.string(),
  indicatorCode: z.string().nullable(),
  indicatorName: z.string(),
  main: z.boolean(),
  binding: z.boolean(),
  kind: z.enum(TARGET_KINDS),
  year: Int.nullable().describe('target year'),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable().describe('unit of the target value (% for a reduction)'),
  qualifier: z.enum(QUALIFIERS),
  strength: z.enum(STRENGTHS),
  deferred: z.boolean(),
  targetZh: z.string().describe('the target as written: 下降14.5%, 达到31.5%左右, 不超过620万吨'),
  targetEn: z.string(),
  valueUnit: z.string().nullable().describe('unit of baseline, expected and observed values (the observed indicator’s unit)'),
  baselineYear: Int.nullable(),
  baselineValue: z.number().nullable().describe('the base value the path starts from (the target’s own or the observed base-year value)'),
  expectedYear: Int.nullable().describe('the evaluation year, or the target year when that is earlier'),
  expected: z.number().nullable().describe('expected value on the path at expectedYear'),
  observed: z.object({ year: Int, value: z.number(), status: z.enum(OBSERVATION_STATUSES) }).nullable()
    .describe('observation of expectedYear, or the latest before it (after the base year)'),
  progress: ProgressOut.nullable().describe('assessment of the observation, as on the plan page (gap and level are against the observation year)'),
  noteZh: z.string(),
  noteEn: z.string(),
});
export type EvaluationTarget = z.infer<typeof EvaluationTarget>;

export const EvaluationTask = z.object({
  id: Int,
  ref: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  lead: z.array(z.string()).describe('牵头单位 (the responsible units when no lead is named)'),
  cooperating: z.array(z.string()).describe('配合 and 支持 units'),
  deadline: Int.nullable(),
  status: z.enum(TASK_STATUSES),
  statusZh: z.string(),
  overdue: z.boolean(),
});
export type EvaluationTask = z.infer<typeof EvaluationTask>;

export const EvaluationAction = z.object({
  id: Int.nullable().describe('null for tasks outside any action'),
  number: z.string(),
  title: z.string(),
  tasks: z.array(EvaluationTask),
});

const PlanRef = z.object({ id: Int, title: z.string(), regionCode: z.string(), regionName: z.string() });
const TargetRef = z.object({ id: Int, ref: z.string(), year: Int.nullable(), targetZh: z.string(), targetEn: z.string() });

export const ConsistencyFindingOut = z.object({
  indicatorCode: z.string(),
  indicatorName: z.string(),
  year: Int,
  higher: TargetRef,
  lower: TargetRef.nullable(),
  status: z.enum(['consistent', 'follows_higher', 'weaker', 'later', 'missing', 'not_comparable']),
  statusZh: z.string(),
  flagged: z.boolean(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type ConsistencyFindingOut = z.infer<typeof ConsistencyFindingOut>;

export const Evaluation = z.object({
  plan: PlanRef.extend({
    docNumber: z.string().nullable(), issuer: z.string().nullable(), issuedOn: z.string().nullable(),
    periodStart: Int, periodEnd: Int, status: z.enum(PLAN_STATUSES),
  }),
  year: Int,
  generatedAt: z.string().describe('ISO 8601 time of the evaluation'),
  targets: z.array(EvaluationTarget).describe('non-rejected targets, main targets first, then in plan order'),
  actions: z.array(EvaluationAction),
  counts: z.object({
    targets: z.object({ total: Int, assessed: Int, red: Int, yellow: Int, green: Int, unassessed: Int }),
    tasks: z.object({ total: Int, not_started: Int, in_progress: Int, completed: Int, overdue: Int }),
    consistencyFlags: Int,
  }),
  consistency: z.object({ higherPlan: PlanRef, findings: z.array(ConsistencyFindingOut) }).nullable()
    .describe('against the latest issued plan of the nearest region above that has one (or the plan’s declared parent plan)'),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const LEVEL_COLOUR_ZH: Record<(typeof WARNING_LEVELS)[number], string> = { red: '红', yellow: '黄', green: '绿' };
export const TASK_STATUS_ZH: Record<(typeof TASK_STATUSES)[number], string> = { not_started: '未开始', in_progress: '进行中', completed: '已完成' };
