/**
 * Factor records and factor sets. A factor is data with a source, a confirmation count and a status —
 * never a constant in code. Records are immutable; a changed value is a new version of the same slot.
 */

/** How well a value is supported (from the reference data's `status`, or who supplied it). */
export type FactorStatus =
  /** ≥ 2 independent sources */
  | 'verified'
  /** one source only: usable only with an explicit opt-in */
  | 'single-source'
  /** arithmetic from other values (stoichiometry, unit conversion) */
  | 'derived'
  /** added by a user for their region (e.g. a provincial statistics bureau's coefficient) */
  | 'local'
  /** measured (e.g. a plant's laboratory NCV) */
  | 'measured';

export const FACTOR_STATUSES: readonly FactorStatus[] = ['verified', 'single-source', 'derived', 'local', 'measured'];

/** Year range a value applies to; null = open (time-invariant parameters such as GWPs). */
export interface YearRange {
  readonly from: number | null;
  readonly to: number | null;
}

export interface FactorRecord {
  /** slot id: kind|key|series|years — every version of one value shares it */
  readonly id: string;
  /** 1, 2, … within the slot; the highest version is the one selected */
  readonly version: number;
  readonly kind: string;
  /** what the value is about: a fuel (烟煤), a grid region (华中), a gas (CH4), … */
  readonly key: string;
  /** the table or method lineage (cn-default, GB/T 2589, mee-nbs.regional, AR5, local, …) */
  readonly series: string;
  readonly value: number;
  readonly unit: string;
  /** words the reference wrote after the unit (`t carbonate`, `t d.m.`), kept for display */
  readonly unitQualifier?: string;
  readonly years: YearRange;
  /** source ids of the reference data (P-…, G-…, ARITH) or free-text sources of a local factor */
  readonly sources: readonly string[];
  /** official documents the value originates from (D-…), not necessarily read */
  readonly documents: readonly string[];
  /** number of independent sources in which the value was actually seen */
  readonly confirmations: number;
  readonly status: FactorStatus;
  /** a conflicting value for the same parameter exists (see `alternatives`): usable only with an opt-in */
  readonly disputed: boolean;
  /** slot ids of conflicting values */
  readonly alternatives: readonly string[];
  readonly notes: readonly string[];
  /** ref (`id@version`) of the record this one replaces */
  readonly supersedes?: string;
  /** JSON path in the reference file, for seeded records */
  readonly origin?: string;
}

/** `id@version` — names one immutable record. */
export type FactorRef = string;

export function refOf(r: Pick<FactorRecord, 'id' | 'version'>): FactorRef {
  return `${r.id}@${r.version}`;
}

export function slotId(kind: string, key: string, series: string, years: YearRange): string {
  return `${kind}|${key}|${series}|${years.from ?? '*'}-${years.to ?? '*'}`;
}

export interface SourceInfo {
  readonly kind: string;
  readonly title: string;
  readonly issuer?: string;
  readonly year?: string;
  readonly url?: string;
}

/** A named, versioned, immutable snapshot of factors. */
export interface FactorSet {
  readonly name: string;
  readonly version: number;
  /** fingerprint of the set this one was derived from */
  readonly parent?: string;
  /** kind → series used when a query names none; kinds without a default require an explicit series */
  readonly defaults: Readonly<Record<string, string>>;
  readonly sources: Readonly<Record<string, SourceInfo>>;
  readonly records: readonly FactorRecord[];
  /** sha256 of the canonical content (records + defaults) */
  readonly fingerprint: string;
}

/** What a calculation asks for. */
export interface FactorQuery {
  readonly kind: string;
  readonly key: string;
  /** the accounting year; required for kinds whose records are year-bound */
  readonly year?: number;
  /** omitted = the set's default series for the kind */
  readonly series?: string;
}

/** The explicit opt-in for weakly supported values. */
export interface FactorPolicy {
  /** statuses / flags accepted beyond verified, derived, local and measured */
  readonly allow?: readonly ('single-source' | 'disputed')[];
  /** individual records accepted whatever their status (`id@version`, or a slot id for any version) */
  readonly allowRefs?: readonly string[];
}

/** The identity of a set as a result names it. */
export interface FactorSetId {
  readonly name: string;
  readonly version: number;
  readonly fingerprint: string;
}

export function factorSetId(set: FactorSet): FactorSetId {
  return { name: set.name, version: set.version, fingerprint: set.fingerprint };
}
