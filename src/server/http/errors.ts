import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type Issue } from '../../core/errors.ts';
import { isPgError } from '../../db/index.ts';
import { toIssues } from '../../core/validation.ts';
import type { ErrorBody } from '../../contracts/errors.ts';

/** An error that carries its HTTP status. Services throw these for 401/403/404/409. */
export class HttpError extends DomainError {
  constructor(readonly status: number, code: string, msg: { zh: string; en: string; field?: string }, issues: Issue[] = []) {
    super(code, msg, issues);
  }
}

export const unauthorized = () =>
  new HttpError(401, 'unauthenticated', { zh: '请先登录', en: 'Please log in first' });
export const forbidden = (what = '') =>
  new HttpError(403, 'forbidden', { zh: `无权执行此操作${what ? `：${what}` : ''}`, en: `Not allowed${what ? `: ${what}` : ''}` });
export const notFound = (zhThing: string, enThing: string, field?: string) =>
  new HttpError(404, 'not_found', { field, zh: `${zhThing}不存在或无权访问`, en: `${enThing} does not exist or is not visible to you` });
export const conflict = (zh: string, en: string, field?: string) => new HttpError(409, 'conflict', { field, zh, en });

/** Status for a domain error raised by the core or a service. */
function statusOf(e: DomainError): number {
  if (e instanceof HttpError) return e.status;
  return 400;
}

function body(e: DomainError): ErrorBody {
  return { error: { code: e.code, zh: e.zh, en: e.en, field: e.field, issues: e.issues } };
}

/** Fastify's own errors (bad JSON, wrong content type, body too large) in the same bilingual shape. */
const FASTIFY_ERRORS: Record<string, { status: number; zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, zh: '请求体不是有效的 JSON', en: 'Request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, zh: '请求体为空，但声明为 JSON', en: 'Request body is empty but declared as JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, zh: '不支持的 Content-Type，请使用 application/json', en: 'Unsupported Content-Type; use application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'Request body too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, zh: 'Content-Length 与请求体不符', en: 'Content-Length does not match the body' },
};

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) return reply.status(statusOf(err)).send(body(err));
  if (err instanceof z.ZodError) {
    const issues = toIssues(err);
    return reply.status(400).send(body(new DomainError('invalid_input', issues[0], issues)));
  }
  const code = (err as FastifyError).code;
  const known = code ? FASTIFY_ERRORS[code] : undefined;
  if (known) return reply.status(known.status).send(body(new DomainError(code.toLowerCase(), known)));
  if (isPgError(err, '23505')) {
    // A unique constraint that a service did not pre-check (a race): still the user's conflict, not a crash.
    return reply.status(409).send(body(new DomainError('conflict', { zh: '记录已存在（唯一性冲突）', en: 'A record with these values already exists' })));
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.status(status).send(body(new DomainError('bad_request', { zh: `请求无效：${err.message}`, en: `Bad request: ${err.message}` })));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body(new DomainError('internal', { zh: '服务器内部错误，已记录', en: 'Internal server error; it has been logged' })));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  reply.status(404).send(body(new DomainError('no_route', { zh: `接口不存在：${req.method} ${req.url}`, en: `No such endpoint: ${req.method} ${req.url}` })));
}
