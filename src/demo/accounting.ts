import { readFileSync } from 'node:fs';
import type { Queryable } from '../db/index.ts';
import { computeEnterpriseReport, computeRegionalInventory } from '../core/accounting/index.ts';
import { addLocalFactorFile } from '../core/factors/index.ts';
import { appendAudit, type Actor } from '../server/audit/log.ts';
import { insertFactorSet, loadDefaultSet } from '../server/accounting/factor-sets.ts';
import { saveInventory } from '../server/accounting/inventories.ts';
import { saveEnterpriseReport } from '../server/accounting/enterprise.ts';
import { getOrganisationRow } from '../server/organisations/repo.ts';

const SAMPLES = new URL('../core/accounting/samples/', import.meta.url);
const sample = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, SAMPLES), 'utf8'));

/**
 * The accounting demo: the fictional 示范市 of src/core/accounting/samples (code 430000-DEMO, a local code under
 * 湖南省, marked 演示), its office and cement plant with a user each, the sample's local factors as a new
 * version of the seed set, the 2020 and 2023 inventories (which feed 示范市's indicators) and the cement
 * plant's 2023 report. Everything is written in the demo loader's transaction, audited.
 */
export const ACCOUNTING_DEMO = {
  region: { code: '430000-DEMO', name: '示范市（演示）', nameEn: 'Demo City (demo)', level: 'city', parent: '430000' },
  office: '示范市碳达峰碳中和工作领导小组办公室（演示）',
  cement: { name: '示范水泥有限公司（演示）', creditCode: '91430000MA4DEM001F', industry: 'C3011' },
  users: [
    { username: 'demo.office', displayName: '示范市双碳办（演示）', role: 'office' as const },
    { username: 'demo.cement', displayName: '示范水泥能源管理员（演示）', role: 'enterprise' as const },
  ],
};

export async function loadAccountingDemo(q: Queryable, actor: Actor, now: Date, passwordHash: string): Promise<void> {
  const d = ACCOUNTING_DEMO;
  const audit = (entityType: string, entityId: string | number, after: unknown, regionId: number | null, organisationId: number | null = null) =>
    appendAudit(q, actor, { action: 'create', entityType, entityId, after, regionId, organisationId }, now);
  const parent = (await q.query<{ id: number }>('select id from regions where code = $1', [d.region.parent])).rows[0];
  if (!parent) throw new Error(`accounting demo: parent region ${d.region.parent} is not loaded`);
  const regionId = (await q.query<{ id: number }>(
    `insert into regions (code, code_kind, name, name_en, level, parent_id) values ($1, 'local', $2, $3, $4, $5) returning id`,
    [d.region.code, d.region.name, d.region.nameEn, d.region.level, parent.id],
  )).rows[0].id;
  await audit('region', d.region.code, d.region, regionId);
  const org = async (kind: string, name: string, creditCode: string | null, industry: string | null) => {
    const id = (await q.query<{ id: number }>(
      `insert into organisations (region_id, kind, name, credit_code, industry_code, key_energy_user, key_emitter, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $6, $7, $7) returning id`,
      [regionId, kind, name, creditCode, industry, kind === 'enterprise', now],
    )).rows[0].id;
    await audit('organisation', id, { region: d.region.code, kind, name, creditCode, industry }, regionId, id);
    return id;
  };
  await org('office', d.office, null, null);
  const cementId = await org('enterprise', d.cement.name, d.cement.creditCode, d.cement.industry);
  for (const u of d.users) {
    const userId = (await q.query<{ id: number }>(
      'insert into users (username, display_name, password_hash, created_at, updated_at) values ($1, $2, $3, $4, $4) returning id',
      [u.username, u.displayName, passwordHash, now],
    )).rows[0].id;
    const orgId = u.role === 'enterprise' ? cementId : null;
    await q.query('insert into user_roles (user_id, role, region_id, organisation_id) values ($1, $2, $3, $4)', [userId, u.role, u.role === 'office' ? regionId : null, orgId]);
    await audit('user', userId, { username: u.username, role: u.role, region: u.role === 'office' ? d.region.code : undefined, org: orgId ?? undefined }, null);
  }

  // The sample's local factors (illustrative forest species parameters) as the seed's next version.
  const seed = await loadDefaultSet(q);
  const local = sample('demo-local-factors.json');
  const set = addLocalFactorFile(seed.set, local);
  const row = await insertFactorSet(q, set, { parent: seed.row, note: String(local.description ?? ''), userId: null, now });
  await audit('factor_set', row.id, { name: row.name, version: row.version, parentId: seed.row.id, fingerprint: row.fingerprint, factors: local.factors }, null);
  const loaded = { row, set };

  for (const year of [2020, 2023]) {
    const input = sample(`demo-region-${year}.json`);
    await saveInventory(q, actor, now, { regionId, loaded, input, result: computeRegionalInventory(input, set), sourceName: `demo-region-${year}.json` });
  }
  const report = sample('enterprise-cement-2023.json');
  const cement = (await getOrganisationRow(q, cementId))!;
  await saveEnterpriseReport(q, actor, now, { org: cement, loaded, input: report, result: computeEnterpriseReport(report, set), status: 'submitted' });
}
