import type { TFunction } from 'i18next';

/**
 * Reporting periods as the API writes them (src/contracts/plans.ts `Period`): `2024`, `2024-H1`, `2024-Q3`,
 * and how they read: 2024年上半年 / H1 2024.
 */
export type PeriodKind = 'year' | 'half' | 'quarter';
export type PeriodPart = 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4';
export interface PeriodValue { year: number; kind: PeriodKind; part: PeriodPart | null }

export const HALVES = ['H1', 'H2'] as const;
export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export const isHalf = (p: PeriodPart): p is (typeof HALVES)[number] => p === 'H1' || p === 'H2';

export function parsePeriod(s: string): PeriodValue {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/.exec(s);
  if (!m) return { year: new Date().getFullYear(), kind: 'year', part: null };
  const part = (m[2] ?? null) as PeriodPart | null;
  return { year: Number(m[1]), kind: !part ? 'year' : part.startsWith('H') ? 'half' : 'quarter', part };
}

export const formatPeriod = (v: PeriodValue): string => (v.kind === 'year' || !v.part ? String(v.year) : `${v.year}-${v.part}`);

/** The same year in another kind of period: its first half or quarter. */
export function withKind(v: PeriodValue, kind: PeriodKind): PeriodValue {
  return { year: v.year, kind, part: kind === 'year' ? null : kind === 'half' ? 'H1' : 'Q1' };
}

export function periodLabel(t: TFunction, period: string): string {
  const v = parsePeriod(period);
  return t(`reports.periodLabel.${v.part ?? 'year'}`, { year: v.year });
}

/** The period reported by default: the year now running. */
export const defaultPeriod = () => String(new Date().getFullYear());
