/**
 * Test data builders, one place: users, departments, articles, contacts. They go through the
 * API where the API can build it (so tests exercise the real rules), and through stores only
 * for what has no API (users: no scrypt per user).
 */
import type { Role } from '../../server/contract/enums';
import { findDepartmentBySlug } from '../../server/stores/departments';
import { findPasswordHash, insertUser } from '../../server/stores/users';
import { articleResponse } from '../../server/contract/articleResponses';
import { contactResponse } from '../../server/contract/contacts';
import { client, USERS, type Client, type TestContext } from './app';
import { contractData } from './contract';
import type { ContactBody } from './contacts';

let n = 0;

/** A valid article body for POST /api/articles; override what the test is about. */
/** Overrides are loosely typed on purpose: tests also send invalid values. */
export function articleInput(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    title: `Modem reboots every night ${n}`,
    issue: 'Customer says the modem restarts by itself around 3am.',
    environment: '- FH-300 router\n- Fibre 500',
    resolution: '1. Open the router page.\n2. Turn off **auto-reboot**.\n3. Save.',
    cause: 'Default maintenance schedule.',
    errorCodes: [] as string[],
    products: ['FH-300 router'],
    tags: ['reboot'],
    department: 'network',
    audience: 'agents',
    confidence: 'validated',
    ...overrides,
  };
}

/** A second agent in the frontline department (USERS has only one), signed in. */
export async function secondAgent(
  ctx: TestContext,
  email = 'agent2@test.example',
  name = 'Agent B',
): Promise<{ client: Client; id: number }> {
  const department = await findDepartmentBySlug(ctx.db, 'frontline');
  // the same password as every test user: reuse the hash makeTestApp stored
  const hash = (await findPasswordHash(ctx.db, USERS.agent.email))!.hash;
  const id = await insertUser(ctx.db, {
    email,
    name,
    role: 'agent',
    departmentId: department!.id,
    passwordHash: hash,
  });
  const c = client(ctx);
  const res = await c.login(email);
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status}`);
  return { client: c, id };
}

export interface CreatedArticle {
  id: number;
  slug: string;
  title: string;
  department: { slug: string; name: string };
  confidence: string;
}

/** Creates an article through the API (the caller must be allowed to write it). */
export async function createArticle(
  writer: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedArticle> {
  const res = await writer.post('/api/articles', articleInput(overrides));
  if (res.status !== 201)
    throw new Error(`creating an article failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(articleResponse, res);
}

/**
 * One network article agents may not see or use for each reason: wip (no resolution), archived,
 * internal.
 */
export async function articlesHiddenFromAgents(writer: Client) {
  const wip = await createArticle(writer, { confidence: 'wip', resolution: '' });
  const archived = await createArticle(writer, { confidence: 'archived' });
  const internal = await createArticle(writer, { audience: 'internal' });
  return { wip, archived, internal };
}

/** Opens a contact and returns it; fails the test on anything but 201. */
export async function openContact(c: Client, body: object = { channel: 'phone' }) {
  const res = await c.post('/api/contacts', body);
  if (res.status !== 201)
    throw new Error(`opening a contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(contactResponse, res);
}

export async function departmentId(ctx: TestContext, slug: string): Promise<number> {
  return (await findDepartmentBySlug(ctx.db, slug))!.id;
}

export async function userId(ctx: TestContext, email: string): Promise<number> {
  return (await ctx.db.get<{ id: number }>('SELECT id FROM users WHERE email = ?', [email]))!.id;
}

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

/** An admin opens a contact for `agentId` (optionally at a past time) and returns it. */
export function openFor(
  admin: Client,
  agentId: number,
  startedAt?: string,
  channel = 'phone',
): Promise<ContactBody> {
  return openContact(admin, { channel, agentId, ...(startedAt && { startedAt }) });
}

/** An admin records a contact of `agentId` solved with `articleId`. */
export async function solvedBy(
  admin: Client,
  agentId: number,
  articleId: number,
): Promise<ContactBody> {
  const contact = await openFor(admin, agentId);
  const res = await admin.post(`/api/contacts/${contact.id}/close`, {
    outcome: 'solved',
    articleId,
  });
  if (res.status !== 200)
    throw new Error(`closing a contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(contactResponse, res);
}
