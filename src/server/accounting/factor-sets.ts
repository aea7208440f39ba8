import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Queryable } from '../../db/index.ts';
import { DomainError } from '../../core/errors.ts';
import { createFactorSet, headRecords, refOf, restoreFactorSet, seedFactorSet, type FactorRecord, type FactorSet } from '../../core/factors/index.ts';
import type { FactorRecordRow, FactorSetOut, FactorSetRef } from '../../contracts/accounting.ts';
import { HttpError, notFound } from '../http/errors.ts';

/** The reference data the seed set is built from (copied from the project's shared folder). */
export const REFERENCE_URL = new URL('../../../assets/reference/accounting-data.json', import.meta.url);

export interface SetRow {
  id: number; name: string; version: number; parent_id: number | null; parent_fingerprint: string | null; fingerprint: string;
  record_count: number; note: string | null; seed_hash: string | null; created_by: string | null; created_at: Date;
}
const COLUMNS = `s.id, s.name, s.version, s.parent_id, s.parent_fingerprint, s.fingerprint, s.record_count, s.note, s.seed_hash,
  u.username as created_by, s.created_at`;
const FROM = 'from factor_sets s left join users u on u.id = s.created_by';

/** A stored set, restored and checked against its fingerprint. */
export interface LoadedSet {
  row: SetRow;
  set: FactorSet;
}

export const setRef = (r: Pick<SetRow, 'id' | 'name' | 'version' | 'fingerprint'>): FactorSetRef => ({ id: r.id, name: r.name, version: r.version, fingerprint: r.fingerprint });

export const toSetOut = (r: SetRow, intact: boolean): FactorSetOut => ({
  ...setRef(r), parentId: r.parent_id, parentFingerprint: r.parent_fingerprint, recordCount: r.record_count, note: r.note,
  seed: r.seed_hash !== null, createdBy: r.created_by, createdAt: r.created_at.toISOString(), intact,
});

export function tampered(r: Pick<SetRow, 'id' | 'name' | 'version'>, why: { zh: string; en: string }, field = 'factorSetId'): HttpError {
  return new HttpError(409, 'factor_set_tampered', {
    field,
    zh: `${field}：因子集 #${r.id}（${r.name} v${r.version}）的存储内容与其指纹不符，已被改动，不能使用：${why.zh}`,
    en: `${field}: factor set #${r.id} (${r.name} v${r.version}) no longer matches its fingerprint and is refused: ${why.en}`,
  });
}

/** Restores a row's content; the name, version and fingerprint columns must agree with it too. */
function restore(row: SetRow, content: unknown, field: string): FactorSet {
  let set: FactorSet;
  try {
    set = restoreFactorSet(content);
  } catch (e) {
    if (e instanceof DomainError) throw tampered(row, e, field);
    throw e;
  }
  if (set.fingerprint !== row.fingerprint || set.name !== row.name || set.version !== row.version) {
    throw tampered(row, { zh: '名称、版本或指纹与记录不一致', en: 'name, version or fingerprint differ from the row' }, field);
  }
  return set;
}

export async function listSetRows(q: Queryable): Promise<SetRow[]> {
  return (await q.query<SetRow>(`select ${COLUMNS} ${FROM} order by s.name, s.version`)).rows;
}

export async function getSetRow(q: Queryable, id: number): Promise<SetRow | undefined> {
  return (await q.query<SetRow>(`select ${COLUMNS} ${FROM} where s.id = $1`, [id])).rows[0];
}

/**
 * Loads and restores a set. `as: 'param'` — a path id: 404 when missing; `as: 'field'` — a body field: 400 naming it.
 * A set whose content was changed is refused (409) either way.
 */
export async function loadFactorSet(q: Queryable, id: number, as: 'param' | 'field' = 'field', field = 'factorSetId'): Promise<LoadedSet> {
  const row = (await q.query<SetRow & { content: unknown }>(`select ${COLUMNS}, s.content ${FROM} where s.id = $1`, [id])).rows[0];
  if (!row) {
    if (as === 'param') throw notFound('因子集', 'Factor set', 'id');
    throw new HttpError(400, 'unknown_factor_set', { field, zh: `${field}：因子集 #${id} 不存在`, en: `${field}: factor set #${id} does not exist` });
  }
  const { content, ...rest } = row;
  return { row: rest, set: restore(rest, content, as === 'param' ? 'id' : field) };
}

/** The set a calculation uses when none is named: the newest seed set. */
export async function loadDefaultSet(q: Queryable): Promise<LoadedSet> {
  const id = (await q.query<{ id: number }>('select id from factor_sets where seed_hash is not null order by id desc limit 1')).rows[0]?.id;
  if (id === undefined) throw new HttpError(409, 'no_factor_set', { field: 'factorSetId', zh: 'factorSetId：因子库尚未初始化', en: 'factorSetId: the factor library is not seeded yet' });
  return loadFactorSet(q, id);
}

