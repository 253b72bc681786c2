import { useEffect, useState } from 'preact/hooks';
import { engineerApi, errorMessage, isAbort } from '../api';
import type { ArticleDiff, ArticleVersion } from '../../../server/contract/types';

/** Every version of an article, newest first; `refresh` loads them again. */
export function useVersions(slug: string, refresh: number) {
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    engineerApi.versions(slug, ctrl.signal).then(
      (v) => {
        setVersions(v);
        setError(null);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(errorMessage(err));
      },
    );
    return () => ctrl.abort();
  }, [slug, refresh]);
  return { versions, error };
}

/** The diff between two versions (older first), or null while none is picked. */
export function useDiff(slug: string, from: number | null, to: number | null) {
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (from === null || to === null || from === to) return setDiff(null);
    const ctrl = new AbortController();
    engineerApi.diff(slug, from, to, ctrl.signal).then(setDiff, (err: unknown) => {
      if (!isAbort(err)) setError(errorMessage(err));
    });
    return () => ctrl.abort();
  }, [slug, from, to]);
  return { diff, error };
}
