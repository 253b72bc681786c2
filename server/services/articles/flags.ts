import type { Database, Queryable } from '../../db/connection';
import type { FlagReason } from '../../contract/enums';
import { emitEvent } from '../webhooks/events';
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
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertFlag(tx, {
      articleId: article.id,
      departmentId: article.departmentId,
      userId: actor.id,
      contactId: input.contactId ?? null,
      reason: input.reason,
      comment: input.comment,
      at: new Date().toISOString(),
    });
    await emitFlagged(tx, id, article, input.reason, input.comment);
    return id;
  });
  return (await findFlag(deps.db, id))!;
}

/** Other systems hear of a flag, the product's own (`failing`) too. */
export const emitFlagged = (
  tx: Queryable,
  id: number,
  article: { id: number; slug: string; title: string },
  reason: FlagReason | 'failing',
  comment: string,
) =>
  emitEvent(tx, 'article.flagged', {
    flag: {
      id,
      article: { id: article.id, slug: article.slug, title: article.title },
      reason,
      comment,
    },
  });
