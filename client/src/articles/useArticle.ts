import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbort } from '../api';
import type { Article } from '../../../server/contract/types';

export interface ArticleState {
  article: Article | null;
  loading: boolean;
  error: { notFound: boolean; message: string } | null;
  reload: () => void;
}

/**
 * Loads one article, cancelling the previous request when the slug changes. The previous
 * article stays visible while the next loads, so arrowing through results does not flash.
 * A new `refresh` number loads it again (after a review step saved a new version).
 */
export function useArticle(slug: string, refresh = 0): ArticleState {
  const [article, setArticle] = useState<Article | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ArticleState['error']>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    api.article(slug, ctrl.signal).then(
      (a) => {
        setArticle(a);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        const notFound = err instanceof ApiError && err.status === 404;
        setArticle(null);
        setError({ notFound, message: errorMessage(err) });
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [slug, attempt, refresh]);

  return { article, loading, error, reload: () => setAttempt((n) => n + 1) };
}
