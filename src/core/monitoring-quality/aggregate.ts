import type { Finding, Rule, Severity } from './types.ts';
import { severityRank } from './types.ts';

/** What one alarm holds: the findings of one rule, series and period taken together. */
export interface AlarmDraft {
  rule: Rule;
  factor: string;
  kind: string;
  period: string;
  severity: Severity;
  firstSeen: number;
  lastSeen: number;
  occurrences: number;
  value: number | null;
  expected: number | null;
  deviation: number | null;
  unit: string;
  zh: string;
  en: string;
}

export const alarmKey = (f: Pick<Finding, 'rule' | 'factor' | 'kind' | 'period'>): string => `${f.rule}|${f.factor}|${f.kind}|${f.period}`;

/** How bad a finding is, to pick the one an alarm shows: severity, then |deviation|, then |value|. */
function worse(a: Finding, b: Finding): boolean {
  const s = severityRank(a.severity) - severityRank(b.severity);
  if (s) return s > 0;
  const d = Math.abs(a.deviation ?? 0) - Math.abs(b.deviation ?? 0);
  if (d) return d > 0;
  return Math.abs(a.value ?? 0) > Math.abs(b.value ?? 0);
}

/**
 * Findings → one draft per (rule, factor, kind, period): the span from the first to the last finding, how
 * many there were, the highest severity, and the figures and words of the worst one (with the count when
 * there were several).
 */
export function toAlarmDrafts(findings: readonly Finding[]): AlarmDraft[] {
  const groups = new Map<string, { worst: Finding; first: number; last: number; n: number; severity: Severity }>();
  for (const f of findings) {
    const k = alarmKey(f);
    const g = groups.get(k);
    const n = f.occurrences ?? 1;
    if (!g) {
      groups.set(k, { worst: f, first: f.from, last: f.to, n, severity: f.severity });
      continue;
    }
    g.first = Math.min(g.first, f.from);
    g.last = Math.max(g.last, f.to);
    g.n += n;
    if (severityRank(f.severity) > severityRank(g.severity)) g.severity = f.severity;
    if (worse(f, g.worst)) g.worst = f;
  }
  return [...groups.values()].map(({ worst: w, first, last, n, severity }) => {
    const several = n > 1 && (w.occurrences ?? 1) !== n;
    return {
      rule: w.rule, factor: w.factor, kind: w.kind, period: w.period, severity, firstSeen: first, lastSeen: last, occurrences: n,
      value: w.value, expected: w.expected, deviation: w.deviation, unit: w.unit,
      zh: several ? `${w.zh}（本期共 ${n} 次，此为最严重一次）` : w.zh,
      en: several ? `${w.en} (${n} this period; the worst shown)` : w.en,
    };
  });
}
