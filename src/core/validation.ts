import { z } from 'zod';
import { DomainError, type Issue } from './errors.ts';

/**
 * zod issues → the project's bilingual issues. zod's own zh-CN and en locales word the generic cases;
 * refinements carry their own wording in `params: { zh, en }` (see `bilingual`). One place for the API,
 * the CLI, the UI and the core's own input schemas (inventories, scenarios).
 */
const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

function localised(fn: typeof zhLocale, issue: z.core.$ZodIssue): string {
  const out = fn?.(issue as never);
  return typeof out === 'string' ? out : out?.message ?? issue.message;
}

/** Optional extra words after the field name, e.g. “（能源平衡表第3行）” for rows of an input table. */
export type FieldHint = (path: readonly PropertyKey[]) => { zh: string; en: string };
/** A module's own wording for some issues (null: use the generic wording). */
export type Translate = (issue: z.core.$ZodIssue) => { zh: string; en: string } | null;

export interface IssueOptions {
  hint?: FieldHint;
  translate?: Translate;
  /** Path prefix when the validated value sits inside a larger input. */
  prefix?: readonly PropertyKey[];
}

export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * A union that failed: report the issues of the one branch that fits the input's shape (whose issues are
 * not all "wrong type at the root"), so `{"dist": "normal", "mean": "x"}` says `mean` is wrong rather than
 * "matches none of the forms". Null when no single branch fits.
 */
function bestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | null {
  if (issue.code !== 'invalid_union' || issue.discriminator || !issue.errors.length) return null;
  const fits = issue.errors.filter((b) => b.some((i) => i.path.length > 0 || i.code !== 'invalid_type'));
  return fits.length === 1 ? fits[0] : null;
}

function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): { path: PropertyKey[]; issue: z.core.$ZodIssue }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const branch = bestBranch(issue);
    return branch ? flatten(branch, path) : [{ path, issue }];
  });
}

export function toIssues(error: z.ZodError, opts: IssueOptions = {}): Issue[] {
  return flatten(error.issues, opts.prefix ?? []).map(({ path, issue }) => {
    const field = fieldPath(path) || undefined;
    const params = (issue as { params?: { zh?: string; en?: string } }).params;
    const own = params?.zh && params.en ? { zh: params.zh, en: params.en } : opts.translate?.(issue);
    const zh = own?.zh ?? localised(zhLocale, issue);
    const en = own?.en ?? localised(enLocale, issue);
    const h = opts.hint?.(path) ?? { zh: '', en: '' };
    return { field, zh: field ? `${field}${h.zh}：${zh}` : zh, en: field ? `${field}${h.en}: ${en}` : en };
  });
}

/** One DomainError naming the first issue and carrying all of them. */
export function issuesError(code: string, issues: Issue[], what?: { zh: string; en: string }): DomainError {
  const first = issues[0];
  const more = issues.length > 1 ? { zh: `（另有 ${issues.length - 1} 处问题）`, en: ` (and ${issues.length - 1} more)` } : { zh: '', en: '' };
  const pre = what ? { zh: `${what.zh}无效：`, en: `invalid ${what.en}: ` } : { zh: '', en: '' };
  return new DomainError(code, { field: first.field, zh: pre.zh + first.zh + more.zh, en: pre.en + first.en + more.en }, issues);
}

/** Collects problems found by hand-written checks, then throws them as one error. */
export class IssueList {
  readonly items: Issue[] = [];
  add(path: readonly PropertyKey[], zh: string, en: string): void {
    const field = fieldPath(path);
    this.items.push({ field, zh: `${field}：${zh}`, en: `${field}: ${en}` });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  throwIfAny(code: string): void {
    if (this.items.length) throw issuesError(code, this.items);
  }
}

export interface ParseOptions extends IssueOptions {
  /** What is being validated, to open the message: “区域能源平衡无效：…” / “invalid regional balance: …”. */
  what?: { zh: string; en: string };
  code?: string;
}

/** Validates or throws a DomainError listing every issue (HTTP 400, CLI exit 2, a form's field errors). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, opts: ParseOptions = {}): z.output<S> {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  throw issuesError(opts.code ?? 'invalid_input', toIssues(r.error, opts), opts.what);
}

/** A refinement with its message in both languages. */
export function bilingual(ctx: z.RefinementCtx, zhMsg: string, enMsg: string, path: PropertyKey[] = []): void {
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
