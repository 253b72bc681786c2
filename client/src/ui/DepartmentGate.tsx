import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { navigate } from '../router';
import type { Department, User } from '../../../server/contract/types';
import { Message } from './Message';
import { canSeeDepartment, defaultDepartment, hasQueues, owningDepartments } from './rights';
import { useDepartments } from './useDepartments';

interface Props {
  user: User;
  /** "/queue" or "/impact": the page family, whose URL ends in a department slug. */
  base: string;
  /** From the URL; null sends the user to their default department. */
  department: string | null;
  children: (department: Department, departments: Department[]) => ComponentChildren;
}

/**
 * Per-department pages (queue, impact): loads the departments, redirects a bare `/queue` to
 * the user's own, and turns away people who may not see the one asked for.
 */
export function DepartmentGate({ user, base, department, children }: Props) {
  const { departments, error } = useDepartments();
  const fallback = departments ? defaultDepartment(user, departments) : null;

  useEffect(() => {
    if (department === null && fallback) navigate(`${base}/${fallback}`, { replace: true });
  }, [department, fallback, base]);

  if (!hasQueues(user)) {
    return (
      <Message title="Not allowed">
        <p>Department queues and impact are for engineers, managers and admins.</p>
      </Message>
    );
  }
  if (error) {
    return (
      <Message title="Could not load the departments">
        <p role="alert">{error}</p>
      </Message>
    );
  }
  if (!departments || department === null) return <p class="article-loading">Loading…</p>;
  const current = departments.find((d) => d.slug === department);
  if (!current) {
    return (
      <Message title="Department not found">
        <p>There is no department “{department}”.</p>
      </Message>
    );
  }
  if (!canSeeDepartment(user, current.slug)) {
    return (
      <Message title="Not allowed">
        <p>Engineers see their own department’s pages only.</p>
      </Message>
    );
  }
  return <>{children(current, owningDepartments(departments))}</>;
}
