/**
 * Who may see and change what. One place, so search, article reads and writes agree.
 */
export type Role = 'agent' | 'engineer' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['agent', 'engineer', 'manager', 'admin'];

/** Whoever is acting. `id` is null for the system itself (CLI import, seeding). */
export interface Actor {
  id: number | null;
  role: Role;
  departmentId: number | null;
}

export const SYSTEM: Actor = Object.freeze({ id: null, role: 'admin', departmentId: null });

interface Visible {
  confidence: string;
  audience: string;
}

/** Agents only ever see published, agent-facing articles (never wip, archived or internal). */
export function canRead(role: Role, article: Visible): boolean {
  if (role === 'agent') {
    return (
      article.audience === 'agents' &&
      (article.confidence === 'validated' || article.confidence === 'not_validated')
    );
  }
  return true;
}

/** Search hides archived articles from everyone: they are kept for history, not for calls. */
export function canFind(role: Role, article: Visible): boolean {
  return article.confidence !== 'archived' && canRead(role, article);
}

/** Engineers write for their own department; admins for any. */
export function canWrite(actor: Actor, departmentId: number): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'engineer' && actor.departmentId === departmentId;
}
