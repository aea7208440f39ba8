import { DomainError } from '../errors.ts';
import { createFactorSet } from './factor-set.ts';
import type { FactorRecord, FactorSet, SourceInfo } from './types.ts';

/**
 * A factor set as stored (a JSON column, a file): the set itself is already plain data. Restoring it
 * rebuilds and re-checks every record and verifies that the content still has the fingerprint it was
 * stored with — so a result's `factorSet.fingerprint` keeps naming exactly the factors it used.
 */
export function restoreFactorSet(data: unknown): FactorSet {
  const o = (data ?? {}) as Partial<FactorSet>;
  if (typeof o.name !== 'string' || typeof o.version !== 'number' || !Array.isArray(o.records) || typeof o.fingerprint !== 'string') {
    throw new DomainError('factor_set_invalid', { field: 'factorSet', zh: 'factorSet：不是因子集（缺少 name、version、records 或 fingerprint）', en: 'factorSet: not a factor set (name, version, records or fingerprint missing)' });
  }
  const set = createFactorSet({
    name: o.name,
    version: o.version,
    parent: o.parent,
    defaults: { ...(o.defaults ?? {}) },
    sources: { ...(o.sources ?? {}) } as Record<string, SourceInfo>,
    records: o.records.map((r) => ({ ...(r as FactorRecord) })),
  });
  if (set.fingerprint !== o.fingerprint) {
    throw new DomainError('factor_set_fingerprint_mismatch', {
      field: 'factorSet.fingerprint',
      zh: `factorSet.fingerprint：因子集 ${o.name} v${o.version} 的内容与保存时的指纹不符（${o.fingerprint.slice(0, 12)}… ≠ ${set.fingerprint.slice(0, 12)}…），内容已被改动`,
      en: `factorSet.fingerprint: the content of ${o.name} v${o.version} no longer matches its stored fingerprint (${o.fingerprint.slice(0, 12)}… ≠ ${set.fingerprint.slice(0, 12)}…)`,
    });
  }
  return set;
}
