import { z } from 'zod';
import { isoDay } from './articles';
import { id, paging, timestamp } from './refs';

/**
 * The audit log's filters: what kind of thing, which one, what was done, by whom, and the
 * inclusive UTC days it was done on. JSON pages by default; `format=csv` is every matching
 * entry at once (up to AUDIT_CSV_MAX).
 */
export const auditQuery = z
  .object({
    entity: z.string().max(40).optional(),
    entityId: z.coerce.number().int().positive().optional(),
    action: z.string().max(60).optional(),
    actorId: z.coerce.number().int().positive().optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    ...paging(500, 100),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'From is after To.' });
  });

/** A CSV export holds at most this many entries; a wider one asks for a narrower range. */
export const AUDIT_CSV_MAX = 100_000;

export const auditEntryResponse = z.strictObject({
  id,
  at: timestamp,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: id.nullable(),
  /** what a reader calls the thing: an article's title, a person's or department's name */
  entityLabel: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export type AuditFilter = z.infer<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntryResponse>;
