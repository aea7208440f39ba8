import type { z } from 'zod';
import { ErrorBody } from '../../../src/contracts/errors.ts';

/**
 * The one fetch wrapper of the web UI. Every call names the zod schema of its response (from
 * src/contracts), so response types are never hand-written and a server that answers something else
 * is reported instead of rendering nonsense. Errors come back as ApiError in the API's bilingual shape;
 * a 401 on any call but the login itself ends the client session (→ login page).
 */
export type Issue = ErrorBody['error']['issues'][number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly issues: Issue[];

  constructor(status: number, body: ErrorBody['error']) {
    super(body.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.zh = body.zh;
    this.en = body.en;
    this.field = body.field;
    this.issues = body.issues;
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called (once per 401) when the server says the session is gone. */
export function onUnauthorized(fn: (() => void) | null) {
  unauthorizedHandler = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const clientError = (status: number, code: string, zh: string, en: string) =>
  new ApiError(status, { code, zh, en, issues: [{ zh, en }] });

async function request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw clientError(0, 'network', '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and try again');
  }
  let json: unknown = undefined;
  const text = await res.text();
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(json);
    const err = parsed.success
      ? new ApiError(res.status, parsed.data.error)
      : clientError(res.status, 'bad_response', `服务器返回了无法识别的响应（HTTP ${res.status}）`, `The server sent a response that could not be understood (HTTP ${res.status})`);
    if (res.status === 401 && path !== '/api/auth/login') unauthorizedHandler?.();
    throw err;
  }
  const out = schema.safeParse(json);
  if (!out.success) {
    throw clientError(res.status, 'bad_response', `服务器返回了无法识别的响应（HTTP ${res.status}）`, `The server sent a response that could not be understood (HTTP ${res.status})`);
  }
  return out.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => request('GET', withQuery(path, query), schema),
  post: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('POST', path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, schema, body),
  delete: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, schema),
};

/** The message of any error in the UI language. */
export function errorText(e: unknown, lang: 'zh' | 'en'): string {
  if (e instanceof ApiError) return lang === 'zh' ? e.zh : e.en;
  if (e instanceof Error) return e.message;
  return String(e);
}
