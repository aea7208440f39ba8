import { z } from 'zod';
import { KeyCreated, KeyOut, type KeyCreate } from '../../../../../src/contracts/ingest.ts';
import { api } from '../../../app/api.ts';

/** 接入密钥 endpoints (src/server/monitoring/key-routes.ts). */
export type { KeyOut, KeyCreated };

export const keysApi = {
  list: () => api.get('/api/ingest/keys', z.array(KeyOut)),
  create: (body: KeyCreate) => api.post('/api/ingest/keys', KeyCreated, body),
  revoke: (id: number) => api.delete(`/api/ingest/keys/${id}`, KeyOut),
};
