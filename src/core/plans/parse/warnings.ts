/**
 * Parse warnings, bilingual, with the location in the original text (line, column, excerpt) when they
 * are about a place.
 */
import type { ParseWarning, Span, WarningCode } from '../types.ts';
import { lineColumn } from './text-map.ts';

export function warning(code: WarningCode, severity: ParseWarning['severity'], zh: string, en: string): ParseWarning {
  return { code, severity, zh, en };
}

/** A warning about a place of the original text. */
export function warningAt(
  code: WarningCode, severity: ParseWarning['severity'], zh: string, en: string, original: string, span: Span, section?: string,
): ParseWarning {
  const { line, column } = lineColumn(original, span.start);
  const excerpt = original.slice(Math.max(0, span.start - 10), Math.min(original.length, span.end + 10)).replace(/\s+/g, ' ');
  const w: ParseWarning = { code, severity, zh, en, span, line, column, excerpt };
  if (section) w.section = section;
  return w;
}
