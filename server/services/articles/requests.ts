import type { Queryable } from '../../db/connection';
import { validationFailed } from '../../errors';
import { insertAudit } from '../../stores/audit';
import {
  findArticleRequest,
  linkArticleToRequest,
  resolveRequestsForArticle,
} from '../../stores/articleRequests';

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

/**
 * An article started from several requests (a queue group) answers each of them. Every id must
 * be a request of the article's department; one a colleague answered meanwhile keeps its
 * article. Returns the ids linked.
 */
export async function linkRequests(
  db: Queryable,
  requestIds: readonly number[],
  articleId: number,
  departmentId: number,
): Promise<number[]> {
  const linked: number[] = [];
  for (const id of new Set(requestIds)) {
    const request = await findArticleRequest(db, id);
    if (!request || request.departmentId !== departmentId)
      throw validationFailed(`No request ${id} in this article’s department.`, 'requestIds');
    if (request.articleId !== null) continue;
    await linkArticleToRequest(db, id, articleId);
    linked.push(id);
  }
  return linked;
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
