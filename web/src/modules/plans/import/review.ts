import { draftToImport, type PlanMeta } from '../../../../../src/contracts/plan-draft.ts';
import type { PlanImport, TargetPatch } from '../../../../../src/contracts/plans.ts';
import type { PlanDraft } from '../../../../../src/core/plans/types.ts';
import type { RegionIndex } from '../../../shared/regions.ts';
import type { TargetFields } from '../TargetEditModal.tsx';

/**
 * The review of a parsed draft: the targets as `POST /api/plans` takes them (src/contracts/plan-draft.ts
 * builds them, the same function the demo loader uses), changed by the reviewer's decisions.
 */
export type ImportTarget = PlanImport['targets'][number];
export type Decision = 'accepted' | 'rejected' | 'draft';

export const draftTargets = (draft: PlanDraft, text: string): ImportTarget[] => draftToImport(draft, emptyMeta(), text).targets;

export function decide(rows: ImportTarget[], i: number, d: Decision): ImportTarget[] {
  return rows.map((r, k) => (k === i ? { ...r, reviewStatus: d } : r));
}

/** Everything not yet decided becomes accepted. */
export const acceptRest = (rows: ImportTarget[]): ImportTarget[] => rows.map((r) => (r.reviewStatus === 'draft' ? { ...r, reviewStatus: 'accepted' } : r));

export function applyEdit(rows: ImportTarget[], i: number, patch: TargetPatch): ImportTarget[] {
  return rows.map((r, k) => (k === i ? { ...r, ...patch, reviewStatus: patch.reviewStatus ?? 'edited' } : r));
}

export const editableFields = (r: ImportTarget): TargetFields => ({
  indicatorCode: r.indicatorCode ?? null, year: r.year, value: r.value, unit: r.unit, qualifier: r.qualifier, strength: r.strength, kind: r.kind,
  baselineYear: r.baselineYear ?? null, baselineValue: r.baselineValue ?? null, binding: r.binding,
});

function emptyMeta(): PlanMeta {
  return { regionCode: '', title: '', docNumber: null, issuer: null, issuedOn: null, periodStart: 2021, periodEnd: 2030, status: 'issued', parentPlanId: null, sourceName: null };
}

/**
 * Metadata proposed from the draft: the region named in the text when the platform knows it (else the
 * region chosen in the header), the period 2021–2030 of the carbon-peak plans (later when a target is later).
 */
export function proposedMeta(draft: PlanDraft, index: RegionIndex | null, fallbackRegion: string | undefined, sourceName: string | null): PlanMeta {
  const named = draft.region ? index?.list.find((r) => r.name === draft.region || r.name.startsWith(draft.region!)) : undefined;
  const lastYear = Math.max(2030, ...draft.targets.map((x) => x.year ?? 0));
  return {
    regionCode: named?.code ?? fallbackRegion ?? '',
    title: draft.title ?? '',
    docNumber: draft.docNumber,
    issuer: draft.issuers.join('、') || null,
    issuedOn: draft.issued,
    periodStart: 2021,
    periodEnd: lastYear,
    status: draft.status === 'draft' ? 'draft' : 'issued',
    parentPlanId: null,
    sourceName,
  };
}

/** The body of `POST /api/plans`. */
export function importBody(draft: PlanDraft, meta: PlanMeta, text: string, rows: ImportTarget[]): PlanImport {
  return { ...draftToImport(draft, meta, text), targets: rows };
}

/** Server or schema issues on `targets.N.field`: the message per target row. */
export function targetIssues(issues: Array<{ field?: string; zh: string; en: string }>, lang: 'zh' | 'en'): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const i of issues) {
    const m = /^targets\.(\d+)(?:\.|$)/.exec(i.field ?? '');
    if (m) out.set(Number(m[1]), [...(out.get(Number(m[1])) ?? []), i[lang]]);
  }
  return out;
}
