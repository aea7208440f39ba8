import type { Queryable } from '../../db/index.ts';
import { can } from '../../core/access/policy.ts';
import { computeEnterpriseReport, type EnterpriseResult } from '../../core/accounting/index.ts';
import type { EnterpriseReportOut } from '../../contracts/accounting.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { loadOrganisation } from '../access/guard.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { requireRegion } from '../regions/repo.ts';
import type { OrganisationRow } from '../organisations/repo.ts';
import { setRef, type LoadedSet } from './factor-sets.ts';
import { actorOf, chooseSet, computeSafely, splitBody } from './inventories.ts';
import { enterpriseSummary } from './summary.ts';

interface Row {
  id: number; organisation_id: number; organisation_name: string; credit_code: string; region_id: number; region_code: string; year: number;
  status: EnterpriseReportOut['status']; factor_set_id: number; set_name: string; set_version: number; factor_set_fingerprint: string; input_hash: string;
  created_by: string | null; created_at: Date; updated_at: Date; summary: EnterpriseReportOut['summary'];
}
const SELECT = `select e.id, e.organisation_id, o.name as organisation_name, o.credit_code, e.region_id, r.code as region_code, e.year, e.status,
  e.factor_set_id, s.name as set_name, s.version as set_version, e.factor_set_fingerprint, e.input_hash, u.username as created_by, e.created_at,
  e.updated_at, e.summary
  from enterprise_reports e join organisations o on o.id = e.organisation_id join regions r on r.id = e.region_id
  join factor_sets s on s.id = e.factor_set_id left join users u on u.id = e.created_by`;

export const toReportOut = (r: Row): EnterpriseReportOut => ({
  id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, creditCode: r.credit_code, regionCode: r.region_code, year: r.year,
  status: r.status, factorSet: { id: r.factor_set_id, name: r.set_name, version: r.set_version, fingerprint: r.factor_set_fingerprint },
  inputHash: r.input_hash, createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), summary: r.summary,
});

const target = (r: { region_id: number; organisation_id: number }) => ({ regionId: r.region_id, organisationId: r.organisation_id, confidential: true });

/** The report's enterprise must be the organisation it is filed for: same credit code, same region. */
function checkIdentity(result: EnterpriseResult, org: OrganisationRow) {
  if (result.enterprise.creditCode !== org.credit_code) {
    throw new HttpError(400, 'enterprise_mismatch', {
      field: 'enterprise.creditCode', zh: `enterprise.creditCode：报告中的统一社会信用代码 ${result.enterprise.creditCode} 不是 ${org.name} 的代码（${org.credit_code}）`,
      en: `enterprise.creditCode: the report's credit code ${result.enterprise.creditCode} is not that of ${org.name} (${org.credit_code})`,
    });
  }
  if (result.enterprise.regionCode !== org.region_code) {
    throw new HttpError(400, 'enterprise_mismatch', {
      field: 'enterprise.regionCode', zh: `enterprise.regionCode：报告中的地区 ${result.enterprise.regionCode} 不是 ${org.name} 所在地区（${org.region_code}）`,
      en: `enterprise.regionCode: the report's region ${result.enterprise.regionCode} is not ${org.name}'s (${org.region_code})`,
    });
  }
}

/**
 * Stores one enterprise's annual report in the caller's transaction: a draft may be replaced, a submitted
 * report is locked. The caller has checked that the actor may write for the organisation.
 */
