import type { Queryable } from '../../db/index.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { compareWithBase, computeRegionalInventory, type RegionalInventory } from '../../core/accounting/index.ts';
import type { InventoryComputed, InventoryDetail, InventoryListItem, InventorySummary } from '../../contracts/accounting.ts';
import type { AppContext } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { assertCan } from '../access/guard.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { findRegion, requireRegion } from '../regions/repo.ts';
import { feedObservations, type Fed } from './feed.ts';
import { loadDefaultSet, loadFactorSet, setRef, type LoadedSet } from './factor-sets.ts';
import { inventorySummary } from './summary.ts';

interface Row {
  id: number; region_id: number; region_code: string; region_name: string; year: number; factor_set_id: number; set_name: string; set_version: number;
  factor_set_fingerprint: string; input_hash: string; calculator: string; source_name: string | null; created_by: string | null; created_at: Date;
  summary: InventorySummary;
}
const SELECT = `select i.id, i.region_id, r.code as region_code, r.name as region_name, i.year, i.factor_set_id, s.name as set_name, s.version as set_version,
  i.factor_set_fingerprint, i.input_hash, i.calculator, i.source_name, u.username as created_by, i.created_at, i.summary
  from inventories i join regions r on r.id = i.region_id join factor_sets s on s.id = i.factor_set_id left join users u on u.id = i.created_by`;

const toItem = (r: Row): InventoryListItem => ({
  id: r.id, regionCode: r.region_code, regionName: r.region_name, year: r.year,
  factorSet: { id: r.factor_set_id, name: r.set_name, version: r.set_version, fingerprint: r.factor_set_fingerprint },
  inputHash: r.input_hash, calculator: r.calculator, sourceName: r.source_name, createdBy: r.created_by, createdAt: r.created_at.toISOString(), summary: r.summary,
});

export const actorOf = (p: Principal): Actor => ({ userId: p.userId, username: p.username });

/** Splits an API body into the factor set it names and the balance itself (the core's strict schema knows no factorSetId). */
export function splitBody<T extends Record<string, unknown>>(body: T, extra: readonly string[] = []): { factorSetId?: number; input: Record<string, unknown> } {
  const input: Record<string, unknown> = { ...body };
  const factorSetId = input.factorSetId as number | undefined;
  for (const k of ['factorSetId', ...extra]) delete input[k];
  return { factorSetId, input };
}

export async function chooseSet(q: Queryable, factorSetId: number | undefined): Promise<LoadedSet> {
  return factorSetId === undefined ? loadDefaultSet(q) : loadFactorSet(q, factorSetId);
}

export function computed(loaded: LoadedSet, result: RegionalInventory): InventoryComputed {
  return { factorSet: setRef(loaded.row), summary: inventorySummary(result), result };
}

/** Runs a core calculation; numbers too large to compute are the input's problem (400), not a crash. */
export function computeSafely<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && !(e instanceof HttpError) && /non-finite/.test(e.message)) {
      throw new HttpError(400, 'not_computable', { zh: `输入的数量过大，计算结果超出数值范围（${e.message}）`, en: `the input's quantities are too large to compute (${e.message})` });
    }
    throw e;
  }
}

/** Validates and computes a balance with a stored set; writes nothing. */
export async function computeInventory(q: Queryable, body: Record<string, unknown>): Promise<InventoryComputed & { loaded: LoadedSet; inventory: RegionalInventory; input: Record<string, unknown> }> {
  const { factorSetId, input } = splitBody(body);
  const loaded = await chooseSet(q, factorSetId);
  const inventory = computeSafely(() => computeRegionalInventory(input, loaded.set));
  return { ...computed(loaded, inventory), loaded, inventory, input };
}

/**
 * Stores a computed inventory with its input, result, factor set and input hash, feeds the plan indicators,
 * and audits it — inside the caller's transaction. The caller has checked the right to write the region.
 */
export async function saveInventory(q: Queryable, actor: Actor, now: Date, o: { regionId: number; loaded: LoadedSet; input: unknown; result: RegionalInventory; sourceName?: string | null }): Promise<{ id: number; fed: Fed[] }> {
  const dup = (await q.query<{ id: number }>(
    'select id from inventories where region_id = $1 and year = $2 and factor_set_id = $3 and input_hash = $4', [o.regionId, o.result.year, o.loaded.row.id, o.result.inputHash],
  )).rows[0];
  if (dup) throw conflict(`同一输入、同一因子集的${o.result.year}年清单已保存（#${dup.id}）`, `The same ${o.result.year} inventory (same input and factor set) is already stored (#${dup.id})`, 'factorSetId');
  const summary = inventorySummary(o.result);
  const id = (await q.query<{ id: number }>(
    `insert into inventories (region_id, year, factor_set_id, factor_set_fingerprint, input_hash, calculator, source_name, input, result, summary, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12) returning id`,
    [o.regionId, o.result.year, o.loaded.row.id, o.loaded.set.fingerprint, o.result.inputHash, o.result.calculator, o.sourceName ?? null,
      JSON.stringify(o.input), JSON.stringify(o.result), JSON.stringify(summary), actor.userId, now],
  )).rows[0].id;
  await appendAudit(q, actor, {
    action: 'create', entityType: 'inventory', entityId: id, regionId: o.regionId,
    after: { region: o.result.region, year: o.result.year, factorSet: setRef(o.loaded.row), inputHash: o.result.inputHash, calculator: o.result.calculator, sourceName: o.sourceName ?? null, summary },
  }, now);
  const fed = await feedObservations(q, actor, now, { inventoryId: id, regionId: o.regionId, result: o.result });
  return { id, fed };
}

