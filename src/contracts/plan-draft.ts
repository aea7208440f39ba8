import type { PlanDraft } from '../core/plans/types.ts';
import type { PlanImport } from './plans.ts';

export type PlanMeta = Pick<PlanImport, 'regionCode' | 'title' | 'docNumber' | 'issuer' | 'issuedOn' | 'periodStart' | 'periodEnd' | 'status' | 'parentPlanId' | 'sourceName'>;

/**
 * The parser's draft as the body of `POST /api/plans`: what the import screen and the demo loader both send.
 * Targets keep the review decision the reviewer made (default: still a draft).
 */
export function draftToImport(draft: PlanDraft, meta: PlanMeta, sourceText: string): PlanImport {
  const taskRef = new Map(draft.tasks.flatMap((t) => t.targetIds.map((id) => [id, t.id] as const)));
  return {
    ...meta,
    sourceText,
    warnings: draft.warnings.map((w) => ({ code: w.code, zh: w.zh, en: w.en, line: w.line, excerpt: w.excerpt })),
    actions: draft.actions.map((a) => ({ number: a.number, title: a.title, parent: a.parent })),
    tasks: draft.tasks.map((t) => ({
      ref: t.id, number: t.number, title: t.title, actionIndex: t.actionIndex, deadline: t.deadline, damaged: t.damaged,
      lead: t.lead, cooperating: t.cooperating, supporting: t.supporting, responsible: t.responsible, span: t.span,
    })),
    targets: draft.targets.map((t) => ({
      ref: t.id, taskRef: t.taskId ?? taskRef.get(t.id) ?? null, indicatorCode: t.indicatorCode, indicatorName: t.indicatorName,
      phrase: t.indicatorPhrase, year: t.year, value: t.value, valueMax: t.valueMax, unit: t.unit, qualifier: t.qualifier,
      strength: t.strength, kind: t.kind, annual: t.annual, baselineYear: t.baselineYear, baselineValue: t.baselineValue,
      deferred: t.deferredTo !== null, main: t.main, binding: false, quote: t.quote, quoteOriginal: t.quoteOriginal, span: t.span,
      section: t.section, reviewStatus: 'draft',
    })),
  };
}
