import type { Queryable } from '../db/connection';
import { validationFailed } from '../errors';
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

/** Once its article is submitted, a request leaves the queue. */
export const resolveRequestsOf = (db: Queryable, articleId: number) =>
  resolveRequestsForArticle(db, articleId, new Date().toISOString());
