import { z } from 'zod';
import { ErrorBody } from '../../../../../src/contracts/errors.ts';
import { KeyCreated, KeyOut, type KeyCreate } from '../../../../../src/contracts/ingest.ts';
import { api, ApiError } from '../../../app/api.ts';

/** 接入密钥 endpoints (src/server/monitoring/key-routes.ts). */
export type { KeyOut, KeyCreated };

/**
 * Revoking is a DELETE, which the shared client (web/src/app/api.ts: get, post, patch) does not offer yet.
 * Until it does, this one call goes through fetch and reports errors in the same ApiError shape.
 */
async function revoke(id: number): Promise<KeyOut> {
  const res = await fetch(`/api/ingest/keys/${id}`, { method: 'DELETE', credentials: 'same-origin', headers: { accept: 'application/json' } })
    .catch(() => { throw new ApiError(0, { code: 'network', zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and try again', issues: [] }); });
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = ErrorBody.safeParse(json);
    throw new ApiError(res.status, e.success ? e.data.error
      : { code: 'bad_response', zh: `服务器返回了无法识别的响应（HTTP ${res.status}）`, en: `The server sent a response that could not be understood (HTTP ${res.status})`, issues: [] });
  }
  return KeyOut.parse(json);
}

export const keysApi = {
  list: () => api.get('/api/ingest/keys', z.array(KeyOut)),
  create: (body: KeyCreate) => api.post('/api/ingest/keys', KeyCreated, body),
  revoke,
};
