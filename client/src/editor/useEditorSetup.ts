import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbort } from '../api';
import { issueFromQueries, type Prefill } from '../queue/writeLink';
import type { Article, Department, User } from '../../../server/contract/types';
import { emptyValues, fromArticle, type FormValues } from './formModel';
import { draftKey, loadDraft } from './localDraft';

/** What the edit started from: PATCH sends `version`, and the merge diffs against `values`. */
export interface Base {
  article: Article | null;
  values: FormValues;
  /** The version the edit started from (null: a new article). */
  version: number | null;
}

export interface EditorSetup {
  departments: Department[];
  base: Base;
  values: FormValues;
  draftKey: string;
  /** When a stored draft was put back into the form (ISO time), else null. */
  restoredAt: string | null;
}

function startValues(user: User, departments: Department[], prefill: Prefill | null): FormValues {
  if (prefill)
    return { ...emptyValues(prefill.department), issue: issueFromQueries(prefill.queries) };
  // Someone whose own department owns no articles (e.g. the front line) must pick one.
  const own = departments.some((d) => d.slug === user.department.slug);
  return emptyValues(own ? user.department.slug : '');
}

/**
 * Loads what the editor needs (departments, the article) and decides where the form starts:
 * the article, a queue request's prefill, or the user's unsaved draft from this browser.
 */
export function useEditorSetup(user: User, slug: string | undefined, prefill: Prefill | null) {
  const [setup, setSetup] = useState<EditorSetup | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const article = slug === undefined ? Promise.resolve(null) : api.article(slug, ctrl.signal);
    Promise.all([api.departments(ctrl.signal), article]).then(
      ([departments, a]) => {
        const values = a ? fromArticle(a) : startValues(user, departments, prefill);
        let base: Base = { article: a, values, version: a ? a.version : null };
        const key = draftKey(user.id, a ? a.id : null, prefill?.requestIds[0]);
        const stored = loadDraft(key, emptyValues(''));
        if (!stored || JSON.stringify(stored.values) === JSON.stringify(values)) {
          setSetup({ departments, base, values, draftKey: key, restoredAt: null });
          return;
        }
        // The article moved on since the draft: keep the draft's base, so saving merges (409).
        if (a && stored.baseVersion !== null && stored.baseVersion !== a.version)
          base = { article: a, values: stored.baseValues, version: stored.baseVersion };
        setSetup({
          departments,
          base,
          values: stored.values,
          draftKey: key,
          restoredAt: stored.savedAt,
        });
      },
      (err: unknown) => {
        if (!isAbort(err))
          setError(err instanceof ApiError ? err : new ApiError(0, 'error', errorMessage(err)));
      },
    );
    return () => ctrl.abort();
  }, []);

  return { setup, error };
}
