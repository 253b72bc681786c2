import { z } from 'zod';
import { CURRENCY_SHAPE, CURRENCY_UNKNOWN, isKnownCurrency, normalizeCurrency } from './currency';

/** A three-letter ISO 4217 code, e.g. USD, EUR, JPY; lower case is accepted and upper-cased. */
export const currencyCode = z
  .string()
  .transform(normalizeCurrency)
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{3}$/, CURRENCY_SHAPE)
      .refine(isKnownCurrency, CURRENCY_UNKNOWN),
  );

/** Every admin setting and its bounds (DESIGN §1, §3); GET and PATCH answer all of them. */
export const settingsSchema = z
  .object({
    /** FCR (verified): another contact from the same customer within this many days undoes it */
    fcrWindowDays: z.number().int().min(1).max(90),
    /** money per escalated contact and per first-contact resolution (escalations avoided) */
    costEscalated: z.number().min(0).max(100_000),
    costFirstContact: z.number().min(0).max(100_000),
    /** the currency of both costs: money on the dashboard and in CSV exports */
    currency: currencyCode,
    /** a validated article must be verified again after this many days */
    verifyIntervalDays: z.number().int().min(1).max(3650),
    /** J: "tried, didn't solve" this often in 30 days flags a validated article */
    failThreshold: z.number().int().min(1).max(1000),
    /** K: solved by this many distinct agents promotes a not-validated article */
    promoteThreshold: z.number().int().min(1).max(1000),
  })
  .strict();

export const settingsUpdateSchema = settingsSchema.partial().strict();

export type Settings = z.infer<typeof settingsSchema>;
