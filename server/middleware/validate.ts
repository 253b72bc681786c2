import type { z } from 'zod';
import { validationFailed } from '../errors';

/** Parses input with a zod schema; the first problem becomes a 400 naming its field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : undefined;
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
      : issue.code === 'invalid_type' && issue.input === undefined
        ? `${field ?? 'A value'} is required.`
        : issue.message;
  throw validationFailed(message, issue.code === 'unrecognized_keys' ? issue.keys[0] : field);
}
