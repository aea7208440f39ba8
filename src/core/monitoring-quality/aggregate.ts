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

/** The findings of one alarm key taken together so far: span, count, highest severity and the worst one. */
export interface FindingGroup {
  readonly worst: Finding;
  readonly first: number;
  readonly last: number;
  readonly n: number;
  readonly severity: Severity;
}
export type FindingGroups = Map<string, FindingGroup>;

/** Two groups of one key, `b`'s findings after `a`'s: on a tie the earlier worst finding stays. */
function combine(a: FindingGroup, b: FindingGroup): FindingGroup {
  return {
    worst: worse(b.worst, a.worst) ? b.worst : a.worst, first: Math.min(a.first, b.first), last: Math.max(a.last, b.last), n: a.n + b.n,
    severity: severityRank(b.severity) > severityRank(a.severity) ? b.severity : a.severity,
  };
}

/** Findings grouped per alarm key, in order, added to `into` (a new map; `into` itself is not changed). */
export function groupFindings(findings: readonly Finding[], into: ReadonlyMap<string, FindingGroup> = new Map()): FindingGroups {
  const groups = new Map(into);
  for (const f of findings) {
    const k = alarmKey(f);
    const one: FindingGroup = { worst: f, first: f.from, last: f.to, n: f.occurrences ?? 1, severity: f.severity };
    const g = groups.get(k);
    groups.set(k, g ? combine(g, one) : one);
  }
  return groups;
}

/**
 * Groups of earlier findings merged with those of later ones: the same groups as of all the findings in that
 * order, so findings grouped in one evaluation can be kept and later ones added (the incremental evaluator).
 */
export function mergeGroups(earlier: ReadonlyMap<string, FindingGroup>, later: ReadonlyMap<string, FindingGroup>): FindingGroups {
  const groups = new Map(earlier);
  for (const [k, g] of later) {
    const e = groups.get(k);
    groups.set(k, e ? combine(e, g) : g);
  }
  return groups;
}

/**
 * Groups → one draft per (rule, factor, kind, period): the span from the first to the last finding, how many
 * there were, the highest severity, and the figures and words of the worst one (with the count when there
 * were several).
 */
export function draftsOf(groups: ReadonlyMap<string, FindingGroup>): AlarmDraft[] {
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

/** Findings → one draft per (rule, factor, kind, period) (see `draftsOf`). */
export const toAlarmDrafts = (findings: readonly Finding[]): AlarmDraft[] => draftsOf(groupFindings(findings));
