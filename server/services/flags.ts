import type { Database } from '../db/connection';
import { forbidden, notFound } from '../errors';
import { openRequestsOf } from '../stores/articleRequests';
import { findContact } from '../stores/contacts';
import { findDepartmentBySlug } from '../stores/departments';
import { findFlag, insertFlag, openFlagsOf } from '../stores/flags';
import { getArticle } from './articles';
import type { FlagInput } from './contactSchema';
import type { Actor } from './permissions';

/** A flag goes to the queue of the department that owns the article. */
export async function flagArticle(
  deps: { db: Database },
  actor: Actor,
  idOrSlug: string,
  input: FlagInput,
) {
  const article = await getArticle(deps, actor, idOrSlug);
  if (input.contactId !== undefined) {
    const contact = await findContact(deps.db, input.contactId);
    if (!contact) throw notFound('Contact');
    if (contact.agentId !== actor.id && actor.role !== 'admin')
      throw forbidden('This contact belongs to another agent.');
  }
  const id = await insertFlag(deps.db, {
    articleId: article.id,
    departmentId: article.departmentId,
    userId: actor.id,
    contactId: input.contactId ?? null,
    reason: input.reason,
    comment: input.comment,
    at: new Date().toISOString(),
  });
  return (await findFlag(deps.db, id))!;
}

/** What waits for a department: open flags on its articles and requests for new ones. */
export async function departmentQueue(deps: { db: Database }, actor: Actor, slug: string) {
  const department = await findDepartmentBySlug(deps.db, slug);
  if (!department) throw notFound('Department');
  const member = actor.role === 'engineer' && actor.departmentId === department.id;
  if (!member && actor.role !== 'manager' && actor.role !== 'admin')
    throw forbidden('Only the department’s engineers, managers and admins see its queue.');
  const [flags, requests] = await Promise.all([
    openFlagsOf(deps.db, department.id),
    openRequestsOf(deps.db, department.id),
  ]);
  return { department, flags, requests };
}
