import type { Database } from '../../db/connection';
import { forbidden, notFound, validationFailed } from '../../errors';
import { findDepartmentBySlug } from '../../stores/departments';
import { articleImpact } from '../../stores/impact';
import type { Actor } from '../../domain/roles';

const DAY = 86_400_000;
export const DEFAULT_IMPACT_DAYS = 90;

/** A date range as the API takes it (inclusive days, UTC) → [from, to) instants. */
export function dayRange(from: string | undefined, to: string | undefined, defaultDays: number) {
  const end = to
    ? Date.parse(`${to}T00:00:00Z`) + DAY
    : Date.parse(new Date().toISOString().slice(0, 10)) + DAY;
  const start = from ? Date.parse(`${from}T00:00:00Z`) : end - defaultDays * DAY;
  if (start >= end) throw validationFailed('The range starts after it ends.', 'from');
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/**
 * What a department's articles did for callers: uses, solves, failed tries, escalations
 * avoided, open flags, last verification. Outcomes, never a count of articles per author.
 */
export async function departmentImpact(
  deps: { db: Database },
  actor: Actor,
  slug: string,
  range: { from?: string; to?: string },
) {
  const department = await findDepartmentBySlug(deps.db, slug);
  if (!department) throw notFound('Department');
  const member = actor.role === 'engineer' && actor.departmentId === department.id;
  if (!member && actor.role !== 'manager' && actor.role !== 'admin')
    throw forbidden('Only the department’s engineers, managers and admins see its impact.');
  const period = dayRange(range.from, range.to, DEFAULT_IMPACT_DAYS);
  const rows = await articleImpact(deps.db, { ...period, departmentId: department.id });
  return {
    department,
    period,
    articles: rows.map((r) => ({ ...r, solveRate: r.uses ? r.solves / r.uses : null })),
  };
}
