import { z } from 'zod';

/** The one error shape of the HTTP API: a code, a message in both languages, the field, every issue. */
export const IssueSchema = z.object({ field: z.string().optional(), zh: z.string(), en: z.string() });
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    zh: z.string(),
    en: z.string(),
    field: z.string().optional(),
    issues: z.array(IssueSchema),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
