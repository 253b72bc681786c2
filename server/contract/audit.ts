import { z } from 'zod';
import { id, paging, timestamp } from './refs';

export const auditQuery = z
  .object({
    entity: z.string().max(40).optional(),
    entityId: z.coerce.number().int().positive().optional(),
    action: z.string().max(60).optional(),
    ...paging(500, 100),
  })
  .strict();

export const auditEntryResponse = z.strictObject({
  id,
  at: timestamp,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: id.nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export type AuditFilter = z.infer<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntryResponse>;
