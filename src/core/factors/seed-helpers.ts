import { DomainError } from '../errors.ts';
import { isKnownUnit } from '../units/index.ts';
import type { FactorStatus, YearRange } from './types.ts';

/** One value object of the reference JSON: {value, unit, source[], verified_sources, status, …}. */
export interface RefValue {
  value: unknown;
  unit?: string | null;
  source?: string[];
  verified_sources?: number | null;
  status: string;
  original_document?: string[] | string;
  note?: string;
}

export function isRefValue(x: unknown): x is RefValue {
  return typeof x === 'object' && x !== null && 'status' in x && ('value' in x || 'source' in x);
}

/** A record before ids, versions and the dispute rule are applied. */
export interface Draft {
  kind: string;
  key: string;
  series: string;
  value: number;
  unit: string;
  unitQualifier?: string;
  years: YearRange;
  sources: string[];
  documents: string[];
  confirmations: number;
  status: FactorStatus;
  notes: string[];
  origin: string;
  /** a reading that conflicts with the primary value: always disputed */
  variant?: boolean;
  /** drafts this one is an alternative to (same parameter, different value), by index in the collector */
  linkTo?: number[];
}

export interface Skipped {
  path: string;
  reason: string;
}

const SEEDABLE: Record<string, FactorStatus> = { verified: 'verified', 'single-source': 'single-source', derived: 'derived' };

/** Units as the reference writes them → a parseable unit plus the qualifier words. */
export function normaliseRefUnit(unit: string, path: string): { unit: string; qualifier?: string } {
  const u = unit.trim();
  if (u === 'GWP100') return { unit: 'tCO2e/t', qualifier: 'GWP100' };
  if (isKnownUnit(u)) return { unit: u };
  const noParen = u.replace(/\s*\(.*\)\s*$/, '');
  if (noParen !== u && isKnownUnit(noParen)) return { unit: noParen };
  const m = /^(\S+\/\s*\S+)\s+(.+)$/.exec(u) ?? /^(\S+)\s+(.+)$/.exec(u);
  if (m && isKnownUnit(m[1])) return { unit: m[1], qualifier: m[2] };
  throw new DomainError('seed_unit_unknown', {
    field: path,
    zh: `${path}：参考数据的单位“${unit}”无法识别`,
    en: `${path}: unit "${unit}" in the reference data is not recognised`,
  });
}

function docs(v: RefValue): string[] {
  if (!v.original_document) return [];
  return Array.isArray(v.original_document) ? [...v.original_document] : [v.original_document];
}

export class Collector {
  readonly drafts: Draft[] = [];
  readonly skipped: Skipped[] = [];

  skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }

  /**
   * Turns a value object into a draft, or records why it is not seeded (unverified, not found, text…).
   * Returns the draft's index, or -1 when skipped.
   */
  value(v: unknown, path: string, at: Omit<Draft, 'value' | 'unit' | 'sources' | 'documents' | 'confirmations' | 'status' | 'notes' | 'origin'> & { notes?: string[]; unit?: string; value?: number }): number {
    if (!isRefValue(v)) {
      this.skip(path, 'not a value object');
      return -1;
    }
    const status = SEEDABLE[v.status];
    if (!status) {
      this.skip(path, `status "${v.status}" is not seeded`);
      return -1;
    }
    const value = at.value ?? v.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.skip(path, `value ${JSON.stringify(v.value)} is not a single number`);
      return -1;
    }
    const rawUnit = at.unit ?? v.unit;
    if (!rawUnit) {
      this.skip(path, 'no unit');
      return -1;
    }
    const { unit, qualifier } = normaliseRefUnit(rawUnit, path);
    const notes = [...(at.notes ?? [])];
    if (v.note) notes.unshift(v.note);
    this.drafts.push({
      kind: at.kind,
      key: at.key,
      series: at.series,
      value,
      unit,
      unitQualifier: at.unitQualifier ?? qualifier,
      years: at.years,
      sources: [...(v.source ?? [])],
      documents: docs(v),
      confirmations: v.verified_sources ?? 0,
      status,
      notes,
      origin: path,
      variant: at.variant,
      linkTo: at.linkTo,
    });
    return this.drafts.length - 1;
  }
}

export const OPEN: YearRange = Object.freeze({ from: null, to: null });
export const year = (y: number): YearRange => ({ from: y, to: y });

/** "0.2857–0.4286" / "8363–12545" / "0.5000–0.6000 (varies)" → [low, high]; null if not a range. */
export function parseRange(v: unknown): [number, number] | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*([0-9.]+)\s*[–-]\s*([0-9.]+)/.exec(v);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

export function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

export function asObject(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}
