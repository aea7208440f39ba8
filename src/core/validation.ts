import { z } from 'zod';
import { DomainError, type Issue } from './errors.ts';

/**
 * zod issues → the project's bilingual issues. zod's own zh-CN and en locales word the generic cases;
 * refinements carry their own wording in `params: { zh, en }` (see `bilingual`).
 */
const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

function text(fn: typeof zh, issue: z.core.$ZodIssue): string {
  const out = fn?.(issue as never);
  return typeof out === 'string' ? out : out?.message ?? issue.message;
}

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    const params = (issue as { params?: { zh?: string; en?: string } }).params;
    const zhMsg = params?.zh ?? text(zh, issue);
    const enMsg = params?.en ?? text(en, issue);
    return { field, zh: field ? `${field}：${zhMsg}` : zhMsg, en: field ? `${field}: ${enMsg}` : enMsg };
  });
}

/** Validates or throws a DomainError listing every issue (HTTP 400, CLI exit 2, a form's field errors). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const issues = toIssues(r.error);
  const first = issues[0];
  return fail(first, issues);
}

function fail(first: Issue, issues: Issue[]): never {
  const more = issues.length > 1 ? { zh: `（另有 ${issues.length - 1} 处问题）`, en: ` (and ${issues.length - 1} more)` } : { zh: '', en: '' };
  throw new DomainError('invalid_input', { field: first.field, zh: first.zh + more.zh, en: first.en + more.en }, issues);
}

/** A refinement with its message in both languages. */
export function bilingual(ctx: z.RefinementCtx, zhMsg: string, enMsg: string, path: PropertyKey[] = []) {
  ctx.addIssue({ code: 'custom', message: enMsg, params: { zh: zhMsg, en: enMsg }, path });
}

/** Runs a core validator that throws DomainError and turns it into a zod issue with the same wording. */
export function fromDomain<T>(check: (v: T) => unknown) {
  return (v: T, ctx: z.RefinementCtx) => {
    try {
      check(v);
    } catch (e) {
      if (e instanceof DomainError) bilingual(ctx, e.zh, e.en);
      else throw e;
    }
  };
}
