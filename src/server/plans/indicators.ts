import type { Queryable } from '../../db/index.ts';
import { INDICATORS, getIndicator } from '../../core/plans/index.ts';
import type { IndicatorOut } from '../../contracts/plans.ts';

/** The catalogue is code-reviewed data in the core; the table mirrors it so targets and observations can reference it. */
export async function syncIndicators(q: Queryable): Promise<void> {
  for (const i of INDICATORS) {
    await q.query(
      `insert into indicators (code, name, name_en, unit, direction, aggregation, category, computed_from)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, unit = excluded.unit, direction = excluded.direction,
         aggregation = excluded.aggregation, category = excluded.category, computed_from = excluded.computed_from, updated_at = now()
       where (indicators.name, indicators.name_en, indicators.unit, indicators.direction, indicators.aggregation, indicators.category, indicators.computed_from)
         is distinct from (excluded.name, excluded.name_en, excluded.unit, excluded.direction, excluded.aggregation, excluded.category, excluded.computed_from)`,
      [i.code, i.zh, i.en, i.unit, i.direction, i.aggregation, i.category, i.computedFrom],
    );
  }
}

export async function listIndicators(q: Queryable): Promise<IndicatorOut[]> {
  const rows = (await q.query<{ code: string; name: string; name_en: string; unit: string; direction: IndicatorOut['direction']; aggregation: string; category: string; computed_from: string[] }>(
    'select code, name, name_en, unit, direction, aggregation, category, computed_from from indicators order by category, code',
  )).rows;
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, unit: r.unit, direction: r.direction, aggregation: r.aggregation, category: r.category, computedFrom: r.computed_from, rateOf: getIndicator(r.code)?.rateOf ?? null }));
}
