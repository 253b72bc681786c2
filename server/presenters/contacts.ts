import type { Contact } from '../contract/contacts';
import type { ArticleRequest, QueueFlag } from '../contract/queue';
import type { ContactWithActivity } from '../services/contacts/contacts';
import type { ArticleRequestRow } from '../stores/articleRequests';
import type { FlagRow } from '../stores/flags';

const ref = (a: { id: number; slug: string; title: string }) => ({
  id: a.id,
  slug: a.slug,
  title: a.title,
});

export function presentContact(c: ContactWithActivity): Contact {
  return {
    id: c.id,
    channel: c.channel,
    customerRef: c.customerRef,
    externalId: c.externalId,
    openingReason: c.openingReason,
    agent: { id: c.agentId, name: c.agentName },
    agentDepartment: { slug: c.agentDepartmentSlug, name: c.agentDepartmentName },
    startedAt: c.startedAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    article:
      c.articleId === null
        ? null
        : {
            id: c.articleId,
            slug: c.articleSlug!,
            title: c.articleTitle!,
            department: { slug: c.articleDepartmentSlug!, name: c.articleDepartmentName! },
          },
    escalatedTo:
      c.escalatedToSlug === null ? null : { slug: c.escalatedToSlug, name: c.escalatedToName! },
    reason: c.reason,
    note: c.note,
    needsArticle: c.needsArticle === 1,
    tried: c.articles.filter((a) => a.kind === 'tried').map(ref),
    opened: c.articles.filter((a) => a.kind === 'opened').map(ref),
    searches: c.searches.map((s) => ({ query: s.query, resultCount: s.resultCount, at: s.at })),
  };
}

export const presentFlag = (f: FlagRow): QueueFlag => ({
  id: f.id,
  article: { id: f.articleId, slug: f.articleSlug, title: f.articleTitle },
  reason: f.reason,
  comment: f.comment,
  status: f.status,
  flaggedBy: f.userId === null ? null : { id: f.userId, name: f.userName },
  contactId: f.contactId,
  createdAt: f.createdAt,
});

export const presentArticleRequest = (r: ArticleRequestRow): ArticleRequest => ({
  id: r.id,
  contactId: r.contactId,
  queries: r.queries,
  reason: r.reason,
  status: r.status,
  requestedBy: { id: r.requestedById, name: r.requestedByName },
  createdAt: r.createdAt,
});
