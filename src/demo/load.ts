import type { Db, Queryable } from '../db/index.ts';
import { creditCodeCheckChar } from '../core/organisations/credit-code.ts';
import { parseIndustryCode } from '../core/organisations/industry.ts';
import { parseRegionCode } from '../core/regions/codes.ts';
import { appendAudit, type Actor } from '../server/audit/log.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { getSetting, setSetting } from '../server/settings.ts';
import { DEMO_REGIONS } from './regions.ts';
import { DEMO_ORGS } from './organisations.ts';
import { DEMO_USERS } from './users.ts';
import { loadSeedPlans } from './seed-plans.ts';
import { ACCOUNTING_DEMO, loadAccountingDemo } from './accounting.ts';
import { loadMonitoringDemo, loadMonitoringHistory } from './monitoring.ts';

const LOADER: Actor = { userId: null, username: 'demo-loader' };

/**
 * A demo credit code that passes the GB 32100 check: authority 9 (market regulation), type 1 (enterprise),
 * the region's six-digit code, organisation code `MA` + serial, computed check character.
 */
export function demoCreditCode(regionCode: string, serial: number): string {
  const digits = /^[0-9]{6}/.exec(regionCode)?.[0] ?? '500000';
  const first17 = `91${digits}MA0${String(serial).padStart(5, '0')}A`;
  return first17 + creditCodeCheckChar(first17);
}

async function idOf(q: Queryable, sql: string, arg: unknown): Promise<number> {
  const row = (await q.query<{ id: number }>(sql, [arg])).rows[0];
  if (!row) throw new Error(`demo data refers to a missing row: ${String(arg)}`);
  return row.id;
}

/**
 * Loads the demo regions, organisations and users, once. Rows that already exist are left as they are
 * (a user may have edited them). Everything is written in one transaction, with audit entries.
 */
export async function loadDemo(db: Db, now: Date, password: string, opts: { monitoringHistory?: boolean } = {}): Promise<{ loaded: boolean; users: string[] }> {
  // Monitoring history (hourly data of the demo points, see monitoring.ts) is asked for by the running platform,
  // not by the API tests; it is loaded once, also into a demo database loaded before it existed.
  const history = () => (opts.monitoringHistory ? loadMonitoringHistory(db, now, LOADER) : null);
  if (await getSetting<boolean>(db, 'demo_loaded')) {
    await history();
    return { loaded: false, users: [] };
  }
  const passwordHash = await hashPassword(password);
  await db.tx(async (q) => {
    const audit = (entityType: string, entityId: string | number, after: unknown, regionId: number | null = null, organisationId: number | null = null) =>
      appendAudit(q, LOADER, { action: 'create', entityType, entityId, after, regionId, organisationId }, now);
    for (const r of DEMO_REGIONS) {
      const { kind } = parseRegionCode(r.code);
      const parentId = r.parent ? await idOf(q, 'select id from regions where code = $1', r.parent) : null;
      const ins = await q.query<{ id: number }>(
        `insert into regions (code, code_kind, name, name_en, level, parent_id) values ($1, $2, $3, $4, $5, $6)
         on conflict (code) do nothing returning id`,
        [r.code, kind, r.name, r.nameEn, r.level, parentId],
      );
      if (!ins.rows[0]) continue;
      const id = ins.rows[0].id;
      for (const m of r.members ?? []) {
        await q.query('insert into region_members (region_id, member_id) values ($1, $2)', [id, await idOf(q, 'select id from regions where code = $1', m)]);
      }
      await audit('region', r.code, r, id);
    }
    let serial = 0;
    for (const o of DEMO_ORGS) {
      const regionId = await idOf(q, 'select id from regions where code = $1', o.region);
      const creditCode = o.kind === 'enterprise' || o.kind === 'verifier' ? demoCreditCode(o.region, ++serial) : null;
      const ins = await q.query<{ id: number }>(
        `insert into organisations (region_id, kind, name, name_en, short_name, credit_code, industry_code, key_energy_user, key_emitter, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) on conflict do nothing returning id`,
        [regionId, o.kind, o.name, o.nameEn ?? null, o.shortName ?? null, creditCode, o.industryCode ? parseIndustryCode(o.industryCode) : null,
          o.keyEnergyUser ?? false, o.keyEmitter ?? false, now],
      );
      if (ins.rows[0]) await audit('organisation', ins.rows[0].id, { ...o, creditCode }, regionId, ins.rows[0].id);
    }
    for (const u of DEMO_USERS) {
      const ins = await q.query<{ id: number }>(
        `insert into users (username, display_name, password_hash, created_at, updated_at) values ($1, $2, $3, $4, $4)
         on conflict (username) do nothing returning id`,
        [u.username, u.displayName, passwordHash, now],
      );
      if (!ins.rows[0]) continue;
      const org = u.org ? (await q.query<{ id: number; region_id: number }>('select id, region_id from organisations where name = $1', [u.org])).rows[0] : undefined;
      if (u.org && !org) throw new Error(`demo user ${u.username} names a missing organisation ${u.org}`);
      const regionId = u.region ? await idOf(q, 'select id from regions where code = $1', u.region) : org?.region_id ?? null;
      await q.query('insert into user_roles (user_id, role, region_id, organisation_id) values ($1, $2, $3, $4)', [ins.rows[0].id, u.role, regionId, org?.id ?? null]);
      await audit('user', ins.rows[0].id, { username: u.username, role: u.role, region: u.region, org: u.org });
    }
    await loadSeedPlans(q, LOADER, now);
    await loadAccountingDemo(q, LOADER, now, passwordHash);
    await loadMonitoringDemo(q, LOADER, now);
    await setSetting(q, 'demo_loaded', true);
  });
  await history();
  return { loaded: true, users: [...DEMO_USERS, ...ACCOUNTING_DEMO.users].map((u) => u.username) };
}
