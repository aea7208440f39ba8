import type { Queryable } from '../../db/index.ts';
import type { RegionOut } from '../../contracts/regions.ts';
import { HttpError } from '../http/errors.ts';

interface RegionRow {
  id: number; code: string; code_kind: 'gbt2260' | 'local'; name: string; name_en: string; level: string;
  parent_id: number | null; parent_code: string | null; member_codes: string[] | null;
}

const SELECT = `select r.id, r.code, r.code_kind, r.name, r.name_en, r.level, r.parent_id, p.code as parent_code,
  (select array_agg(m.code order by m.code) from region_members rm join regions m on m.id = rm.member_id where rm.region_id = r.id) as member_codes
  from regions r left join regions p on p.id = r.parent_id`;

const toOut = (r: RegionRow): RegionOut => ({
  id: r.id, code: r.code, codeKind: r.code_kind, name: r.name, nameEn: r.name_en, level: r.level,
  parentId: r.parent_id, parentCode: r.parent_code, memberCodes: r.member_codes ?? [],
});

export async function listRegions(q: Queryable): Promise<RegionOut[]> {
  return (await q.query<RegionRow>(`${SELECT} order by r.code`)).rows.map(toOut);
}

export async function findRegion(q: Queryable, code: string): Promise<RegionOut | undefined> {
  const row = (await q.query<RegionRow>(`${SELECT} where r.code = $1`, [code.trim().toUpperCase()])).rows[0];
  return row && toOut(row);
}

/** The region a request names in a field, or a 400 naming that field. */
export async function requireRegion(q: Queryable, code: string, field = 'regionCode'): Promise<RegionOut> {
  const r = await findRegion(q, code);
  if (!r) {
    throw new HttpError(400, 'unknown_region', {
      field, zh: `${field}：地区代码“${code}”不存在`, en: `${field}: unknown region code "${code}"`,
    });
  }
  return r;
}
