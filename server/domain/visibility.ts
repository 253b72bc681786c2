/**
 * Who may see, find and change which article. One place, so search, reads, lists, writes and
 * presenters agree.
 */
import type { Audience, Confidence, Role } from '../contract/enums';
import type { Actor } from './roles';

/** Published = has a resolution agents may use: not validated yet, or validated. */
export const PUBLISHED: readonly Confidence[] = ['not_validated', 'validated'];
export const isPublished = (c: Confidence): boolean => PUBLISHED.includes(c);

interface Visible {
  confidence: Confidence;
  audience: Audience;
}

/** Agents only ever see published, agent-facing articles (never wip, archived or internal). */
const agentsMayRead = (a: Visible) => a.audience === 'agents' && isPublished(a.confidence);

export const canRead = (role: Role, article: Visible): boolean =>
  role !== 'agent' || agentsMayRead(article);

/** The states a role may list. */
export const readableConfidences = (role: Role): readonly Confidence[] =>
  role === 'agent' ? PUBLISHED : ['wip', 'not_validated', 'validated', 'archived'];

/**
 * Who a search runs for. The search engine knows readerships, not roles: each indexed article
 * carries the readerships that may find it, and each query names one.
 */
export const READERSHIPS = ['agents', 'staff'] as const;
export type Readership = (typeof READERSHIPS)[number];
export const readershipOf = (role: Role): Readership => (role === 'agent' ? 'agents' : 'staff');

/** Search hides archived articles from everyone: they are kept for history, not for calls. */
export const canFind = (readership: Readership, article: Visible): boolean =>
  article.confidence !== 'archived' && (readership === 'staff' || agentsMayRead(article));

export const findableBy = (article: Visible): Readership[] =>
  READERSHIPS.filter((r) => canFind(r, article));

/** Engineers write for their own department; admins for any. */
export function canWrite(actor: Actor, departmentId: number): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'engineer' && actor.departmentId === departmentId;
}

/** The cause is internal (DESIGN §2): agents never get it. */
export const seesInternalFields = (role: Role): boolean => role !== 'agent';
