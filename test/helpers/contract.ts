import { z } from 'zod';
import { ERROR_IDS } from '../../server/contract/errors';
import { pageMeta } from '../../server/contract/refs';

/**
 * Response bodies checked against the contract's schemas: what presenters return is then what
 * the client's types (inferred from the same schemas) say. Objects are strict, so a key more or
 * less fails too.
 */
function matches<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(
      `The body does not match the contract:\n${z.prettifyError(result.error)}\n` +
        JSON.stringify(body, null, 2).slice(0, 2000),
    );
  return result.data;
}

/** A success body, `{ data }` (and `meta` on lists), whose data is `schema`; returns the data. */
export function contractData<S extends z.ZodType>(schema: S, res: { body: unknown }): z.output<S> {
  const envelope = z.strictObject({ data: schema, meta: pageMeta.optional() });
  return (matches(envelope, res.body) as { data: z.output<S> }).data;
}

/** A paged list body, `{ data: [...], meta }`. */
export function contractList<S extends z.ZodType>(schema: S, res: { body: unknown }) {
  const envelope = z.strictObject({ data: z.array(schema), meta: pageMeta });
  return matches(envelope, res.body) as { data: z.output<S>[]; meta: z.output<typeof pageMeta> };
}

const errorBody = z.strictObject({
  error: z.strictObject({
    id: z.enum(ERROR_IDS),
    message: z.string().min(1),
    field: z.string().optional(),
  }),
});

/** An error body with an id from the catalogue. */
export const contractError = (res: { body: unknown }) => matches(errorBody, res.body).error;
