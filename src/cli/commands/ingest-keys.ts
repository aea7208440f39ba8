import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { KeyCreate, type KeyCreated } from '../../contracts/ingest.ts';
import { loadConfig } from '../../server/config.ts';
import { withContext } from '../../server/platform.ts';
import { createKey } from '../../server/monitoring/keys.ts';

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

export function registerIngestKeyCommands(program: Command) {
  program.command('key').description('API keys of enterprises for batch ingestion (接入密钥)').command('create')
    .description('issue an API key for an enterprise (POST /api/ingest/readings, MQTT login); printed once. With SHUANGTAN_URL set it goes '
      + 'through that running server\'s API (SHUANGTAN_USER, SHUANGTAN_PASSWORD); otherwise it opens the database')
    .requiredOption('--enterprise <CREDIT_CODE>', '统一社会信用代码 of the enterprise')
    .requiredOption('--name <label>', 'what the key is for, e.g. "DCS gateway"')
    .action(async (o: { enterprise: string; name: string }) => {
      const raw = { enterprise: o.enterprise, name: o.name };
      const body = parseInput(KeyCreate, raw);
      const url = process.env.SHUANGTAN_URL;
      let out: KeyCreated;
      if (url) out = await postViaServer<KeyCreated>(url, '/api/ingest/keys', raw);
      else {
        try {
          out = await withContext(loadConfig(), (ctx) => createKey(ctx, { userId: null, username: 'cli', grants: [{ role: 'admin', regionId: null, organisationId: null }] }, body));
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
      console.log(`已为 ${out.enterpriseName} 创建接入密钥 / created API key “${out.name}” (${out.prefix}) for ${out.enterpriseName}`);
      console.log('密钥仅显示这一次，请妥善保存 / the key is shown only this once, keep it safe:');
      console.log(out.key);
    });
}
