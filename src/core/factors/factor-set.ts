import { DomainError } from '../errors.ts';
import { contentHash } from '../canonical.ts';
import { checkKindUnit, kindDef } from './kinds.ts';
import {
  FACTOR_STATUSES,
  refOf,
  slotId,
  type FactorRecord,
  type FactorRef,
  type FactorSet,
  type FactorStatus,
  type SourceInfo,
  type YearRange,
} from './types.ts';

export interface FactorSetInput {
  name: string;
  version?: number;
  parent?: string;
  defaults?: Record<string, string>;
  sources?: Record<string, SourceInfo>;
  records: FactorRecord[];
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as Record<string, unknown>)) deepFreeze(v);
  }
  return x;
}

function bad(field: string, zh: string, en: string, code = 'factor_invalid'): DomainError {
  return new DomainError(code, { field, zh: `${field}：${zh}`, en: `${field}: ${en}` });
}

const lo = (y: YearRange) => y.from ?? Number.NEGATIVE_INFINITY;
const hi = (y: YearRange) => y.to ?? Number.POSITIVE_INFINITY;
export const yearsOverlap = (a: YearRange, b: YearRange) => lo(a) <= hi(b) && lo(b) <= hi(a);
export const yearInRange = (y: YearRange, year: number) => lo(y) <= year && year <= hi(y);

function validateRecord(r: FactorRecord, field: string): void {
  kindDef(r.kind, `${field}.kind`);
  if (!r.key.trim()) throw bad(`${field}.key`, '不能为空', 'must not be empty');
  if (!r.series.trim()) throw bad(`${field}.series`, '不能为空', 'must not be empty');
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) throw bad(`${field}.value`, `数值无效（${String(r.value)}）`, `invalid number (${String(r.value)})`);
  checkKindUnit(r.kind, r.unit, `${field}.unit`);
  const y = r.years;
  for (const v of [y.from, y.to]) {
    if (v !== null && !(Number.isInteger(v) && v >= 1900 && v <= 2100)) throw bad(`${field}.years`, `年份无效（${v}）`, `invalid year (${v})`);
  }
  if (y.from !== null && y.to !== null && y.from > y.to) throw bad(`${field}.years`, `起始年份晚于结束年份（${y.from}–${y.to}）`, `start year after end year (${y.from}–${y.to})`);
  if (r.id !== slotId(r.kind, r.key, r.series, r.years)) throw bad(`${field}.id`, `与类别/键/系列/年份不一致（${r.id}）`, `does not match kind/key/series/years (${r.id})`);
  if (!Number.isInteger(r.version) || r.version < 1) throw bad(`${field}.version`, '版本号应为正整数', 'version must be a positive integer');
  if (!FACTOR_STATUSES.includes(r.status)) throw bad(`${field}.status`, `未知状态“${r.status}”`, `unknown status "${r.status}"`);
  if (!Number.isInteger(r.confirmations) || r.confirmations < 0) throw bad(`${field}.confirmations`, '应为非负整数', 'must be a non-negative integer');
  if (!r.sources.length) throw bad(`${field}.sources`, '每个因子至少要有一个来源', 'every factor needs at least one source');
}

