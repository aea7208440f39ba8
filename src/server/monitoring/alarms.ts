import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { AlarmListQuery, AlarmOut, AlarmPage, AlarmSummary, AlarmSummaryQuery, AlarmStatus } from '../../contracts/alarms.ts';
import { SEVERITIES, type AlarmDraft } from '../../core/monitoring-quality/index.ts';
import { can } from '../../core/access/policy.ts';
import { orgTarget } from '../access/guard.ts';
import { appendAudit } from '../audit/log.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { findRegion } from '../regions/repo.ts';

interface Row {
  id: number; point_id: number; mn: string; point_name: string; organisation_id: number; enterprise_name: string; region_id: number; region_code: string;
  rule: AlarmOut['rule']; factor: string; kind: string; period: string; severity: AlarmOut['severity']; first_seen: Date; last_seen: Date;
  occurrences: number; value: number | null; expected: number | null; deviation: number | null; unit: string; detail_zh: string; detail_en: string;
  status: AlarmStatus; acknowledged_by_name: string | null; acknowledged_at: Date | null; acknowledge_note: string | null;
  closed_by_name: string | null; closed_at: Date | null; close_note: string | null; created_at: Date; updated_at: Date;
}

const SELECT = `select a.id, a.point_id, p.mn, p.name as point_name, a.organisation_id, o.name as enterprise_name, o.region_id, r.code as region_code,
  a.rule, a.factor, a.kind, a.period, a.severity, a.first_seen, a.last_seen, a.occurrences, a.value, a.expected, a.deviation, a.unit,
  a.detail_zh, a.detail_en, a.status, ua.username as acknowledged_by_name, a.acknowledged_at, a.acknowledge_note,
  uc.username as closed_by_name, a.closed_at, a.close_note, a.created_at, a.updated_at
  from monitoring_alarms a join monitoring_points p on p.id = a.point_id join organisations o on o.id = a.organisation_id
  join regions r on r.id = o.region_id left join users ua on ua.id = a.acknowledged_by left join users uc on uc.id = a.closed_by`;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toOut = (r: Row): AlarmOut => ({
  id: r.id, mn: r.mn, pointName: r.point_name, organisationId: r.organisation_id, enterpriseName: r.enterprise_name, regionCode: r.region_code,
  rule: r.rule, factor: r.factor, kind: r.kind, period: r.period, severity: r.severity, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(),
  occurrences: r.occurrences, value: r.value, expected: r.expected, deviation: r.deviation, unit: r.unit, zh: r.detail_zh, en: r.detail_en,
  status: r.status, acknowledgedBy: r.acknowledged_by_name, acknowledgedAt: iso(r.acknowledged_at), acknowledgeNote: r.acknowledge_note,
  closedBy: r.closed_by_name, closedAt: iso(r.closed_at), closeNote: r.close_note, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});
const target = (r: { organisation_id: number; region_id: number }) => orgTarget({ id: r.organisation_id, region_id: r.region_id, kind: 'enterprise' });

/**
 * Writes the drafts of one point: a new alarm per (rule, factor, kind, period), or an update of the existing
 * one — span widened, occurrences and severity never lowered, the figures of the fuller evaluation kept — so
 * evaluating the same data again changes nothing but updated_at. Closed alarms are left alone.
 */
