import { z } from 'zod';

export const HealthOut = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgresql']), version: z.string() }),
  demoLoaded: z.boolean(),
});
export type HealthOut = z.infer<typeof HealthOut>;