/** Whether a stored set still restores to its fingerprint. */
export async function isIntact(q: Queryable, row: SetRow): Promise<boolean> {
  try {
    await loadFactorSet(q, row.id, 'param');
    return true;
  } catch (e) {
    if (e instanceof HttpError && e.code === 'factor_set_tampered') return false;
    throw e;
  }
}

/** Inserts a new set row (the caller audits it). Name+version and content (fingerprint) must be new. */
export async function insertFactorSet(q: Queryable, set: FactorSet, o: { parent?: SetRow; note?: string | null; seedHash?: string; userId: number | null; now?: Date }): Promise<SetRow> {
  const same = (await q.query<{ id: number; name: string; version: number }>('select id, name, version from factor_sets where fingerprint = $1', [set.fingerprint])).rows[0];
  if (same) {
    throw new HttpError(409, 'factor_set_exists', {
      field: 'factors', zh: `factors：内容与已有因子集 #${same.id}（${same.name} v${same.version}）完全相同，无需新版本`,
      en: `factors: the content equals factor set #${same.id} (${same.name} v${same.version}); no new version needed`,
    });
  }
  const clash = (await q.query<{ id: number }>('select id from factor_sets where name = $1 and version = $2', [set.name, set.version])).rows[0];
  if (clash) {
    throw new HttpError(409, 'factor_set_version_exists', {
      field: 'name', zh: `name：因子集 ${set.name} v${set.version} 已存在（#${clash.id}），请另取名称（name）`,
      en: `name: factor set ${set.name} v${set.version} already exists (#${clash.id}); give the new set another name`,
    });
  }
  const id = (await q.query<{ id: number }>(
    `insert into factor_sets (name, version, parent_id, parent_fingerprint, fingerprint, record_count, note, seed_hash, content, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, coalesce($11, now())) returning id`,
    [set.name, set.version, o.parent?.id ?? null, set.parent ?? null, set.fingerprint, set.records.length, o.note ?? null, o.seedHash ?? null,
      JSON.stringify(set), o.userId, o.now ?? null],
  )).rows[0].id;
  return (await getSetRow(q, id))!;
}

/**
 * Seeds the factor library from the reference data, once per version of that data (idempotent: the file's
 * sha-256 is kept with the set). A changed reference file gives the seed's next version; nothing is replaced.
 */
export async function seedFactorLibrary(q: Queryable, referenceText: string = readFileSync(REFERENCE_URL, 'utf8')): Promise<SetRow | null> {
  const seedHash = createHash('sha256').update(referenceText).digest('hex');
  if ((await q.query('select 1 from factor_sets where seed_hash = $1', [seedHash])).rows.length) return null;
  let set = seedFactorSet(JSON.parse(referenceText));
  if ((await q.query('select 1 from factor_sets where fingerprint = $1', [set.fingerprint])).rows.length) return null;
  const top = (await q.query<{ v: number | null }>('select max(version) as v from factor_sets where name = $1', [set.name])).rows[0].v;
  if (top !== null) set = createFactorSet({ ...set, version: top + 1, defaults: { ...set.defaults }, sources: { ...set.sources }, records: [...set.records] });
  return insertFactorSet(q, set, { seedHash, userId: null, note: '由 assets/reference/accounting-data.json 生成的种子因子集 / seed set built from assets/reference/accounting-data.json' });
}

const MARKS = { disputed: { zh: '有争议', en: 'disputed' }, single: { zh: '单一来源', en: 'single source' } };

/** The records of a set flattened for a table; single-source and disputed values are marked. */
export function recordRows(set: FactorSet, records: readonly FactorRecord[] = set.records): FactorRecordRow[] {
  const heads = new Set(headRecords(set).map(refOf));
  return records.map((r) => ({
    ref: refOf(r), slot: r.id, kind: r.kind, key: r.key, series: r.series, years: { from: r.years.from, to: r.years.to }, value: r.value, unit: r.unit,
    unitQualifier: r.unitQualifier ?? null, version: r.version, head: heads.has(refOf(r)), status: r.status, confirmations: r.confirmations,
    sources: [...r.sources], documents: [...r.documents], notes: [...r.notes], disputed: r.disputed, alternatives: [...r.alternatives],
    supersedes: r.supersedes ?? null, origin: r.origin ?? null, weak: r.disputed || r.status === 'single-source',
    mark: r.disputed ? MARKS.disputed : r.status === 'single-source' ? MARKS.single : null,
  }));
}
