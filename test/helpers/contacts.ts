import type { Contact } from '../../server/contract/contacts';
import type { Client, TestContext } from './app';

/** A contact as the API answers it (the contract's type). */
export type ContactBody = Contact;

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
