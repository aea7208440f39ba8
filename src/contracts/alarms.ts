import { z } from 'zod';
import { bilingual } from '../core/validation.ts';
import { RULES, SEVERITIES } from '../core/monitoring-quality/types.ts';
import { Id, Timestamp } from './common.ts';
import { Mn } from './monitoring.ts';

/** Data-quality alarms of monitoring points (rules: src/core/monitoring-quality/README.md). */
export const ALARM_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const AlarmStatus = z.enum(ALARM_STATUSES);
export type AlarmStatus = z.infer<typeof AlarmStatus>;
export const AlarmRule = z.enum(RULES);
export const AlarmSeverity = z.enum(SEVERITIES);

const Instant = z.string().trim().refine((s) => !Number.isNaN(Date.parse(s)), { params: { zh: '不是有效的时间（ISO 8601）', en: 'not a valid time (ISO 8601)' } });
const RegionCode = z.string().trim().min(1).max(32).describe('region code: alarms of the enterprises of this region and the regions below it');
const laterTo = (v: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (v.from && v.to && Date.parse(v.to) <= Date.parse(v.from)) bilingual(ctx, 'to 须晚于 from', 'to must be later than from', ['to']);
};

export const AlarmOut = z.object({
  id: z.number().int(),
  mn: z.string(),
  pointName: z.string(),
  organisationId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  rule: AlarmRule,
  /** the series; '' for findings about the device (clock, login) */
  factor: z.string(),
  /** the reading kind (min-Cou), the upload period for completeness and gaps (min), or the refusal for login_refused */
  kind: z.string(),
  period: z.string().describe('CST day YYYY-MM-DD, or month YYYY-MM'),
  severity: AlarmSeverity,
  firstSeen: Timestamp,
  lastSeen: Timestamp,
  occurrences: z.number().int(),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  /** (value − expected) / |expected| */
  deviation: z.number().nullable(),
  /** unit of value and expected: the factor's unit, 's' for durations, 'uploads' for counts */
  unit: z.string(),
  zh: z.string(),
  en: z.string(),
  status: AlarmStatus,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgeNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: Timestamp.nullable(),
  closeNote: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp.describe('the last evaluation that saw it, or the last transition'),
});
export type AlarmOut = z.infer<typeof AlarmOut>;

/** An alarm id (an integer column: larger numbers are refused here, not by the database). */
export const AlarmIdParams = z.object({ id: Id.max(2_147_483_647) });

export const AlarmListQuery = z.object({
  status: AlarmStatus.optional(),
  rule: AlarmRule.optional(),
  organisationId: Id.optional(),
  regionCode: RegionCode.optional(),
  mn: Mn.optional(),
  /** alarms whose [firstSeen, lastSeen] overlaps [from, to) */
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}).superRefine(laterTo);
export type AlarmListQuery = z.output<typeof AlarmListQuery>;

export const AlarmPage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(AlarmOut) });
export type AlarmPage = z.infer<typeof AlarmPage>;

export const AlarmTransition = z.object({ note: z.string().trim().max(1000).optional() });
export type AlarmTransition = z.output<typeof AlarmTransition>;

/** The longest window evaluated at once (the raw-data rules read every reading in it). */
export const MAX_EVALUATION_DAYS = 35;

export const EvaluateBody = z.object({
  /** default: two days before `to` (the window starts at the beginning of that CST day) */
  from: Instant.optional(),
  /** default: now */
  to: Instant.optional(),
  /** one point; default: every active point the caller manages */
  mn: Mn.optional(),
}).superRefine((v, ctx) => {
  laterTo(v, ctx);
  if (v.from && v.to && Date.parse(v.to) - Date.parse(v.from) > MAX_EVALUATION_DAYS * 86_400_000) {
    bilingual(ctx, `一次最多评估 ${MAX_EVALUATION_DAYS} 天`, `at most ${MAX_EVALUATION_DAYS} days at a time`, ['to']);
  }
});
export type EvaluateBody = z.output<typeof EvaluateBody>;

export const EvaluationOut = z.object({
  from: Timestamp,
  to: Timestamp,
  points: z.number().int(),
  findings: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** points whose raw readings in the window exceeded the cap: their raw-data rules saw only the first part */
  partial: z.array(z.string()),
  /** active points whose rules ran (over the window, what came since the last run, a settled day, or a silence) */
  pointsEvaluated: z.number().int(),
  /** raw readings read: the window's, their context before it, and what came since the last run */
  rawRowsRead: z.number().int(),
  /** the alarms created or updated (at most 500; `truncated` says when there were more) */
  alarms: z.array(AlarmOut),
  truncated: z.boolean(),
});
export type EvaluationOut = z.infer<typeof EvaluationOut>;

export const AlarmSummaryQuery = z.object({
  organisationId: Id.optional(),
  regionCode: RegionCode.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
}).superRefine(laterTo);
export type AlarmSummaryQuery = z.output<typeof AlarmSummaryQuery>;

const Counts = { open: z.number().int(), acknowledged: z.number().int(), closed: z.number().int() };
export const AlarmSummary = z.object({
  totals: z.object(Counts),
  organisations: z.array(z.object({
    organisationId: z.number().int(),
    enterpriseName: z.string(),
    regionCode: z.string(),
    ...Counts,
    rules: z.array(z.object({ rule: AlarmRule, ...Counts })),
  })),
});
export type AlarmSummary = z.infer<typeof AlarmSummary>;
