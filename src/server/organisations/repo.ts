import type { Queryable } from '../../db/index.ts';
import type { OrganisationOut } from '../../contracts/organisations.ts';

export interface OrganisationRow {
  id: number;
  region_id: number;
  region_code: string;
  region_name: string;
  kind: OrganisationOut['kind'];
  name: string;
  name_en: string | null;
  short_name: string | null;
  credit_code: string | null;
  industry_code: string | null;
  key_energy_user: boolean;
  key_emitter: boolean;
  created_at: Date;
  updated_at: Date;
}

export const ORG_SELECT = `select o.id, o.region_id, r.code as region_code, r.name as region_name, o.kind, o.name, o.name_en,
  o.short_name, o.credit_code, o.industry_code, o.key_energy_user, o.key_emitter, o.created_at, o.updated_at
  from organisations o join regions r on r.id = o.region_id`;

export async function getOrganisationRow(q: Queryable, id: number): Promise<OrganisationRow | undefined> {
  return (await q.query<OrganisationRow>(`${ORG_SELECT} where o.id = $1`, [id])).rows[0];
}

export const toOrganisationOut = (r: OrganisationRow): OrganisationOut => ({
  id: r.id, regionId: r.region_id, regionCode: r.region_code, regionName: r.region_name, kind: r.kind, name: r.name,
  nameEn: r.name_en, shortName: r.short_name, creditCode: r.credit_code, industryCode: r.industry_code,
  keyEnergyUser: r.key_energy_user, keyEmitter: r.key_emitter, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});
