import type { Database } from '../../db/connection';
import { forbidden, notFound } from '../../errors';
import { findContact } from '../../stores/contacts';
import { findFlag, insertFlag } from '../../stores/flags';
import { getArticle } from './read';
import type { FlagInput } from '../../contract/contacts';
import type { Actor } from '../../domain/roles';

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
