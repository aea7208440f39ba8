import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { KeyCreate, KeyCreated, KeyListQuery, KeyOut } from '../../contracts/ingest.ts';
import { createKey, listKeys, revokeKey } from './keys.ts';

const TAG = 'monitoring';

export const keyRoutes = [
  defineRoute({
    method: 'GET', url: '/api/ingest/keys', tag: TAG, access: 'monitoring.key',
    summary: 'API keys for batch ingestion the caller may manage (never the key itself)',
    query: KeyListQuery, response: z.array(KeyOut), handler: ({ ctx, principal, query }) => listKeys(ctx, principal, query.organisationId),
  }),
  defineRoute({
    method: 'POST', url: '/api/ingest/keys', tag: TAG, access: 'monitoring.key', status: 201,
    summary: 'Issue an API key for an enterprise; the key is in this answer only (the platform keeps its SHA-256)',
    body: KeyCreate, response: KeyCreated, handler: ({ ctx, principal, body }) => createKey(ctx, principal, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/ingest/keys/:id', tag: TAG, access: 'monitoring.key',
    summary: 'Revoke an API key at once (kept, marked revoked, for the audit trail)',
    params: IdParams, response: KeyOut, handler: ({ ctx, principal, params }) => revokeKey(ctx, principal, params.id),
  }),
];
