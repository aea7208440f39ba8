/**
 * The one error type of the domain core. Every user-facing failure names the field it is about and says
 * what is wrong in Chinese and in English; the HTTP layer maps it to a 4xx with the same shape.
 */
export interface Issue {
  /** dotted path of the offending input, e.g. `targets.3.year` or `line 12` */
  field?: string;
  zh: string;
  en: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly issues: Issue[];

  constructor(code: string, msg: { zh: string; en: string; field?: string }, issues: Issue[] = []) {
    super(msg.en);
    this.name = 'DomainError';
    this.code = code;
    this.zh = msg.zh;
    this.en = msg.en;
    this.field = msg.field;
    this.issues = issues.length ? issues : [{ field: msg.field, zh: msg.zh, en: msg.en }];
  }
}

/** Convenience: a validation error about one field. */
export function invalid(field: string, zh: string, en: string, code = 'invalid_input'): DomainError {
  return new DomainError(code, { field, zh: `${field}：${zh}`, en: `${field}: ${en}` });
}
