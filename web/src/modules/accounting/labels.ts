import type { TFunction } from 'i18next';
import { accountingZh } from '../../i18n/accounting.zh.ts';

type KindKey = keyof typeof accountingZh.factors.kinds;

/** A factor kind (`fuel.ncv`) in words (低位发热量), or the kind itself when it has no label yet. */
export function kindLabel(t: TFunction, kind: string): string {
  const k = kind.replace(/\./g, '_');
  return k in accountingZh.factors.kinds ? t(`accounting.factors.kinds.${k as KindKey}`) : kind;
}

/** `factors.3.value` → { index: 3, rest: 'value' } (the line of a factor file an issue names). */
export function factorIssue(field: string | undefined): { index: number | null; rest: string } {
  const m = /^factors\.(\d+)(?:\.(.*))?$/.exec(field ?? '');
  return m ? { index: Number(m[1]), rest: m[2] ?? '' } : { index: null, rest: field ?? '' };
}

/**
 * The cell an import issue names: `能源平衡表!C7` (a cell) or `能源平衡表!7:7` (a row); else the sheet
 * named at the start of the message (`核算方法：…`), else nothing.
 */
export function cellOf(field: string | undefined, zh: string): { sheet: string | null; row: number | null; col: string | null } {
  const m = /^(.+)!([A-Z]+)?(\d+)(?::\d+)?$/.exec(field ?? '');
  if (m) return { sheet: m[1], row: Number(m[3]), col: m[2] ?? null };
  const s = /^([^：:\s]{2,12})：/.exec(zh);
  return { sheet: s ? s[1] : null, row: null, col: null };
}

/** The message of an issue without the location it starts with (shown in its own columns). */
export function issueText(text: string): string {
  return text
    .replace(/^.+? 第\d+行(?: [A-Z]+列)?：/, '')
    .replace(/^sheet [^,]+, row \d+(?:, column [A-Z]+)?: /, '')
    .replace(/^sheet [^:]+: /, '');
}
