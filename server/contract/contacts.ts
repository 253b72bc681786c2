import { z } from 'zod';
import { CHANNELS, FLAG_REASONS, OUTCOMES } from './enums';
import { articleRef, paging, personRef, slugRef, timestamp } from './refs';

/** An account or ticket number: no spaces or @, so names, emails and addresses do not fit. */
const customerRef = z
  .string()
  .trim()
  .min(1, 'Customer reference cannot be empty.')
  .max(64, 'Customer reference is at most 64 characters.')
  .regex(
    /^[A-Za-z0-9._:/#-]+$/,
    'Use an account or ticket number (letters, digits, . _ : / # -), never personal data.',
  );

const instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO date-time like 2026-11-22T10:15:00Z.' })
  .transform((s) => new Date(s).toISOString());
const id = z.number().int().positive();

export const contactOpenSchema = z
  .object({
    channel: z.enum(CHANNELS, { message: `Channel is one of ${CHANNELS.join(', ')}.` }),
    customerRef: customerRef.nullish(),
    // admins and integrations only: whose contact it is (one of the three), and when it began
    agentId: id.optional(),
    agentEmail: z.email({ message: 'agentEmail is an email address.' }).optional(),
    /** the agent's subject at the company sign-in (OIDC `sub`) */
    agentExternalId: z.string().trim().min(1).max(255).optional(),
    startedAt: instant.optional(),
    /** why the customer called, as the IVR heard it: the console searches for it */
    reason: z.string().trim().max(200, 'Reason is at most 200 characters.').nullish(),
    /** the phone or ticketing system's id for the call: opening it again returns the same contact */
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(128, 'externalId is at most 128 characters.')
      .regex(/^[\x21-\x7e]+$/, 'externalId is printable ASCII without spaces.')
      .optional(),
  })
  .strict()
  .refine(
    (v) => [v.agentId, v.agentEmail, v.agentExternalId].filter((a) => a !== undefined).length <= 1,
    {
      message: 'Name the agent once: agentId, agentEmail or agentExternalId.',
      path: ['agentEmail'],
    },
  );

const closedAt = instant.optional();

export const contactCloseSchema = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('solved'), articleId: id.nullish(), closedAt }).strict(),
    z
      .object({
        outcome: z.literal('escalated'),
        department: z.string().trim().min(1).max(64).optional(),
        departmentId: id.optional(),
        reason: z
          .string()
          .trim()
          .min(1, 'Say why the contact is escalated.')
          .max(500, 'Reason is at most 500 characters.'),
        needsArticle: z.boolean().default(false),
        closedAt,
      })
      .strict()
      .refine((v) => v.department !== undefined || v.departmentId !== undefined, {
        message: 'Choose the department to escalate to.',
        path: ['department'],
      }),
    z
      .object({
        outcome: z.literal('follow_up'),
        note: z.string().trim().max(1000, 'Note is at most 1000 characters.').optional(),
        closedAt,
      })
      .strict(),
  ],
  { message: `Outcome is one of ${OUTCOMES.join(', ')}.` },
);

export const articleRefSchema = z.object({ articleId: id }).strict();

/** POST /api/contacts/:id/undo takes no fields: it takes back the latest action. */
export const contactUndoSchema = z.object({}).strict();

export const flagSchema = z
  .object({
    reason: z.enum(FLAG_REASONS, { message: `Reason is one of ${FLAG_REASONS.join(', ')}.` }),
    comment: z
      .string()
      .trim()
      .min(1, 'Say what is wrong, so the owners can fix it.')
      .max(2000, 'Comment is at most 2000 characters.'),
    contactId: id.optional(),
  })
  .strict();

/** GET /api/contacts: your own (admins: anyone's), newest first */
export const contactListQuery = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    agentId: z.coerce.number().int().positive().optional(),
    ...paging(200, 50),
  })
  .strict();

export const contactIdParam = z.object({
  id: z.coerce.number().int().positive('Contact ids are numbers.'),
});

export const contactResponse = z.strictObject({
  id,
  channel: z.enum(CHANNELS),
  customerRef: z.string().nullable(),
  externalId: z.string().nullable(),
  /** why the customer called, as the phone system heard it */
  openingReason: z.string().nullable(),
  agent: personRef,
  agentDepartment: slugRef,
  startedAt: timestamp,
  closedAt: timestamp.nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  article: articleRef.extend({ department: slugRef }).nullable(),
  escalatedTo: slugRef.nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  needsArticle: z.boolean(),
  tried: z.array(articleRef),
  opened: z.array(articleRef),
  searches: z.array(
    z.strictObject({ query: z.string(), resultCount: z.number().int(), at: timestamp }),
  ),
});

export type ContactOpen = z.infer<typeof contactOpenSchema>;
export type ContactClose = z.infer<typeof contactCloseSchema>;
export type FlagInput = z.infer<typeof flagSchema>;
export type Contact = z.infer<typeof contactResponse>;
