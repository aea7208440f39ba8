import { z } from 'zod';
import { bilingual } from '../core/validation.ts';

/** Shared shapes of plans, targets, actions, tasks, observations and progress (API, CLI, UI). */

export const PLAN_STATUSES = ['draft', 'issued'] as const;
export const QUALIFIERS = ['about', 'or_more', 'or_less', 'within', 'not_less_than', 'not_more_than', 'more_than', 'less_than', 'exact'] as const;
export const STRENGTHS = ['strive', 'ensure', 'plain'] as const;
export const TARGET_KINDS = ['level', 'share', 'reduction', 'increase', 'cap', 'cumulative'] as const;
export const REVIEW_STATUSES = ['draft', 'accepted', 'edited', 'rejected'] as const;
export const UNIT_ROLES = ['lead', 'cooperating', 'supporting', 'responsible'] as const;
export const TASK_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export const OBSERVATION_SOURCES = ['entered', 'imported', 'computed'] as const;
export const OBSERVATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const WARNING_LEVELS = ['red', 'yellow', 'green'] as const;

const Year = z.number().int().min(1990).max(2100);

export const IndicatorOut = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['higher_better', 'lower_better']),
  aggregation: z.string(),
  category: z.string(),
  computedFrom: z.array(z.string()),
  /** For a reduction-rate indicator: the level indicator whose observed values follow its targets. */
  rateOf: z.string().nullable(),
});
export type IndicatorOut = z.infer<typeof IndicatorOut>;

export const PlanListItem = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  parentPlanId: z.number().int().nullable(),
  reviewed: z.boolean().describe('true when a person has reviewed the parsed draft'),
  counts: z.object({ targets: z.number().int(), mainTargets: z.number().int(), actions: z.number().int(), tasks: z.number().int() }),
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const TaskUnitOut = z.object({ role: z.enum(UNIT_ROLES), name: z.string(), organisationId: z.number().int().nullable() });

export const TaskOut = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  actionId: z.number().int().nullable(),
  ref: z.string().describe('path id in the plan, e.g. 3.2'),
  number: z.string().nullable(),
  title: z.string(),
  deadline: z.number().int().nullable(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  damaged: z.boolean(),
  units: z.array(TaskUnitOut),
  span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type TaskOut = z.infer<typeof TaskOut>;

export const ActionOut = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  number: z.string(),
  title: z.string(),
  parent: z.string(),
  taskIds: z.array(z.number().int()),
});
export type ActionOut = z.infer<typeof ActionOut>;

