import { z } from 'zod';
import type { AnyRoute } from './route.ts';
import { ErrorBody } from '../../contracts/errors.ts';

/** OpenAPI 3.1 from the same zod schemas the server validates with (JSON Schema 2020-12 dialect). */
export function openApiDocument(routes: readonly AnyRoute[], version: string) {
  const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, s] of [['path', r.params], ['query', r.query]] as const) {
      if (!s) continue;
      const js = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    }
    const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      'x-access': r.access,
      security: r.access === 'public' ? [] : [{ session: [] }],
      parameters,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: r.produces
          ? { description: 'OK', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'OK', content: { 'application/json': { schema: schema(r.response, 'output') } } },
        '400': { description: 'Invalid input (bilingual issues naming the field)', ...errorRef },
        ...(r.access === 'public' ? {} : { '401': { description: 'Not logged in', ...errorRef }, '403': { description: 'Not allowed', ...errorRef } }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Shuangtan 双碳 API', version, description: 'Carbon-peak plan platform. Errors carry zh-CN and English messages.' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'st_session' } },
      schemas: { Error: schema(ErrorBody, 'output') },
    },
  };
}
