import { z } from 'zod';
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { ApiError, type Issue } from './api.ts';
import type { Lang } from '../i18n/index.ts';

/**
 * Forms validate with the same zod schemas the server uses (src/contracts), and show the server's own
 * field issues on the fields they name. Messages come in the UI language: refinements carry
 * `params: { zh, en }` (src/core/validation.ts); zod's generic issues are worded by its zh-CN/en locales.
 */
const locales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

export function zodIssueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const params = (issue as { params?: { zh?: string; en?: string } }).params;
  const own = params?.[lang];
  if (own) return own;
  const out = locales[lang]?.(issue as never);
  return typeof out === 'string' ? out : out?.message ?? issue.message;
}

/** 'roles.0.regionCode' → ['roles', 0, 'regionCode'], as Ant Design names nested fields. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^[0-9]+$/.test(p) ? Number(p) : p));
}

/** The server prefixes field messages with the field ("creditCode：…"); under the field itself that is noise. */
function stripField(msg: string, field?: string): string {
  if (!field) return msg;
  for (const sep of ['：', ': ']) if (msg.startsWith(field + sep)) return msg.slice(field.length + sep.length);
  return msg;
}

export interface FieldError { name: (string | number)[]; errors: string[] }

function group(entries: Array<{ field: string; msg: string }>): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const e of entries) byField.set(e.field, [...(byField.get(e.field) ?? []), e.msg]);
  return [...byField].map(([f, errors]) => ({ name: namePath(f), errors }));
}

export type Checked<T> = { ok: true; data: T } | { ok: false; fields: FieldError[]; general: string[] };

/** Runs a contract schema over form values: the parsed data, or errors per field plus those about no field. */
export function check<S extends z.ZodType>(schema: S, values: unknown, lang: Lang): Checked<z.output<S>> {
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, data: r.data };
  const withField: Array<{ field: string; msg: string }> = [];
  const general: string[] = [];
  for (const issue of r.error.issues) {
    const msg = zodIssueText(issue, lang);
    if (issue.path.length) withField.push({ field: issue.path.map(String).join('.'), msg });
    else general.push(msg);
  }
  return { ok: false, fields: group(withField), general };
}

/**
 * An Ant Design rule that checks one field with the whole contract schema (cross-field rules such as
 * "an enterprise needs a credit code" included). `values` builds the payload from the current form values.
 */
export function schemaRule(schema: z.ZodType, field: string, values: () => unknown, lang: Lang): Rule {
  return {
    validator: async () => {
      const r = schema.safeParse(values());
      if (r.success) return;
      const issue = r.error.issues.find((i) => i.path.map(String).join('.') === field);
      if (issue) throw new Error(zodIssueText(issue, lang));
    },
  };
}

/**
 * Puts an API error on the form: issues that name a field the form has go under that field; the rest
 * are returned as messages for an alert above the form.
 */
export function applyApiError(form: FormInstance, e: unknown, lang: Lang, fields: readonly string[]): string[] {
  if (!(e instanceof ApiError)) return [e instanceof Error ? e.message : String(e)];
  const has = (f?: string) => !!f && fields.some((k) => f === k || f.startsWith(`${k}.`));
  const issues: Issue[] = e.issues.length ? e.issues : [{ field: e.field, zh: e.zh, en: e.en }];
  const placed = issues.filter((i) => has(i.field)).map((i) => ({ field: i.field!, msg: stripField(i[lang], i.field) }));
  form.setFields(group(placed));
  const rest = issues.filter((i) => !has(i.field)).map((i) => i[lang]);
  return placed.length || rest.length ? rest : [lang === 'zh' ? e.zh : e.en];
}

/** '' → null for optional text inputs, trimmed. */
export const blankToNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Shows field errors from `check` on a form of any value type. */
export function showFieldErrors(form: FormInstance, fields: FieldError[]) {
  form.setFields(fields);
}
