import type { Queryable } from '../../db/index.ts';
import type { RegionalInventory } from '../../core/accounting/index.ts';
import type { Figure } from '../../core/accounting/lineage.ts';
import { valueIn } from '../../core/units/index.ts';
import { appendAudit, type Actor } from '../audit/log.ts';

/**
 * Which plan indicators (src/core/plans/indicators*.ts) a regional inventory computes, and how its figure is
 * expressed in the indicator's unit. `to` is the unit the core converts into; `unit` is the catalogue's unit,
 * written as plans write it (the catalogue writes CO2 mass as 万吨, the unit table as 万吨二氧化碳).
 * Checked against the catalogue in feed.test.ts.
 */
export const INVENTORY_INDICATORS: ReadonlyArray<{ code: string; to: string; unit: string; pick: (i: RegionalInventory) => Figure }> = [
  { code: 'total_energy_consumption', to: '万吨标准煤', unit: '万吨标准煤', pick: (i) => i.energy.total },
  { code: 'energy_intensity', to: '吨标准煤/万元', unit: '吨标准煤/万元', pick: (i) => i.intensity.energy },
  // energy-activity CO2 incl. net electricity/heat inflows per 万元 (the intensity indicator's numerator)
  { code: 'carbon_intensity', to: '吨二氧化碳/万元', unit: '吨二氧化碳/万元', pick: (i) => i.intensity.co2 },
  // all CO2: combustion + industrial processes + net inflows (removals not deducted)
  { code: 'co2_emissions', to: '万吨二氧化碳', unit: '万吨', pick: (i) => i.co2.totals.withIndirect },
  { code: 'non_fossil_share', to: '%', unit: '%', pick: (i) => i.energy.nonFossilShare },
];

const NOTE_PREFIX = '由区域清单 #';

export interface Fed {
  indicatorCode: string;
  value: number;
  unit: string;
  written: boolean;
  reason: { zh: string; en: string } | null;
}

/**
 * Writes the inventory's figures as computed observations (status submitted, for the office to approve),
 * each audited. A value a person entered and submitted, and any approved value, is kept: the computed value
 * is then only reported back with the reason.
 */
export async function feedObservations(q: Queryable, actor: Actor, now: Date, o: { inventoryId: number; regionId: number; result: RegionalInventory }): Promise<Fed[]> {
  const units = new Map((await q.query<{ code: string; unit: string }>('select code, unit from indicators where code = any($1::text[])', [INVENTORY_INDICATORS.map((i) => i.code)])).rows.map((r) => [r.code, r.unit]));
  const set = o.result.factorSet;
  const out: Fed[] = [];
  for (const ind of INVENTORY_INDICATORS) {
    const figure = ind.pick(o.result);
    const value = valueIn(figure, ind.to);
    const base = { indicatorCode: ind.code, value, unit: ind.unit };
    if (units.get(ind.code) !== ind.unit) {
      out.push({ ...base, written: false, reason: { zh: `指标库中该指标的单位为“${units.get(ind.code) ?? '（无此指标）'}”`, en: `the catalogue's unit is "${units.get(ind.code) ?? '(no such indicator)'}"` } });
      continue;
    }
    const before = (await q.query<{ id: number; value: number; unit: string; source: string; status: string; note: string | null }>(
      'select id, value, unit, source, status, note from observations where indicator_code = $1 and region_id = $2 and year = $3',
      [ind.code, o.regionId, o.result.year],
    )).rows[0];
    if (before?.status === 'approved') {
      out.push({ ...base, written: false, reason: { zh: '已审核通过的数值不被覆盖', en: 'an approved value is not overwritten' } });
      continue;
    }
    // Entering a value by hand over a computed one keeps source = 'computed' (observations/service.ts does not
    // update the source), so a computed value is recognised by the note this function writes, too.
    const computedBefore = before?.source === 'computed' && (before.note ?? '').startsWith(NOTE_PREFIX);
    if (before && !computedBefore && before.status === 'submitted') {
      out.push({ ...base, written: false, reason: { zh: '人工填报并已提交的数值不被覆盖', en: 'a value entered and submitted by a person is not overwritten' } });
      continue;
    }
    const note = `${NOTE_PREFIX}${o.inventoryId} 计算（因子集 ${set.name} v${set.version}，${figure.lineage}）`;
    const id = (await q.query<{ id: number }>(
      `insert into observations (indicator_code, region_id, year, value, unit, source, status, note, entered_by, organisation_id, updated_at)
       values ($1, $2, $3, $4, $5, 'computed', 'submitted', $6, $7, null, $8)
       on conflict (indicator_code, region_id, year) do update set value = excluded.value, unit = excluded.unit, source = excluded.source,
         status = excluded.status, note = excluded.note, entered_by = excluded.entered_by, organisation_id = null, updated_at = excluded.updated_at
       returning id`,
      [ind.code, o.regionId, o.result.year, value, ind.unit, note, actor.userId, now],
    )).rows[0].id;
    const after = { indicatorCode: ind.code, regionId: o.regionId, year: o.result.year, value, unit: ind.unit, source: 'computed', status: 'submitted', note };
    await appendAudit(q, actor, { action: before ? 'update' : 'create', entityType: 'observation', entityId: id, regionId: o.regionId, before, after }, now);
    out.push({ ...base, written: true, reason: null });
  }
  return out;
}
