import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../api';
import type { Prefill } from '../queue/writeLink';
import { navigate } from '../router';
import type { Article, User } from '../../../server/contract/types';
import { Link } from '../ui/Link';
import { Message } from '../ui/Message';
import { ArticleFields } from './ArticleFields';
import { ConflictNotice } from './ConflictNotice';
import { DraftNotice } from './DraftNotice';
import { EditorNotices } from './EditorNotices';
import { controlId } from '../ui/Field';
import { formFieldFor, fromArticle, localErrors, toCreateBody, toPatchBody } from './formModel';
import type { FieldName, FormValues } from './formModel';
import { clearDraft } from './localDraft';
import { mergeValues } from './merge';
import { applyTemplate, templateFits } from './template';
import { useConflict } from './useConflict';
import { useEditorSetup, type Base } from './useEditorSetup';
import { useUnsaved } from './useUnsaved';

interface Props {
  user: User;
  /** Absent for /articles/new. */
  slug?: string;
  /** "Write the article" from a queue request: department, request id and the callers' words. */
  prefill?: Prefill | null;
}

export function ArticleForm({ user, slug, prefill = null }: Props) {
  const { setup, error: loadError } = useEditorSetup(user, slug, prefill);
  const [base, setBase] = useState<Base | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { conflict, start: startConflict, merged, settle } = useConflict();
  const alertRef = useRef<HTMLDivElement>(null);
  const key = setup?.draftKey ?? null;

  useEffect(() => {
    document.title = `${slug !== undefined ? 'Edit article' : 'New article'} · Firstcall`;
  }, []);
  useEffect(() => {
    if (!setup) return;
    setBase(setup.base);
    setValues(setup.values);
    setRestoredAt(setup.restoredAt);
  }, [setup]);

  useUnsaved(key, values, base);

  // Move focus to whatever went wrong, so keyboard and screen-reader users land on it.
  useEffect(() => {
    const first = Object.keys(fieldErrors)[0];
    if (first) document.getElementById(controlId(first))?.focus();
    else if (formError || conflict?.fromVersion) alertRef.current?.focus();
  }, [fieldErrors, formError, conflict?.fromVersion]);

  if (loadError) {
    return (
      <Message title={loadError.status === 404 ? 'Article not found' : 'Could not open the editor'}>
        <p role="alert">{loadError.message}</p>
      </Message>
    );
  }
  if (!setup || !base || !values) return <p class="article-loading">Loading…</p>;

  function change(name: FieldName, value: string) {
    setValues((v) => (v ? { ...v, [name]: value } : v));
    setFieldErrors((errs) => (errs[name] ? { ...errs, [name]: undefined } : errs));
  }

  async function save(e: Event) {
    e.preventDefault();
    if (saving || !base || !values) return;
    const local = localErrors(values);
    setFieldErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    let saved: Article;
    setSaving(true);
    try {
      if (!base.article) {
        saved = await api.createArticle(toCreateBody(values, prefill?.requestIds));
      } else {
        const patch = toPatchBody(values, base.values, base.version ?? base.article.version);
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
    if (key) clearDraft(key);
    setBase({ article: saved, values: fromArticle(saved), version: saved.version });
    // Replace, so Back from the saved article returns to where editing began, not to the form.
    navigate(`/articles/${encodeURIComponent(saved.slug)}`, { replace: true });
  }

  function showSaveError(err: unknown) {
    if (!(err instanceof ApiError)) return setFormError(errorMessage(err));
    const field = formFieldFor(err.field);
    if (err.status === 409 && err.id === 'article_version_conflict' && base?.article && values) {
      void startConflict(
        String(base.article.id),
        base.version ?? base.article.version,
        values,
        base.values,
      );
    } else if (err.status === 400 && field) setFieldErrors({ [field]: err.message });
    else if (err.status === 401)
      setFormError(
        'Your session has expired. Sign in again in another tab, then come back and save: your text is still here.',
      );
    else setFormError(err.message);
  }

  /** Rebase my edit on the latest version: my changes on top, conflicts kept beside the form. */
  function merge() {
    const latest = conflict?.latest;
    if (!conflict || !latest) return;
    const theirs = fromArticle(latest);
    const result = mergeValues(conflict.mineBase, conflict.mine, theirs);
    setBase({ article: latest, values: theirs, version: latest.version });
    setValues(result.values);
    merged(result.conflicts);
    setFormError(null);
  }

  /** Back to the article as saved (or the empty / pre-filled form). */
  function discardDraft() {
    const a = setup?.base.article;
    const start = a ? { article: a, values: fromArticle(a), version: a.version } : setup?.base;
    if (!start) return;
    setBase(start);
    setValues(start.values);
    setRestoredAt(null);
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
      <div class="page-head">
        <h1>{title}</h1>
        <button
          type="button"
          class="button button-small"
          disabled={!templateFits(values)}
          onClick={() => setValues(applyTemplate(values))}
        >
          Insert starter template
        </button>
      </div>
      <EditorNotices
        fromRequest={!!prefill && !base.article}
        restoredAt={restoredAt}
        onDiscard={discardDraft}
      />
      {/* focus lands here; only the short messages are announced, not a whole diff */}
      <div class="form-alerts" ref={alertRef} tabIndex={-1}>
        {conflict && <ConflictNotice conflict={conflict} onMerge={merge} />}
        {formError && (
          <p class="notice notice-error" role="alert">
            {formError}
          </p>
        )}
      </div>
      {conflict?.conflicts && (
        <DraftNotice
          draft={conflict.mine}
          fields={conflict.conflicts}
          onUse={(k) => {
            change(k, conflict.mine[k]);
            settle(k);
          }}
          onDismiss={settle}
        />
      )}
      <ArticleFields
        values={values}
        errors={fieldErrors}
        departments={setup.departments}
        editing={!!base.article}
        onChange={change}
      />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : base.article ? 'Save changes' : 'Create article'}
        </button>
        {/* Cancel is an explicit choice: the unsaved text goes with it. */}
        <Link href={cancelHref} onClick={() => key && clearDraft(key)}>
          Cancel
        </Link>
        <span class="form-tip">Ctrl+Enter saves · unsaved text is kept in this browser</span>
      </div>
    </form>
  );
}