/** Compute and store (API): office or district of the balance's region. */
export async function storeInventory(ctx: AppContext, p: Principal, body: Record<string, unknown>, sourceName: string | null = null): Promise<InventoryDetail> {
  const { id, fed } = await ctx.db.tx(async (q) => {
    // the right to write the region is checked before the balance is computed, when its code is readable
    const code = (body.region as { code?: unknown } | undefined)?.code;
    const early = typeof code === 'string' ? await findRegion(q, code) : undefined;
    if (early) await assertCan(ctx, q, p, 'inventory.write', { regionId: early.id }, early.name);
    const c = await computeInventory(q, body);
    const region = await requireRegion(q, c.inventory.region.code, 'region.code');
    await assertCan(ctx, q, p, 'inventory.write', { regionId: region.id }, region.name);
    return saveInventory(q, actorOf(p), ctx.now(), { regionId: region.id, loaded: c.loaded, input: c.input, result: c.inventory, sourceName });
  });
  return { ...(await getInventory(ctx.db, id)), fed };
}

export async function listInventories(q: Queryable, f: { region?: string; year?: number }): Promise<InventoryListItem[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.region) { args.push((await requireRegion(q, f.region, 'region')).id); where.push(`i.region_id = $${args.length}`); }
  if (f.year !== undefined) { args.push(f.year); where.push(`i.year = $${args.length}`); }
  return (await q.query<Row>(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.code, i.year desc, i.id desc`, args)).rows.map(toItem);
}

/** The stored row with its input and result, or a 404. */
export async function loadInventory(q: Queryable, id: number): Promise<{ row: Row; input: Record<string, unknown>; result: RegionalInventory }> {
  const row = (await q.query<Row & { input: Record<string, unknown>; result: RegionalInventory }>(`${SELECT.replace('i.summary', 'i.summary, i.input, i.result')} where i.id = $1`, [id])).rows[0];
  if (!row) throw notFound('清单', 'Inventory', 'id');
  const { input, result, ...rest } = row;
  return { row: rest, input, result };
}

export async function getInventory(q: Queryable, id: number, baseYear?: number): Promise<InventoryDetail> {
  const { row, input, result } = await loadInventory(q, id);
  let reduction: unknown = null;
  if (baseYear !== undefined) {
    const base = (await q.query<{ result: RegionalInventory }>(
      'select result from inventories where region_id = $1 and year = $2 and factor_set_id = $3 order by id desc limit 1', [row.region_id, baseYear, row.factor_set_id],
    )).rows[0];
    if (!base) {
      throw new HttpError(400, 'no_base_inventory', {
        field: 'baseYear', zh: `baseYear：${row.region_name}没有用同一因子集（#${row.factor_set_id}）核算的${baseYear}年清单`,
        en: `baseYear: ${row.region_code} has no ${baseYear} inventory computed with the same factor set (#${row.factor_set_id})`,
      });
    }
    reduction = compareWithBase(result, base.result);
  }
  return { ...toItem(row), input, result, reduction };
}

/** Recomputes a stored inventory from its stored input and stored factor set and compares with the stored result. */
export async function verifyInventory(q: Queryable, id: number) {
  const { row, input, result } = await loadInventory(q, id);
  let loaded: LoadedSet;
  try {
    loaded = await loadFactorSet(q, row.factor_set_id, 'field', 'factorSet');
  } catch (e) {
    if (e instanceof HttpError && e.code === 'factor_set_tampered') return { id, factorSetIntact: false, identical: false, differences: [], problem: { zh: e.zh, en: e.en } };
    throw e;
  }
  const again = computeRegionalInventory(input, loaded.set) as unknown as Record<string, unknown>;
  const stored = result as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(again), ...Object.keys(stored)])].sort();
  const differences = keys.filter((k) => canonicalJson(again[k] ?? null) !== canonicalJson(stored[k] ?? null));
  return { id, factorSetIntact: true, identical: differences.length === 0, differences, problem: null };
}