/** Builds an immutable, fingerprinted factor set, checking every record and that no two slots overlap. */
export function createFactorSet(input: FactorSetInput): FactorSet {
  const records = [...input.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  const refs = new Set<string>();
  const slotsByGroup = new Map<string, Map<string, FactorRecord>>();
  records.forEach((r, i) => {
    validateRecord(r, `records.${i}`);
    const ref = refOf(r);
    if (refs.has(ref)) throw bad(`records.${i}`, `重复的因子版本 ${ref}`, `duplicate factor version ${ref}`, 'factor_duplicate');
    refs.add(ref);
    if (r.supersedes && !refs.has(r.supersedes)) throw bad(`records.${i}.supersedes`, `引用了不存在的版本 ${r.supersedes}`, `refers to a missing version ${r.supersedes}`);
    const group = `${r.kind}|${r.key}|${r.series}`;
    const slots = slotsByGroup.get(group) ?? new Map<string, FactorRecord>();
    slotsByGroup.set(group, slots);
    if (!slots.has(r.id)) {
      for (const other of slots.values()) {
        if (yearsOverlap(other.years, r.years)) {
          throw bad(`records.${i}.years`, `与 ${other.id} 的适用年份重叠`, `year range overlaps ${other.id}`, 'factor_overlap');
        }
      }
      slots.set(r.id, r);
    }
  });
  const defaults = { ...(input.defaults ?? {}) };
  for (const k of Object.keys(defaults)) kindDef(k, `defaults.${k}`);
  const fingerprint = contentHash({ defaults, records });
  return deepFreeze({
    name: input.name,
    version: input.version ?? 1,
    parent: input.parent,
    defaults,
    sources: { ...(input.sources ?? {}) },
    records,
    fingerprint,
  });
}

/** A user-supplied factor (local or measured). */
export interface NewFactor {
  kind: string;
  key: string;
  series: string;
  value: number;
  unit: string;
  unitQualifier?: string;
  /** a single year, or a range; omitted = valid in every year */
  years?: number | { from: number | null; to: number | null };
  status?: Extract<FactorStatus, 'local' | 'measured'>;
  /** who published or measured it: document, laboratory report, statistics bureau notice… */
  sources: string[];
  documents?: string[];
  /** independent sources seen; defaults to the number of sources given */
  confirmations?: number;
  notes?: string[];
}

function toYears(y: NewFactor['years']): YearRange {
  if (y === undefined) return { from: null, to: null };
  if (typeof y === 'number') return { from: y, to: y };
  return { from: y.from, to: y.to };
}

/**
 * Adds local or measured factors, returning a NEW set (version + 1, parent = the old fingerprint).
 * Nothing is overwritten: a factor for an existing slot becomes its next version and supersedes the
 * previous head, which stays in the set so that `id@version` references keep resolving.
 */
export function addFactors(set: FactorSet, factors: readonly NewFactor[], opts: { name?: string; defaults?: Record<string, string> } = {}): FactorSet {
  const records = [...set.records];
  factors.forEach((f, i) => {
    const years = toYears(f.years);
    const id = slotId(f.kind, f.key, f.series, years);
    const head = records.filter((r) => r.id === id).sort((a, b) => b.version - a.version)[0];
    const status = f.status ?? 'local';
    if (status !== 'local' && status !== 'measured') {
      throw bad(`factors.${i}.status`, '用户添加的因子状态只能是 local 或 measured', 'a user factor is either local or measured');
    }
    const rec: FactorRecord = {
      id,
      version: head ? head.version + 1 : 1,
      kind: f.kind,
      key: f.key,
      series: f.series,
      value: f.value,
      unit: f.unit,
      unitQualifier: f.unitQualifier,
      years,
      sources: [...f.sources],
      documents: [...(f.documents ?? [])],
      confirmations: f.confirmations ?? f.sources.length,
      status,
      disputed: false,
      alternatives: [],
      notes: [...(f.notes ?? [])],
      supersedes: head ? refOf(head) : undefined,
    };
    validateRecord(rec, `factors.${i}`);
    records.push(rec);
  });
  return createFactorSet({
    name: opts.name ?? set.name,
    version: set.version + 1,
    parent: set.fingerprint,
    defaults: { ...set.defaults, ...(opts.defaults ?? {}) },
    sources: { ...set.sources },
    records,
  });
}

/** The record a ref names, whatever its version. */
export function getFactor(set: FactorSet, ref: FactorRef, field = 'ref'): FactorRecord {
  const r = set.records.find((x) => refOf(x) === ref);
  if (!r) throw bad(field, `因子集 ${set.name} v${set.version} 中没有 ${ref}`, `factor set ${set.name} v${set.version} has no ${ref}`, 'factor_ref_unknown');
  return r;
}

/** Only the newest version of every slot. */
export function headRecords(set: FactorSet): FactorRecord[] {
  const heads = new Map<string, FactorRecord>();
  for (const r of set.records) {
    const h = heads.get(r.id);
    if (!h || r.version > h.version) heads.set(r.id, r);
  }
  return [...heads.values()];
}
