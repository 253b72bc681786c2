import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbort } from '../api';
import { navigate } from '../router';
import type { Article, Department, User } from '../types';
import { Link } from '../ui/Link';
import { Message } from '../ui/Message';
import { ArticleFields } from './ArticleFields';
import { DraftNotice } from './DraftNotice';
import { controlId } from './Field';
import { emptyValues, formFieldFor, fromArticle, toCreateBody, toPatchBody } from './formModel';
import type { FieldName, FormValues } from './formModel';

interface Props {
  user: User;
  /** Absent for /articles/new. */
  slug?: string;
}

/** What the edit started from: PATCH sends `version`, and diffs against `values`. */
interface Base {
  article: Article | null;
  values: FormValues;
}

export function ArticleForm({ user, slug }: Props) {
  const editing = slug !== undefined;
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [base, setBase] = useState<Base | null>(
    editing ? null : { article: null, values: emptyValues(user.department.slug) },
  );
  const [values, setValues] = useState<FormValues | null>(base?.values ?? null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [draft, setDraft] = useState<FormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${editing ? 'Edit article' : 'New article'} · Firstcall`;
    const ctrl = new AbortController();
    const fail = (err: unknown) => {
      if (!isAbort(err))
        setLoadError(err instanceof ApiError ? err : new ApiError(0, 'error', errorMessage(err)));
    };
    api.departments(ctrl.signal).then((list) => {
      setDepartments(list);
      // Someone whose own department owns no articles (e.g. the front line) must pick one.
      if (slug === undefined && !list.some((d) => d.slug === user.department.slug)) {
        const values = emptyValues('');
        setBase({ article: null, values });
        setValues(values);
      }
    }, fail);
    if (slug !== undefined) {
      api.article(slug, ctrl.signal).then((a) => {
        setBase({ article: a, values: fromArticle(a) });
        setValues(fromArticle(a));
      }, fail);
    }
    return () => ctrl.abort();
  }, []);

  const dirty = !!values && !!base && JSON.stringify(values) !== JSON.stringify(base.values);
  // Closing the tab mid-edit would lose the text; in-app links are the user's explicit choice.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Move focus to whatever went wrong, so keyboard and screen-reader users land on it.
  useEffect(() => {
    const first = Object.keys(fieldErrors)[0];
    if (first) document.getElementById(controlId(first))?.focus();
    else if (formError || conflict) alertRef.current?.focus();
  }, [fieldErrors, formError, conflict]);

  if (loadError) {
    return (
      <Message title={loadError.status === 404 ? 'Article not found' : 'Could not open the editor'}>
        <p role="alert">{loadError.message}</p>
      </Message>
    );
  }
  if (!base || !values || !departments) return <p class="article-loading">Loading…</p>;

  function change(name: FieldName, value: string) {
    setValues((v) => (v ? { ...v, [name]: value } : v));
    setFieldErrors((errs) => (errs[name] ? { ...errs, [name]: undefined } : errs));
  }

  async function save(e: Event) {
    e.preventDefault();
    if (saving || !base || !values) return;
    setFieldErrors({});
    setFormError(null);
    let saved: Article;
    setSaving(true);
    try {
      if (!base.article) {
        saved = await api.createArticle(toCreateBody(values));
      } else {
        const patch = toPatchBody(values, base.values, base.article.version);
        if (!patch) {
          setFormError('Nothing has changed yet.');
          return;
        }
        // By id, not slug: someone else may have renamed it since (that should be a 409, not a 404).
        saved = await api.updateArticle(String(base.article.id), patch);
      }
    } catch (err) {
      showSaveError(err);
      return;
    } finally {
      setSaving(false);
    }
    setBase({ article: saved, values: fromArticle(saved) });
    // Replace, so Back from the saved article returns to where editing began, not to the form.
    navigate(`/articles/${encodeURIComponent(saved.slug)}`, { replace: true });
  }

  function showSaveError(err: unknown) {
    if (!(err instanceof ApiError)) return setFormError(errorMessage(err));
    const field = formFieldFor(err.field);
    if (err.status === 409 && err.id === 'article_version_conflict') setConflict(true);
    else if (err.status === 400 && field) setFieldErrors({ [field]: err.message });
    else if (err.status === 401)
      setFormError(
        'Your session has expired. Sign in again in another tab, then come back and save: your text is still here.',
      );
    else setFormError(err.message);
  }

  async function reloadLatest() {
    if (!base?.article || !values) return;
    try {
      const latest = await api.article(String(base.article.id));
      setDraft(values);
      setBase({ article: latest, values: fromArticle(latest) });
      setValues(fromArticle(latest));
      setConflict(false);
      setFormError(null);
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  const title = base.article ? `Edit: ${base.article.title}` : 'New article';
  const cancelHref = base.article ? `/articles/${encodeURIComponent(base.article.slug)}` : '/';
  return (
    <form
      class="article-form"
      onSubmit={save}
      // Ctrl/Cmd+Enter saves from any field, without reaching for the mouse.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <h1>{title}</h1>
      <div class="form-alerts" ref={alertRef} tabIndex={-1} role="alert">
        {conflict && (
          <div class="notice notice-warning">
            <p>
              <strong>
                Someone else saved a newer version of this article while you were editing.
              </strong>{' '}
              Your changes have not been saved and are still in the form.
            </p>
            <button type="button" class="button" onClick={reloadLatest}>
              Reload latest
            </button>
          </div>
        )}
        {formError && <p class="notice notice-error">{formError}</p>}
      </div>
      {draft && <DraftNotice draft={draft} latest={values} onDismiss={() => setDraft(null)} />}
      <ArticleFields
        values={values}
        errors={fieldErrors}
        departments={departments}
        onChange={change}
      />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : base.article ? 'Save changes' : 'Create article'}
        </button>
        <Link href={cancelHref}>Cancel</Link>
        <span class="form-tip">Ctrl+Enter saves</span>
      </div>
    </form>
  );
}