export async function upsertAlarms(q: Queryable, point: { id: number; organisation_id: number }, drafts: readonly AlarmDraft[], now: Date): Promise<{ ids: number[]; created: number; updated: number }> {
  if (!drafts.length) return { ids: [], created: 0, updated: 0 };
  const col = <K extends keyof AlarmDraft>(k: K) => drafts.map((d) => d[k]);
  const rows = (await q.query<{ id: number; inserted: boolean }>(
    `insert into monitoring_alarms as a (point_id, organisation_id, rule, factor, kind, period, severity, first_seen, last_seen, occurrences,
       value, expected, deviation, unit, detail_zh, detail_en, status, created_at, updated_at)
     select $1, $2, u.rule, u.factor, u.kind, u.period, u.severity, u.first_seen, u.last_seen, u.occurrences, u.value, u.expected, u.deviation,
       u.unit, u.zh, u.en, 'open', $17, $17
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::int[],
         $11::float8[], $12::float8[], $13::float8[], $14::text[], $15::text[], $16::text[])
         as u(rule, factor, kind, period, severity, first_seen, last_seen, occurrences, value, expected, deviation, unit, zh, en)
     on conflict (point_id, rule, factor, kind, period) do update set
       severity = case when array_position($18::text[], excluded.severity) > array_position($18::text[], a.severity) then excluded.severity else a.severity end,
       first_seen = least(a.first_seen, excluded.first_seen),
       last_seen = greatest(a.last_seen, excluded.last_seen),
       occurrences = greatest(a.occurrences, excluded.occurrences),
       value = case when excluded.occurrences >= a.occurrences then excluded.value else a.value end,
       expected = case when excluded.occurrences >= a.occurrences then excluded.expected else a.expected end,
       deviation = case when excluded.occurrences >= a.occurrences then excluded.deviation else a.deviation end,
       unit = case when excluded.occurrences >= a.occurrences then excluded.unit else a.unit end,
       detail_zh = case when excluded.occurrences >= a.occurrences then excluded.detail_zh else a.detail_zh end,
       detail_en = case when excluded.occurrences >= a.occurrences then excluded.detail_en else a.detail_en end,
       updated_at = excluded.updated_at
     where a.status <> 'closed'
     returning a.id, (a.xmax = 0) as inserted`,
    [point.id, point.organisation_id, col('rule'), col('factor'), col('kind'), col('period'), col('severity'),
      drafts.map((d) => new Date(d.firstSeen).toISOString()), drafts.map((d) => new Date(d.lastSeen).toISOString()), col('occurrences'),
      col('value'), col('expected'), col('deviation'), col('unit'), col('zh'), col('en'), now, [...SEVERITIES]],
  )).rows;
  const created = rows.filter((r) => r.inserted).length;
  return { ids: rows.map((r) => r.id), created, updated: rows.length - created };
}

/**
 * Organisations whose alarms the principal may read (only those with monitoring points: alarms belong to
 * points), narrowed to a region and every region below it when `regionCode` is given.
 */
async function visibleOrganisations(ctx: AppContext, p: Principal, regionCode: string | undefined): Promise<number[]> {
  const region = regionCode ? await findRegion(ctx.db, regionCode) : undefined;
  if (regionCode && !region) throw notFound(`regionCode：地区 ${regionCode} `, `regionCode: region ${regionCode}`, 'regionCode');
  const orgs = (await ctx.db.query<{ organisation_id: number; region_id: number }>(
    'select o.id as organisation_id, o.region_id from organisations o where exists (select 1 from monitoring_points p where p.organisation_id = o.id)',
  )).rows;
  const tree = await ctx.regions.get();
  return orgs.filter((o) => can(p.grants, 'monitoring.read', target(o), tree) && (!region || tree.within(o.region_id, region.id))).map((o) => o.organisation_id);
}

/** Filters shared by the list and the summary; the first argument is always the visible organisations. */
function filters(orgs: number[], f: { organisationId?: number; status?: string; rule?: string; mn?: string; from?: string; to?: string }) {
  const args: unknown[] = [orgs];
  const where = ['a.organisation_id = any($1::int[])'];
  const add = (sql: string, v: unknown) => { args.push(v); where.push(sql.replace('?', `$${args.length}`)); };
  if (f.organisationId) add('a.organisation_id = ?', f.organisationId);
  if (f.status) add('a.status = ?', f.status);
  if (f.rule) add('a.rule = ?', f.rule);
  if (f.mn) add('p.mn = ?', f.mn);
  if (f.from) add('a.last_seen >= ?', new Date(f.from).toISOString());
  if (f.to) add('a.first_seen < ?', new Date(f.to).toISOString());
  return { where: where.join(' and '), args };
}

/** Alarms the principal may read, newest first (by the last time seen), paged. */
export async function listAlarms(ctx: AppContext, p: Principal, query: AlarmListQuery): Promise<AlarmPage> {
  const { where, args } = filters(await visibleOrganisations(ctx, p, query.regionCode), query);
  const total = (await ctx.db.query<{ n: number }>(
    `select count(*)::int as n from monitoring_alarms a join monitoring_points p on p.id = a.point_id where ${where}`, args,
  )).rows[0].n;
  const n = args.length;
  const rows = (await ctx.db.query<Row>(
    `${SELECT} where ${where} order by a.last_seen desc, a.id desc limit $${n + 1} offset $${n + 2}`, [...args, query.limit, query.offset],
  )).rows;
  return { total, limit: query.limit, offset: query.offset, items: rows.map(toOut) };
}

/** Alarms by id, in the order given (for the evaluator's answer; the caller has checked access). */
export async function alarmsByIds(q: Queryable, ids: readonly number[]): Promise<AlarmOut[]> {
  if (!ids.length) return [];
  const rows = (await q.query<Row>(`${SELECT} where a.id = any($1::int[])`, [ids])).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toOut(byId.get(id)!)] : []));
}

