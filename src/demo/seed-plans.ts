import { existsSync, readFileSync } from 'node:fs';
import type { Queryable } from '../db/index.ts';
import { normalizePlanText, parsePlan } from '../core/plans/index.ts';
import type { PlanDraft } from '../core/plans/types.ts';
import { draftToImport } from '../contracts/plan-draft.ts';
import type { PlanImport, TargetPatch } from '../contracts/plans.ts';
import { parseInput } from '../core/validation.ts';
import { PlanImport as PlanImportSchema } from '../contracts/plans.ts';
import { RegionTree } from '../core/regions/tree.ts';
import { savePlanImport } from '../server/plans/save.ts';
import type { Actor } from '../server/audit/log.ts';

const ASSETS = new URL('../../assets/plans/', import.meta.url);
const REVIEWS = new URL('./plans/', import.meta.url);

/** The five seed plans and the regions they belong to. */
export const SEED_PLANS: Array<{ file: string; regionCode: string }> = [
  { file: 'wansheng-chongqing-2023.txt', regionCode: '500110-WSJK' },
  { file: 'yueyang-etdz-2023.txt', regionCode: '430600-YYJK' },
  { file: 'chengdu-chongqing-joint-2022.txt', regionCode: 'X-CHENGYU' },
  { file: 'luzhou-2024.txt', regionCode: '510500' },
  { file: 'ningxia-draft-2022.txt', regionCode: '640000' },
];

/** A person's review of the parser's draft of one seed plan (src/demo/plans/*.review.json; see the README there). */
export interface PlanReview {
  seed: string;
  regionCode: string;
  plan: Pick<PlanImport, 'title' | 'docNumber' | 'issuer' | 'issuedOn' | 'periodStart' | 'periodEnd' | 'status'>;
  targets: {
    accept?: string[];
    edit?: Record<string, TargetPatch>;
    reject?: Record<string, string>;
    add?: Array<Partial<PlanImport['targets'][number]> & { ref: string; quote: string }>;
  };
  tasks?: {
    edit?: Record<string, Partial<Pick<PlanImport['tasks'][number], 'lead' | 'cooperating' | 'supporting' | 'responsible' | 'title'>>>;
    add?: PlanImport['tasks'];
    reject?: Record<string, string>;
  };
  notes?: string[];
}

/** The parser's draft with the reviewer's decisions applied: the reviewed data the demo loads. */
export function applyReview(draft: PlanDraft, text: string, seed: { file: string; regionCode: string }, review: PlanReview | null): PlanImport {
  const meta = review?.plan ?? {
    title: draft.title ?? seed.file, docNumber: draft.docNumber, issuer: draft.issuers.join('、') || null, issuedOn: draft.issued,
    periodStart: 2021, periodEnd: 2030, status: draft.status === 'draft' ? 'draft' as const : 'issued' as const,
  };
  const base = draftToImport(draft, { ...meta, regionCode: seed.regionCode, sourceName: seed.file, parentPlanId: null }, text);
  if (!review) return base;
  const edits = review.targets.edit ?? {};
  const rejects = review.targets.reject ?? {};
  const accepts = new Set(review.targets.accept ?? []);
  const targets = base.targets.map((t) => {
    if (rejects[t.ref] !== undefined) return { ...t, reviewStatus: 'rejected' as const };
    const e = edits[t.ref];
    if (e) {
      const { reviewStatus: _ignored, ...fields } = e;
      return { ...t, ...fields, reviewStatus: 'edited' as const };
    }
    return accepts.has(t.ref) ? { ...t, reviewStatus: 'accepted' as const } : t;
  });
  // Added quotes are written as the reviewer read them: in the normalised (simplified) text; map them back.
  const mapped = normalizePlanText(text).mapped;
  for (const a of review.targets.add ?? []) {
    const at = mapped.text.indexOf(a.quote);
    const span = at >= 0 ? { start: mapped.origStart[at], end: mapped.origEnd[at + a.quote.length - 1] } : null;
    targets.push({
      indicatorName: a.indicatorName ?? a.quote.slice(0, 30), phrase: '', year: null, value: null, unit: null, qualifier: 'exact', strength: 'plain',
      kind: 'level', annual: false, deferred: false, main: false, binding: false, section: '', ...a,
      quoteOriginal: span ? text.slice(span.start, span.end) : '', span, reviewStatus: 'edited',
    });
  }
  const taskEdits = review.tasks?.edit ?? {};
  const taskRejects = review.tasks?.reject ?? {};
  const tasks = base.tasks.filter((t) => taskRejects[t.ref] === undefined).map((t) => ({ ...t, ...(taskEdits[t.ref] ?? {}) }));
  tasks.push(...(review.tasks?.add ?? []));
  return { ...base, targets, tasks };
}

function readReview(file: string): PlanReview | null {
  const url = new URL(file.replace(/\.txt$/, '.review.json'), REVIEWS);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as PlanReview) : null;
}

/** Loads the five seed plans through the parser and their reviews. Returns the titles loaded. */
export async function loadSeedPlans(q: Queryable, actor: Actor, now: Date): Promise<string[]> {
  const regions = (await q.query<{ id: number; code: string; parent_id: number | null; members: number[] | null }>(
    'select r.id, r.code, r.parent_id, (select array_agg(member_id) from region_members m where m.region_id = r.id) as members from regions r',
  )).rows;
  const tree = new RegionTree(regions.map((r) => ({ id: r.id, parentId: r.parent_id, memberIds: r.members ?? [] })));
  const titles: string[] = [];
  for (const seed of SEED_PLANS) {
    const text = readFileSync(new URL(seed.file, ASSETS), 'utf8');
    const draft = parsePlan(text);
    const review = readReview(seed.file);
    const input = parseInput(PlanImportSchema, applyReview(draft, text, seed, review), { what: { zh: `种子方案 ${seed.file}`, en: `seed plan ${seed.file}` } });
    const region = regions.find((r) => r.code === seed.regionCode);
    if (!region) throw new Error(`seed plan ${seed.file}: region ${seed.regionCode} is not loaded`);
    await savePlanImport(q, actor, tree, region.id, input, { reviewed: review !== null, warnings: input.warnings, now });
    titles.push(input.title);
  }
  return titles;
}
