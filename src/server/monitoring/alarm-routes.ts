import { defineRoute } from '../http/route.ts';
import {
  AlarmIdParams, AlarmListQuery, AlarmOut, AlarmPage, AlarmSummary, AlarmSummaryQuery, AlarmTransition, EvaluateBody, EvaluationOut, MAX_EVALUATION_DAYS,
} from '../../contracts/alarms.ts';
import { can } from '../../core/access/policy.ts';
import { orgTarget } from '../access/guard.ts';
import { HttpError } from '../http/errors.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { alarmSummary, alarmsByIds, getAlarm, listAlarms, transitionAlarm } from './alarms.ts';
import { evaluateQuality } from './quality-evaluate.ts';
import { loadPoint } from './points.ts';

const TAG = 'monitoring';
const ANSWER_LIMIT = 500;

/** Points the caller manages (monitoring.write): one by MN, or all of them. */
async function pointsToEvaluate(ctx: AppContext, p: Principal, mn: string | undefined): Promise<number[]> {
  if (mn) return [(await loadPoint(ctx, ctx.db, p, mn, 'monitoring.write')).id];
  const rows = (await ctx.db.query<{ id: number; organisation_id: number; region_id: number }>(
    'select p.id, p.organisation_id, o.region_id from monitoring_points p join organisations o on o.id = p.organisation_id order by p.id',
  )).rows;
  const tree = await ctx.regions.get();
  return rows.filter((r) => can(p.grants, 'monitoring.write', orgTarget({ id: r.organisation_id, region_id: r.region_id, kind: 'enterprise' }), tree)).map((r) => r.id);
}

async function evaluate(ctx: AppContext, p: Principal, body: EvaluateBody) {
  const to = body.to ? new Date(body.to) : ctx.now();
  const from = body.from ? new Date(body.from) : new Date(to.getTime() - 2 * 86_400_000);
  // With one end given the other is the default; the schema checked the pair only when both came.
  if (from >= to) throw new HttpError(400, 'invalid_input', { field: 'from', zh: 'from：须早于 to（默认为当前时间）', en: 'from: must be before to (default: now)' });
  if (to.getTime() - from.getTime() > MAX_EVALUATION_DAYS * 86_400_000) {
    throw new HttpError(400, 'invalid_input', { field: 'from', zh: `from：一次最多评估 ${MAX_EVALUATION_DAYS} 天`, en: `from: at most ${MAX_EVALUATION_DAYS} days at a time` });
  }
  const pointIds = await pointsToEvaluate(ctx, p, body.mn);
  const r = await evaluateQuality(ctx, { from, to, pointIds });
  const { alarmIds, ...rest } = r;
  return { ...rest, alarms: await alarmsByIds(ctx.db, alarmIds.slice(0, ANSWER_LIMIT)), truncated: alarmIds.length > ANSWER_LIMIT };
}

export const alarmRoutes = [
  defineRoute({
    method: 'GET', url: '/api/alarms', tag: TAG, access: 'monitoring.read',
    summary: 'Data-quality alarms of monitoring points, latest first, paged (an enterprise sees its own)',
    query: AlarmListQuery, response: AlarmPage, handler: ({ ctx, principal, query }) => listAlarms(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/alarms/summary', tag: TAG, access: 'monitoring.read',
    summary: 'Alarm counts by status, per enterprise and rule (dashboards)',
    query: AlarmSummaryQuery, response: AlarmSummary, handler: ({ ctx, principal, query }) => alarmSummary(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/alarms/:id', tag: TAG, access: 'monitoring.read', summary: 'One alarm',
    params: AlarmIdParams, response: AlarmOut, handler: ({ ctx, principal, params }) => getAlarm(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/alarms/:id/acknowledge', tag: TAG, access: 'alarm.handle',
    summary: 'Acknowledge an open alarm (the enterprise, or the office or district of its region), with an optional note; audited',
    params: AlarmIdParams, body: AlarmTransition, response: AlarmOut,
    handler: ({ ctx, principal, params, body }) => transitionAlarm(ctx, principal, params.id, 'acknowledged', body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/alarms/:id/close', tag: TAG, access: 'alarm.handle',
    summary: 'Close an open or acknowledged alarm, with an optional note; audited',
    params: AlarmIdParams, body: AlarmTransition, response: AlarmOut,
    handler: ({ ctx, principal, params, body }) => transitionAlarm(ctx, principal, params.id, 'closed', body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/monitoring/quality/evaluate', tag: TAG, access: 'monitoring.write',
    summary: 'Run the data-quality rules now over a window (default: the last two days) for one point or all the caller manages; returns the alarms raised or updated',
    body: EvaluateBody, response: EvaluationOut, handler: ({ ctx, principal, body }) => evaluate(ctx, principal, body),
  }),
];
