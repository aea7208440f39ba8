/**
 * The compact view of a draft that the CLI prints (`shuangtan plan import`):
 * `{title, region, issued, targets: [{indicator, year, value, unit, qualifier, strength, kind, baseline_year,
 * quote}], actions: [title], tasks: [{title, lead, cooperating, responsible}]}` — plus `supporting` units and
 * the warnings, which a reviewer needs too.
 */
import type { PlanDraft } from '../types.ts';

export interface PlanSummary {
  title: string | null;
  region: string | null;
  issued: string | null;
  targets: Array<{
    indicator: string;
    indicator_code: string | null;
    year: number | null;
    value: number | null;
    unit: string | null;
    qualifier: string;
    strength: string;
    kind: string;
    baseline_year: number | null;
    main: boolean;
    quote: string;
  }>;
  actions: string[];
  tasks: Array<{ title: string; lead: string[]; cooperating: string[]; responsible: string[]; supporting: string[] }>;
  warnings: string[];
}

export function summarizePlan(plan: PlanDraft): PlanSummary {
  return {
    title: plan.title,
    region: plan.region,
    issued: plan.issued,
    targets: plan.targets.map((t) => ({
      indicator: t.indicatorName,
      indicator_code: t.indicatorCode,
      year: t.year,
      value: t.value,
      unit: t.unit,
      qualifier: t.qualifier,
      strength: t.strength,
      kind: t.kind,
      baseline_year: t.baselineYear,
      main: t.main,
      quote: t.quote,
    })),
    actions: plan.actions.map((a) => a.title),
    tasks: plan.tasks.map((t) => ({ title: t.title, lead: t.lead, cooperating: t.cooperating, responsible: t.responsible, supporting: t.supporting })),
    warnings: plan.warnings.map((w) => `${w.severity}: ${w.zh}${w.line ? ` (line ${w.line})` : ''}`),
  };
}
