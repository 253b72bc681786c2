import type { Queryable } from '../db/connection';
import { validationFailed } from '../errors';
import { insertAudit } from '../stores/audit';
import {
  findArticleRequest,
  linkArticleToRequest,
  resolveRequestsForArticle,
} from '../stores/articleRequests';

/** An article started from a "needs an article" request answers it (time to publish). */
export async function linkRequest(
  db: Queryable,
  requestId: number,
  articleId: number,
  departmentId: number,
): Promise<void> {
  const request = await findArticleRequest(db, requestId);
  if (!request || request.departmentId !== departmentId)
    throw validationFailed('No such request in this article’s department.', 'requestId');
  if (request.articleId !== null)
    throw validationFailed('That request already has an article.', 'requestId');
  await linkArticleToRequest(db, requestId, articleId);
}

/** Once its article is published (submitted or validated), a request leaves the queue. */
export async function resolveRequestsOf(
  db: Queryable,
  articleId: number,
  actorId: number | null,
): Promise<void> {
  const at = new Date().toISOString();
  for (const id of await resolveRequestsForArticle(db, articleId, actorId, at)) {
    await insertAudit(db, {
      actorId,
      action: 'queue.resolve',
      entity: 'request',
      entityId: id,
      detail: { articleId, note: 'Article published' },
      at,
    });
  }
}