export const ProgressOut = z.object({
  year: z.number().int(),
  expected: z.number(),
  observed: z.number(),
  gap: z.number(),
  gapRatio: z.number(),
  onTrack: z.boolean(),
  level: z.enum(WARNING_LEVELS),
  levelZh: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type ProgressOut = z.infer<typeof ProgressOut>;

export const TargetOut = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  taskId: z.number().int().nullable(),
  ref: z.string(),
  indicatorCode: z.string().nullable(),
  indicatorName: z.string(),
  phrase: z.string(),
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  qualifier: z.enum(QUALIFIERS),
  strength: z.enum(STRENGTHS),
  kind: z.enum(TARGET_KINDS),
  annual: z.boolean(),
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  deferred: z.boolean().describe('value left to the higher level (完成上级下达目标)'),
  main: z.boolean(),
  binding: z.boolean().describe('约束性 (true) or 预期性 (false)'),
  quote: z.string(),
  quoteOriginal: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  section: z.string(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  /** The latest assessment against the path, when the target has a base value and an observation. */
  progress: ProgressOut.nullable(),
});
export type TargetOut = z.infer<typeof TargetOut>;

export const PlanWarning = z.object({ code: z.string().max(64), zh: z.string().max(2000), en: z.string().max(2000), line: z.number().int().optional(), excerpt: z.string().max(2000).optional() });

export const PlanDetail = PlanListItem.extend({
  regionId: z.number().int(),
  sourceName: z.string().nullable(),
  warnings: z.array(PlanWarning),
  actions: z.array(ActionOut),
  tasks: z.array(TaskOut),
  targets: z.array(TargetOut),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanQuery = z.object({ region: z.string().max(32).optional(), within: z.enum(['true', 'false']).optional() });
export const PlanSource = z.object({ name: z.string().nullable(), text: z.string() });
/** A plan to parse: pasted text, or an uploaded file (.txt in UTF-8 or GBK, or .docx) as base64. */
export const ParseBody = z.object({
  text: z.string().min(1).max(2_000_000).optional(),
  file: z.object({ name: z.string().min(1).max(300), contentBase64: z.string().min(1).max(14_000_000) }).optional(),
}).superRefine((v, ctx) => {
  if (!v.text === !v.file) bilingual(ctx, '请提供文本（text）或文件（file）之一', 'give either text or file', ['text']);
});

export const TargetPatch = z
  .object({
    indicatorCode: z.string().max(64).nullable(),
    year: Year,
    value: z.number().finite().nullable(),
    unit: z.string().max(20).nullable(),
    qualifier: z.enum(QUALIFIERS),
    strength: z.enum(STRENGTHS),
    kind: z.enum(TARGET_KINDS),
    baselineYear: Year.nullable(),
    baselineValue: z.number().finite().nullable(),
    binding: z.boolean(),
    reviewStatus: z.enum(REVIEW_STATUSES),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', params: { zh: '没有要修改的字段', en: 'nothing to change' } });
export type TargetPatch = z.infer<typeof TargetPatch>;

export const TargetCreate = z
  .object({
    planId: z.number().int().positive(),
    indicatorCode: z.string().max(64).nullish(),
    indicatorName: z.string().trim().min(1).max(200),
    year: Year.nullish(),
    value: z.number().finite(),
    unit: z.string().max(20),
    qualifier: z.enum(QUALIFIERS).default('exact'),
    strength: z.enum(STRENGTHS).default('plain'),
    kind: z.enum(TARGET_KINDS),
    baselineYear: Year.nullish(),
    baselineValue: z.number().finite().nullish(),
    binding: z.boolean().default(false),
    quote: z.string().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.year == null) bilingual(ctx, '目标须有目标年份', 'a target needs a target year', ['year']);
    if (v.year != null && v.baselineYear != null && v.baselineYear >= v.year) {
      bilingual(ctx, '基准年须早于目标年份', 'the base year must be before the target year', ['baselineYear']);
    }
  });
export type TargetCreate = z.infer<typeof TargetCreate>;

export const TaskPatch = z.object({ status: z.enum(TASK_STATUSES) });

export const ObservationOut = z.object({
  id: z.number().int(),
  indicatorCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  value: z.number(),
  unit: z.string(),
  source: z.enum(OBSERVATION_SOURCES),
  status: z.enum(OBSERVATION_STATUSES),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ObservationOut = z.infer<typeof ObservationOut>;

export const ObservationQuery = z.object({ region: z.string().max(32).optional(), indicator: z.string().max(64).optional() });

export const ObservationCreate = z.object({
  indicatorCode: z.string().min(1).max(64),
  regionCode: z.string().min(1).max(32),
  year: Year,
  value: z.number().finite(),
  unit: z.string().max(20),
  note: z.string().max(2000).nullish(),
  status: z.enum(['draft', 'submitted']).default('submitted'),
});
export type ObservationCreate = z.infer<typeof ObservationCreate>;

export const ObservationReview = z.object({ status: z.enum(['approved', 'rejected']), note: z.string().max(2000).nullish() });

/** An indicator's observed series in a region against the path of every target on it. */
export const IndicatorSeries = z.object({
  indicator: IndicatorOut,
  regionCode: z.string(),
  observations: z.array(ObservationOut),
  targets: z.array(z.object({
    target: TargetOut,
    planTitle: z.string(),
    path: z.array(z.object({ year: z.number().int(), expected: z.number() })),
  })),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

const SpanIn = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** A reviewed draft to save as a plan: what `POST /api/plans/parse` returned, after the reviewer's decisions. */
export const PlanImport = z.object({
  regionCode: z.string().min(1).max(32),
  title: z.string().trim().min(1).max(300),
  docNumber: z.string().max(100).nullish(),
  issuer: z.string().max(300).nullish(),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  periodStart: Year,
  periodEnd: Year,
  status: z.enum(PLAN_STATUSES),
  parentPlanId: z.number().int().positive().nullish(),
  sourceName: z.string().max(300).nullish(),
  sourceText: z.string().min(1).max(2_000_000),
  /** The parser's notes (damaged characters, reconstructed 文号 …), kept with the plan. */
  warnings: z.array(PlanWarning).max(500).default([]),
  actions: z.array(z.object({ number: z.string().max(20), title: z.string().min(1).max(500), parent: z.string().max(500).default('') })).max(200),
  tasks: z.array(z.object({
    ref: z.string().min(1).max(20),
    number: z.string().max(20).nullish(),
    title: z.string().min(1).max(1000),
    actionIndex: z.number().int().min(0).nullable(),
    deadline: Year.nullish(),
    damaged: z.boolean().default(false),
    lead: z.array(z.string().max(100)).default([]),
    cooperating: z.array(z.string().max(100)).default([]),
    supporting: z.array(z.string().max(100)).default([]),
    responsible: z.array(z.string().max(100)).default([]),
    span: SpanIn.nullish(),
  })).max(2000),
  targets: z.array(z.object({
    ref: z.string().min(1).max(20),
    taskRef: z.string().max(20).nullish(),
    indicatorCode: z.string().max(64).nullish(),
    indicatorName: z.string().min(1).max(200),
    phrase: z.string().max(300).default(''),
    year: Year.nullable(),
    value: z.number().finite().nullable(),
    valueMax: z.number().finite().nullish(),
    unit: z.string().max(20).nullable(),
    qualifier: z.enum(QUALIFIERS),
    strength: z.enum(STRENGTHS),
    kind: z.enum(TARGET_KINDS),
    annual: z.boolean().default(false),
    baselineYear: Year.nullish(),
    baselineValue: z.number().finite().nullish(),
    deferred: z.boolean().default(false),
    main: z.boolean().default(false),
    binding: z.boolean().default(false),
    quote: z.string().max(4000).default(''),
    quoteOriginal: z.string().max(4000).default(''),
    span: SpanIn.nullish(),
    section: z.string().max(1000).default(''),
    reviewStatus: z.enum(REVIEW_STATUSES).default('draft'),
  }).superRefine((t, ctx) => {
    // A draft may still be incomplete; accepting or editing it requires a year.
    if ((t.reviewStatus === 'accepted' || t.reviewStatus === 'edited') && t.year == null && !t.deferred) {
      bilingual(ctx, '已确认的目标须有目标年份（或将其驳回）', 'an accepted target needs a target year (or reject it)', ['year']);
    }
  })).max(2000),
}).superRefine((p, ctx) => {
  if (p.periodEnd < p.periodStart) bilingual(ctx, '规划期末须不早于期初', 'the period must not end before it starts', ['periodEnd']);
});
export type PlanImport = z.infer<typeof PlanImport>;

export const PlanPatch = z.object({
  title: z.string().trim().min(1).max(300),
  docNumber: z.string().max(100).nullable(),
  issuer: z.string().max(300).nullable(),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  periodStart: Year,
  periodEnd: Year,
  status: z.enum(PLAN_STATUSES),
  parentPlanId: z.number().int().positive().nullable(),
  reviewed: z.boolean(),
}).partial().refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', params: { zh: '没有要修改的字段', en: 'nothing to change' } });
export type PlanPatch = z.infer<typeof PlanPatch>;
