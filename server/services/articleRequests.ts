import type { Queryable } from '../db/connection';
import { validationFailed } from '../errors';
import { insertAudit } from '../stores/audit';
import {
  findArticleRequest,
  linkArticleToRequest,
  openRequestsOf,
  resolveRequestsForArticle,
} from '../stores/articleRequests';
import { normalizeQuery } from './searchBursts';

/**
 * An article started from a "needs an article" request answers it (time to publish), and every
 * other open request of the same group (same department, same first search; see queue.ts).
 */
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
  const key = groupKey(request);
  for (const other of await openRequestsOf(db, departmentId)) {
    if (other.id !== requestId && other.articleId === null && groupKey(other) === key)
      await linkArticleToRequest(db, other.id, articleId);
  }
}

/** Requests about the same thing: the normalized first query callers searched. */
export const groupKey = (r: { queries: string[]; reason: string }) =>
  normalizeQuery(r.queries[0] ?? r.reason);

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
