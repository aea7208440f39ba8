import type { Queryable } from '../db/index.ts';
import type { FactorConfig, PointInfo } from './validate.ts';

/**
 * MN → registered point, cached for a few seconds so that a point added through the API or the CLI
 * is seen by the listener without a restart, and a device reconnecting in a loop costs no query each time.
 */
export class PointRegistry {
  private cache = new Map<string, { at: number; point: PointInfo | null }>();

  constructor(private readonly q: Queryable, private readonly ttlMs = 5000, private readonly clock: () => number = Date.now) {}

  async get(mn: string): Promise<PointInfo | null> {
    const hit = this.cache.get(mn);
    if (hit && this.clock() - hit.at < this.ttlMs) return hit.point;
    const point = await loadPoint(this.q, mn);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(mn, { at: this.clock(), point });
    return point;
  }

  invalidate(mn?: string): void {
    if (mn) this.cache.delete(mn);
    else this.cache.clear();
  }
}

export async function loadPoint(q: Queryable, mn: string): Promise<PointInfo | null> {
  const p = (await q.query<{ id: number; mn: string; pw: string; active: boolean; interval_seconds: number }>(
    'select id, mn, pw, active, interval_seconds from monitoring_points where mn = $1', [mn],
  )).rows[0];
  if (!p) return null;
  const factors = new Map<string, FactorConfig>();
  const rows = (await q.query<{ code: string; multiplier: number; offset: number; min_value: number | null; max_value: number | null }>(
    'select code, multiplier, "offset", min_value, max_value from monitoring_point_factors where point_id = $1', [p.id],
  )).rows;
  for (const f of rows) factors.set(f.code, { multiplier: f.multiplier, offset: f.offset, min: f.min_value, max: f.max_value });
  return { id: p.id, mn: p.mn, pw: p.pw, active: p.active, intervalSeconds: p.interval_seconds, factors };
}
