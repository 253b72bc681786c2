import type { QueueArticle } from '../../../server/contract/types';
import { formatDay } from '../ui/format';
import { Link } from '../ui/Link';

interface Props {
  label: string;
  articles: QueueArticle[];
  empty: string;
  /** "stale": show the verify-by date; "failing": show the failed tries. */
  kind: 'stale' | 'failing';
}

/** Articles that need an engineer's eyes: past their verify-by date, or failing on calls. */
export function ArticleList({ label, articles, empty, kind }: Props) {
  if (articles.length === 0) return <p class="queue-empty">{empty}</p>;
  return (
    <ul class="queue-list" aria-label={label}>
      {articles.map((a) => (
        <li key={a.id} class="queue-item">
          <p class="queue-item-title">
            <Link href={`/articles/${encodeURIComponent(a.slug)}`}>{a.title}</Link>
          </p>
          <p class="queue-item-meta">
            {kind === 'failing' ? (
              <>
                <strong>{a.tries ?? 0} failed tries</strong> in 30 days
              </>
            ) : (
              a.verifyBy && (
                <>
                  <span class="badge badge-stale">Stale</span> verify by{' '}
                  <time dateTime={a.verifyBy}>{formatDay(a.verifyBy)}</time>
                </>
              )
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
