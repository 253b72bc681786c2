import type { Role } from '../../server/services/permissions';
import { findPasswordHash, insertUser } from '../../server/stores/users';
import { USERS, type Client, type TestContext } from './app';
import { DAY, departmentId, type ContactBody } from './contacts';

/** The UTC day `offset` days from today, YYYY-MM-DD (verify-by dates are UTC days). */
export const day = (offset = 0) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * Another user, not signed in: an admin opens and closes contacts for them (agentId).
 * Reuses the stored test password hash, so no scrypt per user.
 */
export async function addUser(
  ctx: TestContext,
  email: string,
  name: string,
  role: Role = 'agent',
  department = 'frontline',
): Promise<number> {
  const hash = (await findPasswordHash(ctx.db, USERS.agent.email))!.hash;
  return insertUser(ctx.db, {
    email,
    name,
    role,
    departmentId: await departmentId(ctx, department),
    passwordHash: hash,
  });
}

async function ok(res: { status: number; body: unknown }, what: string, status = 200) {
  if (res.status !== status)
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { data: ContactBody }).data;
}

/** An admin opens a contact for `agentId` (optionally at a past time) and returns it. */
export async function openFor(
  admin: Client,
  agentId: number,
  startedAt?: string,
): Promise<ContactBody> {
  return ok(
    await admin.post('/api/contacts', {
      channel: 'phone',
      agentId,
      ...(startedAt && { startedAt }),
    }),
    'opening a contact',
    201,
  );
}

/** Closes a contact (the caller's own, or any for an admin) with `body`. */
export async function close(c: Client, contactId: number, body: object): Promise<ContactBody> {
  return ok(await c.post(`/api/contacts/${contactId}/close`, body), 'closing a contact');
}

/** An admin records a contact of `agentId` solved with `articleId`. */
export async function solvedBy(
  admin: Client,
  agentId: number,
  articleId: number,
): Promise<ContactBody> {
  const contact = await openFor(admin, agentId);
  return close(admin, contact.id, { outcome: 'solved', articleId });
}

/** "Tried, didn't solve" on `contactId`. */
export async function tried(c: Client, contactId: number, articleId: number): Promise<ContactBody> {
  return ok(await c.post(`/api/contacts/${contactId}/tried`, { articleId }), 'marking tried');
}

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
