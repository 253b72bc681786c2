import type { RequestGroup, ArticleRequest } from '../../../server/contract/types';
import { formatDate } from '../ui/format';
import { Link } from '../ui/Link';
import { writeArticleHref } from './writeLink';

interface Props {
  department: string;
  groups: RequestGroup[];
  requests: ArticleRequest[];
  /** False for managers: they read the queue, the department's engineers work it. */
  canAct: boolean;
  onResolve: (group: RequestGroup) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Needs an article": what callers searched when nothing answered, and how many asked. */
export function RequestGroups({ department, groups, requests, canAct, onResolve }: Props) {
  if (groups.length === 0) return <p class="queue-empty">No open requests.</p>;
  const byId = new Map(requests.map((r) => [r.id, r]));
  return (
    <ul class="queue-list" aria-label="Needs an article">
      {groups.map((g) => {
        const items = g.requestIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
        return (
          <li key={g.key} class="queue-item">
            <p class="queue-item-title">
              {g.queries.map((q, i) => (
                <span key={q}>
                  {i > 0 && ', '}“{q}”
                </span>
              ))}
            </p>
            <p class="queue-item-meta">
              <strong>{plural(g.contacts, 'contact', 'contacts')} asked</strong> ·{' '}
              {g.firstAt === g.lastAt ? (
                <time dateTime={g.lastAt}>{formatDate(g.lastAt)}</time>
              ) : (
                <>
                  <time dateTime={g.firstAt}>{formatDate(g.firstAt)}</time> to{' '}
                  <time dateTime={g.lastAt}>{formatDate(g.lastAt)}</time>
                </>
              )}
            </p>
            {items.length > 0 && (
              <details class="queue-details">
                <summary>Who asked, what they searched and why</summary>
                <ul>
                  {items.map((r) => (
                    <li key={r.id}>
                      {r.requestedBy.name} (contact #{r.contactId},{' '}
                      <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>): {r.reason}
                      {r.queries.length > 0 && (
                        <ol
                          class="request-searches"
                          aria-label={`Searches of contact #${r.contactId}`}
                        >
                          {r.queries.map((q, i) => (
                            <li key={i}>“{q}”</li>
                          ))}
                        </ol>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {canAct && (
              <div class="queue-actions">
                <Link
                  href={writeArticleHref(department, g)}
                  class="button button-primary button-small"
                >
                  Write the article
                </Link>
                <button type="button" class="button button-small" onClick={() => onResolve(g)}>
                  Resolve
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
