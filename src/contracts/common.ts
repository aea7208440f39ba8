import { z } from 'zod';

export const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export const Timestamp = z.string().describe('ISO 8601 date-time');
export const Ok = z.object({ ok: z.literal(true) });
