import type { z } from 'zod';
import { contactResponse } from '../../server/contract/contacts';
import { flagResponse, type Flag } from '../../server/contract/queue';
import type { Client, TestContext } from './app';
import { contractData } from './contract';
import { DAY, type ContactBody } from './contacts';
import { openContact } from './factories';

/** The UTC day `offset` days from today, YYYY-MM-DD (verify-by dates are UTC days). */
export const day = (offset = 0) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** The answer's data, checked against the contract; fails the test on another status. */
function ok<S extends z.ZodType>(
  schema: S,
  res: { status: number; body: unknown },
  what: string,
  status = 200,
): z.output<S> {
  if (res.status !== status)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(schema, res);
}

/** Closes a contact (the caller's own, or any for an admin) with `body`. */
export async function close(c: Client, contactId: number, body: object): Promise<ContactBody> {
  return ok(
    contactResponse,
    await c.post(`/api/contacts/${contactId}/close`, body),
    'closing a contact',
  );
}

/** "Tried, didn't solve" on `contactId`. */
export async function tried(c: Client, contactId: number, articleId: number): Promise<ContactBody> {
  return ok(
    contactResponse,
    await c.post(`/api/contacts/${contactId}/tried`, { articleId }),
    'marking tried',
  );
}

/** Records that `articleId` was opened during `contactId`. */
export async function opened(
  c: Client,
  contactId: number,
  articleId: number,
): Promise<ContactBody> {
  return ok(
    contactResponse,
    await c.post(`/api/contacts/${contactId}/opened`, { articleId }),
    'marking opened',
  );
}

/** "Tried, didn't solve" with `articleId` on `n` separate contacts `c` opens (left open). */
export async function triedOn(c: Client, articleId: number, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const contact = await openContact(c);
    await tried(c, contact.id, articleId);
  }
}

/** POST /confidence: moves an article from `version` to `to` (the response, to check). */
export const moveConfidence = (c: Client, id: number, to: string, version: number, note?: string) =>
  c.post(`/api/articles/${id}/confidence`, { to, version, ...(note && { note }) });

export type FlagBody = Flag;

/** `c` flags an article (by default as unclear, "Which menu?") and gets the new flag. */
export async function flagArticle(
  c: Client,
  articleId: number,
  body: { reason: string; comment: string } = { reason: 'unclear', comment: 'Which menu?' },
): Promise<FlagBody> {
  return ok(flagResponse, await c.post(`/api/articles/${articleId}/flags`, body), 'flagging', 201);
}

/** POST /api/queue/{kind}/{id}/resolve (the response, to check: 204 when resolved). */
export const resolveItem = (c: Client, kind: 'flags' | 'requests', id: number, body: object) =>
  c.post(`/api/queue/${kind}/${id}/resolve`, body);

export interface FlagDbRow {
  id: number;
  article_id: number;
  department_id: number;
  user_id: number | null;
  contact_id: number | null;
  reason: string;
  comment: string;
  status: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
}

export const flagRow = (ctx: TestContext, id: number) =>
  ctx.db.get<FlagDbRow>('SELECT * FROM flags WHERE id = ?', [id]);

export interface AuditDbRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
}

/** The audit rows about one entity, oldest first. */
export const auditOf = (ctx: TestContext, entity: string, id: number) =>
  ctx.db.all<AuditDbRow>('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id', [
    entity,
    id,
  ]);

export const count = async (
  ctx: TestContext,
  fromWhere: string,
  params: (string | number)[] = [],
) => (await ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${fromWhere}`, params))!.n;
