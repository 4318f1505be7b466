import { z } from 'zod';

/** Variable names: what `${…}` conditions can name; also keeps `$` and `.` out of stored keys. */
export const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a variable name: letters, digits and _, not starting with a digit');

/** Form data or start data: named JSON values. */
export const variables = z.record(variableName, z.json()).refine((value) => Object.keys(value).length <= 200, 'at most 200 fields');

export const identifier = z.string().min(1).max(200);

/** A problem+json answer, for the OpenAPI document. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string().optional(), message: z.string() })).optional(),
});
