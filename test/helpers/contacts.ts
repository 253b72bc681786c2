import { articleResponse } from '../../server/contract/articleResponses';
import { contactResponse, type Contact } from '../../server/contract/contacts';
import { findPasswordHash, insertUser } from '../../server/stores/users';
import { findDepartmentBySlug } from '../../server/stores/departments';
import { client, USERS, type Client, type TestContext } from './app';
import { contractData } from './contract';
import { articleInput } from './factories';

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

export type ContactBody = Contact;

/** Opens a contact and returns it; fails the test on anything but 201. */
export async function openContact(c: Client, body: object = { channel: 'phone' }) {
  const res = await c.post('/api/contacts', body);
  if (res.status !== 201)
    throw new Error(`opening a contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(contactResponse, res);
}

/** GET /api/search with the given parameters. */
export function search(c: Client, params: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return c.get(`/api/search?${qs}`);
}

/** An instant as the API writes it: ISO 8601 in UTC, with milliseconds. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An ISO instant `ms` milliseconds before now, whole seconds (so it survives normalization). */
export function ago(ms: number): string {
  const d = new Date(Date.now() - ms);
  d.setUTCMilliseconds(0);
  return d.toISOString();
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface ContactDbRow {
  id: number;
  agent_id: number;
  agent_department_id: number;
  channel: string;
  customer_ref: string | null;
  started_at: string;
  closed_at: string | null;
  outcome: string | null;
  article_id: number | null;
  article_department_id: number | null;
  escalated_to: number | null;
  reason: string | null;
  note: string | null;
}

export const contactRow = (ctx: TestContext, id: number) =>
  ctx.db.get<ContactDbRow>('SELECT * FROM contacts WHERE id = ?', [id]);

export async function departmentId(ctx: TestContext, slug: string): Promise<number> {
  return (await findDepartmentBySlug(ctx.db, slug))!.id;
}

export async function userId(ctx: TestContext, email: string): Promise<number> {
  return (await ctx.db.get<{ id: number }>('SELECT id FROM users WHERE email = ?', [email]))!.id;
}