async function loadAlarm(ctx: AppContext, q: Queryable, p: Principal, id: number): Promise<Row> {
  const row = (await q.query<Row>(`${SELECT} where a.id = $1`, [id])).rows[0];
  if (!row || !can(p.grants, 'monitoring.read', target(row), await ctx.regions.get(q))) throw notFound(`报警 ${id} `, `Alarm ${id}`, 'id');
  return row;
}

export async function getAlarm(ctx: AppContext, p: Principal, id: number): Promise<AlarmOut> {
  return toOut(await loadAlarm(ctx, ctx.db, p, id));
}

const STATUS_ZH: Record<AlarmStatus, string> = { open: '待处理', acknowledged: '已确认', closed: '已关闭' };

/**
 * open → acknowledged (acknowledge), open or acknowledged → closed (close); anything else is a conflict. The
 * enterprise itself and the office and district of its region may do it (alarm.handle); audited.
 */
export async function transitionAlarm(ctx: AppContext, p: Principal, id: number, to: 'acknowledged' | 'closed', note: string | undefined): Promise<AlarmOut> {
  return ctx.db.tx(async (q) => {
    const before = await loadAlarm(ctx, q, p, id);
    if (!can(p.grants, 'alarm.handle', target(before), await ctx.regions.get(q))) throw forbidden(`报警 ${id} / alarm ${id}`);
    const now = ctx.now();
    const from = to === 'acknowledged' ? ['open'] : ['open', 'acknowledged'];
    const set = to === 'acknowledged'
      ? "status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3, acknowledge_note = $4, updated_at = $3"
      : "status = 'closed', closed_by = $2, closed_at = $3, close_note = $4, updated_at = $3";
    const done = (await q.query(`update monitoring_alarms set ${set} where id = $1 and status = any($5::text[]) returning id`, [id, p.userId, now, note ?? null, from])).rows.length;
    if (!done) {
      const verb = to === 'acknowledged' ? { zh: '确认', en: 'acknowledged' } : { zh: '关闭', en: 'closed' };
      throw conflict(`报警 ${id} 当前状态为“${STATUS_ZH[before.status]}”，不能${verb.zh}`, `Alarm ${id} is ${before.status} and cannot be ${verb.en}`, 'status');
    }
    const after = (await q.query<Row>(`${SELECT} where a.id = $1`, [id])).rows[0];
    await appendAudit(q, { userId: p.userId, username: p.username }, {
      action: to === 'acknowledged' ? 'acknowledge' : 'close', entityType: 'monitoring_alarm', entityId: id,
      regionId: before.region_id, organisationId: before.organisation_id, before: toOut(before), after: toOut(after),
    }, now);
    return toOut(after);
  });
}

/** Counts by status, per organisation and rule, of the alarms the principal may read (for dashboards). */
export async function alarmSummary(ctx: AppContext, p: Principal, query: AlarmSummaryQuery): Promise<AlarmSummary> {
  const { where, args } = filters(await visibleOrganisations(ctx, p, query.regionCode), query);
  const rows = (await ctx.db.query<{ organisation_id: number; name: string; code: string; rule: AlarmOut['rule']; status: AlarmStatus; n: number }>(
    `select a.organisation_id, o.name, r.code, a.rule, a.status, count(*)::int as n
       from monitoring_alarms a join monitoring_points p on p.id = a.point_id join organisations o on o.id = a.organisation_id join regions r on r.id = o.region_id
      where ${where} group by 1, 2, 3, 4, 5 order by r.code, o.name, a.organisation_id, a.rule`, args,
  )).rows;
  const zero = () => ({ open: 0, acknowledged: 0, closed: 0 });
  const totals = zero();
  const orgs = new Map<number, AlarmSummary['organisations'][number]>();
  for (const r of rows) {
    let o = orgs.get(r.organisation_id);
    if (!o) orgs.set(r.organisation_id, (o = { organisationId: r.organisation_id, enterpriseName: r.name, regionCode: r.code, ...zero(), rules: [] }));
    let rule = o.rules.find((x) => x.rule === r.rule);
    if (!rule) o.rules.push((rule = { rule: r.rule, ...zero() }));
    rule[r.status] += r.n;
    o[r.status] += r.n;
    totals[r.status] += r.n;
  }
  return { totals, organisations: [...orgs.values()] };
}
