import { z } from 'zod';
import { TOKEN_SCOPES } from './enums';
import { id, timestamp, userRef } from './refs';

export const tokenCreateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the token after the system that uses it.')
      .max(80, 'Name is at most 80 characters.'),
    scopes: z
      .array(z.enum(TOKEN_SCOPES, { message: `A scope is one of ${TOKEN_SCOPES.join(', ')}.` }))
      .min(1, 'Give the token at least one scope.')
      .transform((s) => [...new Set(s)]),
    expiresInDays: z
      .number()
      .int('Days are whole numbers.')
      .min(1, 'A token lasts at least a day.')
      .max(730, 'A token lasts at most 730 days: rotate it before then.'),
  })
  .strict();

export const tokenIdParam = z.object({
  id: z.coerce.number().int().positive('Token ids are numbers.'),
});

export const tokenResponse = z.strictObject({
  id,
  name: z.string(),
  /** the last four characters, to tell tokens apart: never the secret */
  hint: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: timestamp,
  createdBy: userRef.nullable(),
  expiresAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

/** The answer to creating one: the only time the secret is shown. */
export const tokenCreatedResponse = tokenResponse.extend({ token: z.string() });

export type TokenCreate = z.infer<typeof tokenCreateSchema>;
export type ApiToken = z.infer<typeof tokenResponse>;
