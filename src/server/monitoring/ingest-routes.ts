import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../http/route.ts';
import { HttpError } from '../http/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { IngestBatch, IngestBody, IngestResult } from '../../contracts/ingest.ts';
import { ingestOf } from '../context.ts';
import { keyOfHeaders, verifyKey } from '../../ingest/api-keys.ts';
import { csvReadings } from '../../ingest/batch.ts';
import { ingestBatch, type RowHint } from '../../ingest/batch-ingest.ts';

const CSV_TYPES = ['text/csv', 'application/csv'];

/**
 * CSV bodies reach the route as text. A type a cross-site form cannot send (unlike text/plain), and the route
 * takes no session anyway: it is authenticated by the enterprise's API key.
 */
export function acceptCsv(app: FastifyInstance): void {
  app.addContentTypeParser(CSV_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
}

const invalidKey = () => new HttpError(401, 'invalid_api_key', {
  field: 'Authorization',
  zh: 'API 密钥缺失、无效或已吊销：请在请求头 Authorization: Bearer <密钥> 或 X-Api-Key 中提供企业的接入密钥',
  en: 'API key missing, invalid or revoked: send the enterprise\'s ingestion key as Authorization: Bearer <key> or X-Api-Key',
});

export const ingestRoutes = [
  defineRoute({
    method: 'POST', url: '/api/ingest/readings', tag: 'monitoring', access: 'public',
    summary: 'Batch upload of readings (JSON, or text/csv with the header mn,time,factor,kind,value,flag), authenticated by the enterprise\'s API key '
      + '(Authorization: Bearer <key> or X-Api-Key; not the session). All rows are checked first: an unknown, foreign or inactive MN or an '
      + 'unreadable field refuses the whole batch (400 naming each row). Answered after the write committed; a resend stores nothing new.',
    body: IngestBody, response: IngestResult,
    handler: async ({ ctx, req, body }) => {
      const holder = await verifyKey(ctx.db, keyOfHeaders(req.headers), ctx.now());
      if (!holder) throw invalidKey();
      const csv = CSV_TYPES.some((t) => (req.headers['content-type'] ?? '').toLowerCase().startsWith(t));
      let readings: IngestBatch['readings'];
      let hint: RowHint | undefined;
      if (typeof body === 'string') {
        if (!csv) throw new HttpError(400, 'invalid_input', { field: 'readings', zh: 'readings：JSON 请求体须为 { "readings": [...] }', en: 'readings: a JSON body must be { "readings": [...] }' });
        const parsed = csvReadings(body);
        const where: RowHint = (i) => ({ zh: `（CSV 第 ${parsed.lines[i]} 行）`, en: ` (CSV line ${parsed.lines[i]})` });
        readings = parseInput(IngestBatch, { readings: parsed.readings }, {
          code: 'invalid_rows', hint: (path) => (path[0] === 'readings' && typeof path[1] === 'number' ? where(path[1]) : { zh: '', en: '' }),
        }).readings;
        hint = where;
      } else readings = body.readings;
      return ingestBatch(ingestOf(ctx), { organisationId: holder.organisationId, keyId: holder.keyId, remote: `http ${req.ip} ${holder.prefix}` }, readings, hint);
    },
  }),
];
