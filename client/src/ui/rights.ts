// Who may do what, as the server decides it (services/permissions, queue, impact). The server
// still checks every request: these only decide which buttons and links to offer.
import type { Department, User } from '../../../server/contract/types';

/** Change an article's text, confidence or verification: its department's engineers, admins. */
export function canWork(user: User, departmentSlug: string): boolean {
  return (
    user.role === 'admin' || (user.role === 'engineer' && user.department.slug === departmentSlug)
  );
}

/** See a department's queue and impact: its engineers; managers and admins see every one. */
export function canSeeDepartment(user: User, departmentSlug: string): boolean {
  return user.role === 'admin' || user.role === 'manager' || canWork(user, departmentSlug);
}

/** Whether the user has queue and impact pages at all. */
export function hasQueues(user: User): boolean {
  return user.role === 'engineer' || user.role === 'manager' || user.role === 'admin';
}

/** Managers and admins pick any department; engineers only have their own. */
export function picksDepartment(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** Departments that own articles (the front line writes none). */
export function owningDepartments(list: Department[]): Department[] {
  const engineering = list.filter((d) => d.kind === 'engineering');
  return engineering.length ? engineering : list;
}

/** Where "Queue" and "Impact" start: the user's own department, else the first that owns articles. */
export function defaultDepartment(user: User, list: Department[]): string | null {
  if (user.role === 'engineer') return user.department.slug;
  const owning = owningDepartments(list);
  return (owning.find((d) => d.slug === user.department.slug) ?? owning[0])?.slug ?? null;
}

/** Where each role starts after signing in (a `next` parameter wins). */
export function homeOf(user: User): string {
  switch (user.role) {
    case 'engineer':
      return `/queue/${encodeURIComponent(user.department.slug)}`;
    case 'manager':
      return '/dashboard';
    case 'admin':
      return '/admin';
    default:
      return '/';
  }
}

/**
 * Agents take contacts: their first search starts one. Engineers and admins also search to look
 * things up (from the queue, the editor): they start a contact only on purpose (N).
 */
export function searchStartsContact(user: User): boolean {
  return user.role === 'agent';
}
