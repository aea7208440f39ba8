import type { Queryable } from '../../db/index.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import type { IndicatorSeries, ObservationCreate, ObservationOut } from '../../contracts/plans.ts';
import { expectedAt } from '../../core/plans/index.ts';
import { appendAudit } from '../audit/log.ts';
import { assertCan } from '../access/guard.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { requireRegion } from '../regions/repo.ts';
import { listIndicators } from '../plans/indicators.ts';
import { targetColumns, toTargetOut, type TargetRow } from '../plans/rows.ts';
import { observedIndicator, pathFor, progressOf } from '../plans/progress.ts';

interface Row {
  id: number; indicator_code: string; region_code: string; region_name: string; region_id: number; year: number; value: number; unit: string;
  source: ObservationOut['source']; status: ObservationOut['status']; note: string | null; entered_by: string | null; updated_at: Date;
}
const SELECT = `select o.id, o.indicator_code, r.code as region_code, r.name as region_name, o.region_id, o.year, o.value, o.unit, o.source,
  o.status, o.note, u.username as entered_by, o.updated_at
  from observations o join regions r on r.id = o.region_id left join users u on u.id = o.entered_by`;
const toOut = (r: Row): ObservationOut => ({
  id: r.id, indicatorCode: r.indicator_code, regionCode: r.region_code, regionName: r.region_name, year: r.year, value: r.value, unit: r.unit,
  source: r.source, status: r.status, note: r.note, enteredBy: r.entered_by, updatedAt: r.updated_at.toISOString(),
});
const actor = (p: Principal) => ({ userId: p.userId, username: p.username });

export async function listObservations(q: Queryable, f: { region?: string; indicator?: string }): Promise<ObservationOut[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.region) { args.push((await requireRegion(q, f.region, 'region')).id); where.push(`o.region_id = $${args.length}`); }
  if (f.indicator) { args.push(f.indicator); where.push(`o.indicator_code = $${args.length}`); }
  return (await q.query<Row>(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.code, o.indicator_code, o.year`, args)).rows.map(toOut);
}

/** Enters (or replaces a not yet approved) value of an indicator for a region and year. */
export async function enterObservation(ctx: AppContext, p: Principal, body: ObservationCreate): Promise<ObservationOut> {
  return ctx.db.tx(async (q) => {
    const region = await requireRegion(q, body.regionCode);
    await assertCan(ctx, q, p, 'observation.write', { regionId: region.id }, region.name);
    const ind = (await q.query<{ unit: string }>('select unit from indicators where code = $1', [body.indicatorCode])).rows[0];
    if (!ind) throw new HttpError(400, 'unknown_indicator', { field: 'indicatorCode', zh: `indicatorCode：指标 ${body.indicatorCode} 不在指标库中`, en: `indicatorCode: ${body.indicatorCode} is not in the catalogue` });
    if (body.unit !== ind.unit) {
      throw new HttpError(400, 'wrong_unit', { field: 'unit', zh: `unit：该指标的单位是“${ind.unit || '（无量纲）'}”，不是“${body.unit}”`, en: `unit: this indicator is measured in "${ind.unit || '(dimensionless)'}", not "${body.unit}"` });
    }
    const before = (await q.query<Row>(`${SELECT} where o.indicator_code = $1 and o.region_id = $2 and o.year = $3`, [body.indicatorCode, region.id, body.year])).rows[0];
    if (before?.status === 'approved') {
      throw conflict(`${region.name}${body.year}年的该指标值已审核通过，不能覆盖`, `The ${body.year} value for ${region.name} is already approved and cannot be overwritten`, 'year');
    }
    const org = p.grants.find((g) => g.role === 'department')?.organisationId ?? null;
    const id = (await q.query<{ id: number }>(
      `insert into observations (indicator_code, region_id, year, value, unit, source, status, note, entered_by, organisation_id, updated_at)
       values ($1, $2, $3, $4, $5, 'entered', $6, $7, $8, $9, $10)
       on conflict (indicator_code, region_id, year) do update set value = excluded.value, source = excluded.source, status = excluded.status, note = excluded.note,
         entered_by = excluded.entered_by, organisation_id = excluded.organisation_id, updated_at = excluded.updated_at
       returning id`,
      [body.indicatorCode, region.id, body.year, body.value, body.unit, body.status, body.note ?? null, p.userId, org, ctx.now()],
    )).rows[0].id;
    const after = toOut((await q.query<Row>(`${SELECT} where o.id = $1`, [id])).rows[0]);
    await appendAudit(q, actor(p), { action: before ? 'update' : 'create', entityType: 'observation', entityId: id, regionId: region.id, before: before && toOut(before), after }, ctx.now());
    return after;
  });
}

export async function reviewObservation(ctx: AppContext, p: Principal, id: number, status: 'approved' | 'rejected', note?: string | null): Promise<ObservationOut> {
  return ctx.db.tx(async (q) => {
    const before = (await q.query<Row>(`${SELECT} where o.id = $1`, [id])).rows[0];
    if (!before) throw notFound('观测值', 'Observation', 'id');
    await assertCan(ctx, q, p, 'observation.review', { regionId: before.region_id }, before.region_name);
    if (before.status !== 'submitted') {
      throw conflict(`只能审核“已提交”的数值（当前：${before.status}）`, `Only submitted values can be reviewed (this one is ${before.status})`, 'status');
    }
    await q.query('update observations set status = $2, note = coalesce($3, note), updated_at = $4 where id = $1', [id, status, note ?? null, ctx.now()]);
    const after = toOut((await q.query<Row>(`${SELECT} where o.id = $1`, [id])).rows[0]);
    await appendAudit(q, actor(p), { action: status === 'approved' ? 'approve' : 'reject', entityType: 'observation', entityId: id, regionId: before.region_id, before: toOut(before), after }, ctx.now());
    return after;
  });
}

/** The observed series of an indicator in a region and the expected path of every target followed through it. */
export async function indicatorSeries(q: Queryable, code: string, regionCode: string): Promise<IndicatorSeries> {
  const indicator = (await listIndicators(q)).find((i) => i.code === code);
  if (!indicator) throw notFound(`指标 ${code} `, `Indicator ${code}`, 'code');
  const region = await requireRegion(q, regionCode, 'region');
  const observations = (await q.query<Row>(`${SELECT} where o.indicator_code = $1 and o.region_id = $2 order by o.year`, [code, region.id])).rows;
  const rates = (await listIndicators(q)).map((i) => i.code).filter((c) => observedIndicator(c) === code);
  const targets = (await q.query<TargetRow & { title: string; period_start: number }>(
    `select ${targetColumns('t')}, p.title, p.period_start from targets t join plans p on p.id = t.plan_id
      where p.region_id = $1 and t.indicator_code = any($2::text[]) and t.review_status <> 'rejected' order by t.year, t.id`,
    [region.id, rates],
  )).rows;
  const counted = observations.filter((o) => o.status === 'submitted' || o.status === 'approved');
  const out: IndicatorSeries['targets'] = [];
  for (const t of targets) {
    const path = pathFor(t, counted, t.period_start - 1);
    const progress = (await progressOf(q, region.id, [t], t.period_start - 1)).get(t.id) ?? null;
    const years = path ? Array.from({ length: path.year - path.baselineYear + 1 }, (_, i) => path.baselineYear + i) : [];
    out.push({ target: toTargetOut(t, progress), planTitle: t.title, path: path ? years.map((year) => ({ year, expected: expectedAt(path, year) })) : [] });
  }
  return { indicator, regionCode: region.code, observations: observations.map(toOut), targets: out };
}
