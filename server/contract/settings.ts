import { z } from 'zod';

/** Every admin setting and its bounds (DESIGN §1, §3); GET and PATCH answer all of them. */
export const settingsSchema = z
  .object({
    /** FCR (verified): another contact from the same customer within this many days undoes it */
    fcrWindowDays: z.number().int().min(1).max(90),
    /** money per escalated contact and per first-contact resolution (escalations avoided) */
    costEscalated: z.number().min(0).max(100_000),
    costFirstContact: z.number().min(0).max(100_000),
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