export async function saveEnterpriseReport(q: Queryable, actor: Actor, now: Date, o: { org: OrganisationRow; loaded: LoadedSet; input: unknown; result: EnterpriseResult; status: 'draft' | 'submitted' }): Promise<number> {
  checkIdentity(o.result, o.org);
  const before = (await q.query<Row>(`${SELECT} where e.organisation_id = $1 and e.year = $2`, [o.org.id, o.result.year])).rows[0];
  if (before?.status === 'submitted') {
    throw conflict(`${o.org.name}${o.result.year}年的报告已报送，不能修改（#${before.id}）`, `The ${o.result.year} report of ${o.org.name} is already submitted and cannot be changed (#${before.id})`, 'year');
  }
  const summary = enterpriseSummary(o.result);
  const id = (await q.query<{ id: number }>(
    `insert into enterprise_reports (organisation_id, region_id, year, status, factor_set_id, factor_set_fingerprint, input_hash, calculator, input, result, summary, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $13)
     on conflict (organisation_id, year) do update set status = excluded.status, factor_set_id = excluded.factor_set_id,
       factor_set_fingerprint = excluded.factor_set_fingerprint, input_hash = excluded.input_hash, calculator = excluded.calculator, input = excluded.input,
       result = excluded.result, summary = excluded.summary, created_by = excluded.created_by, updated_at = excluded.updated_at
     returning id`,
    [o.org.id, o.org.region_id, o.result.year, o.status, o.loaded.row.id, o.loaded.set.fingerprint, o.result.inputHash, o.result.calculator,
      JSON.stringify(o.input), JSON.stringify(o.result), JSON.stringify(summary), actor.userId, now],
  )).rows[0].id;
  await appendAudit(q, actor, {
    action: before ? 'update' : 'create', entityType: 'enterprise_report', entityId: id, regionId: o.org.region_id, organisationId: o.org.id,
    before: before ? toReportOut(before) : undefined,
    after: { year: o.result.year, status: o.status, factorSet: setRef(o.loaded.row), inputHash: o.result.inputHash, guideline: o.result.guideline, summary },
  }, now);
  return id;
}

/** POST /api/enterprise-reports: an enterprise files for itself (organisationId defaults to its own). */
export async function fileEnterpriseReport(ctx: AppContext, p: Principal, body: Record<string, unknown> & { status: 'draft' | 'submitted'; organisationId?: number }) {
  const id = await ctx.db.tx(async (q) => {
    const orgId = body.organisationId ?? p.grants.find((g) => g.role === 'enterprise')?.organisationId ?? undefined;
    if (orgId == null) throw new HttpError(400, 'invalid_input', { field: 'organisationId', zh: 'organisationId：请指明报告所属企业', en: 'organisationId: name the enterprise the report is for' });
    const org = await loadOrganisation(ctx, q, p, orgId, 'enterprise_report.write');
    if (org.kind !== 'enterprise') throw new HttpError(400, 'invalid_input', { field: 'organisationId', zh: `organisationId：${org.name}不是企业`, en: `organisationId: ${org.name} is not an enterprise` });
    const { factorSetId, input } = splitBody(body, ['organisationId', 'status']);
    const loaded = await chooseSet(q, factorSetId);
    const result = computeSafely(() => computeEnterpriseReport(input, loaded.set));
    return saveEnterpriseReport(q, actorOf(p), ctx.now(), { org, loaded, input, result, status: body.status });
  });
  return getEnterpriseReport(ctx, p, id);
}

/** Reports the caller may read: an enterprise only its own; office, district and verifier those of their region. */
export async function listEnterpriseReports(ctx: AppContext, p: Principal, f: { organisation?: number; year?: number; region?: string }): Promise<EnterpriseReportOut[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.organisation !== undefined) { args.push(f.organisation); where.push(`e.organisation_id = $${args.length}`); }
  if (f.year !== undefined) { args.push(f.year); where.push(`e.year = $${args.length}`); }
  const tree = await ctx.regions.get();
  let rows = (await ctx.db.query<Row>(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by e.year desc, o.name`, args)).rows;
  if (f.region) {
    const region = await requireRegion(ctx.db, f.region, 'region');
    rows = rows.filter((r) => tree.within(r.region_id, region.id));
  }
  return rows.filter((r) => can(p.grants, 'enterprise_report.read', target(r), tree)).map(toReportOut);
}

export async function getEnterpriseReport(ctx: AppContext, p: Principal, id: number) {
  const row = (await ctx.db.query<Row & { input: unknown; result: unknown }>(`${SELECT.replace('e.summary', 'e.summary, e.input, e.result')} where e.id = $1`, [id])).rows[0];
  if (!row || !can(p.grants, 'enterprise_report.read', target(row), await ctx.regions.get())) throw notFound('企业报告', 'Enterprise report', 'id');
  const { input, result, ...rest } = row;
  return { ...toReportOut(rest), input, result };
}
