import { DomainError } from '../core/errors.ts';
import { loadConfig } from '../server/config.ts';
import { withContext } from '../server/platform.ts';
import type { AppContext } from '../server/context.ts';
import type { Caller } from '../server/monitoring/points.ts';

/** The CLI working on the database directly acts as an administrator (whoever can open the data dir can anyway). */
export const CLI_CALLER: Caller = { userId: null, username: 'cli', grants: [{ role: 'admin', regionId: null, organisationId: null }] };

/**
 * POST to a running server's API (SHUANGTAN_URL, logged in as SHUANGTAN_USER/SHUANGTAN_PASSWORD): the only
 * way while the server holds the embedded database. Errors come back in the API's bilingual shape.
 */
export async function postViaServer<T>(url: string, path: string, body: unknown, expect = 201): Promise<T> {
  const user = process.env.SHUANGTAN_USER ?? 'admin';
  const password = process.env.SHUANGTAN_PASSWORD;
  if (!password) {
    throw new DomainError('missing_credentials', { field: 'SHUANGTAN_PASSWORD', zh: 'SHUANGTAN_PASSWORD：通过 SHUANGTAN_URL 操作时需要登录密码（用户名 SHUANGTAN_USER，默认 admin）', en: 'SHUANGTAN_PASSWORD: working through SHUANGTAN_URL needs a password (user SHUANGTAN_USER, default admin)' });
  }
  const fail = (e: { error?: { code: string; zh: string; en: string; field?: string } }, status: number) =>
    new DomainError(e.error?.code ?? 'http_error', { field: e.error?.field, zh: e.error?.zh ?? `服务器返回 ${status}`, en: e.error?.en ?? `server answered ${status}` });
  let login: Response;
  try {
    login = await fetch(new URL('/api/auth/login', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  } catch (e) {
    throw new DomainError('server_unreachable', { field: 'SHUANGTAN_URL', zh: `无法连接 ${url}：${(e as Error).message}`, en: `cannot reach ${url}: ${(e as Error).message}` });
  }
  if (login.status !== 200) throw fail(await login.json().catch(() => ({})), login.status);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const out = await res.json().catch(() => ({}));
  if (res.status !== expect) throw fail(out, res.status);
  return out as T;
}

/**
 * A create command: through the running server's API when SHUANGTAN_URL is set (`raw` is sent and validated
 * there), otherwise on the database directly; a locked data dir says how to go through the server instead.
 */
export async function createViaServerOrDb<T>(path: string, raw: unknown, direct: (ctx: AppContext) => Promise<T>): Promise<T> {
  const url = process.env.SHUANGTAN_URL;
  if (url) return postViaServer<T>(url, path, raw);
  try {
    return await withContext(loadConfig(), direct);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'data_dir_locked') {
      throw new DomainError('data_dir_locked', {
        zh: `${e.zh}\n服务器正在运行：请设置 SHUANGTAN_URL（如 http://localhost:8080）和 SHUANGTAN_USER/SHUANGTAN_PASSWORD，通过其 API 操作`,
        en: `${e.en}\nA server is running: set SHUANGTAN_URL (e.g. http://localhost:8080) and SHUANGTAN_USER/SHUANGTAN_PASSWORD to work through its API`,
      });
    }
    throw e;
  }
}
