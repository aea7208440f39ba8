import { z } from 'zod';
import {
  PlanDetail, PlanListItem, PlanSource, TargetOut, TaskOut,
  type PlanImport, type PlanPatch, type TargetCreate, type TargetPatch,
} from '../../../../src/contracts/plans.ts';
import type { PlanDraft } from '../../../../src/core/plans/types.ts';
import { api } from '../../app/api.ts';

/**
 * The plans endpoints (src/server/plans). Every response is checked against its contract schema; the
 * parse endpoint answers the parser's own PlanDraft (src/core/plans/types.ts) with the text it read, checked for its shape.
 */
export type ParsedDraft = PlanDraft & { sourceText: string };
const ParsedDraftShape = z.custom<ParsedDraft>((v) => {
  const o = v as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && typeof o.sourceText === 'string' && ['targets', 'actions', 'tasks', 'warnings'].every((k) => Array.isArray(o[k]));
});

/** What to parse: pasted text, or a file (.txt in UTF-8 or GBK, .docx) that the server reads. */
export type ParseInput = { text: string } | { file: { name: string; contentBase64: string } };

export const plansApi = {
  list: (region?: string, within = true) => api.get('/api/plans', z.array(PlanListItem), { region, within: region ? String(within) : undefined }),
  get: (id: number) => api.get(`/api/plans/${id}`, PlanDetail),
  source: (id: number) => api.get(`/api/plans/${id}/source`, PlanSource),
  parse: (input: ParseInput) => api.post('/api/plans/parse', ParsedDraftShape, input),
  create: (body: PlanImport) => api.post('/api/plans', PlanDetail, body),
  patch: (id: number, body: PlanPatch) => api.patch(`/api/plans/${id}`, PlanDetail, body),
  patchTarget: (id: number, body: TargetPatch) => api.patch(`/api/targets/${id}`, TargetOut, body),
  createTarget: (body: TargetCreate) => api.post('/api/targets', TargetOut, body),
  patchTask: (id: number, status: TaskOut['status']) => api.patch(`/api/tasks/${id}`, TaskOut, { status }),
};
