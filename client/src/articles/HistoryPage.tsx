import { useEffect, useRef, useState } from 'preact/hooks';
import { engineerApi, errorMessage } from '../api';
import type { ArticleVersion, User } from '../../../server/contract/types';
import { Dialog } from '../ui/Dialog';
import { DiffView } from '../ui/DiffView';
import { Link } from '../ui/Link';
import { Message } from '../ui/Message';
import { canWork } from '../ui/rights';
import { Toast } from '../ui/Toast';
import { useToast } from '../ui/useToast';
import { useArticle } from './useArticle';
import { useDiff, useVersions } from './useVersions';
import { VersionTable } from './VersionTable';

/** /articles/:slug/history: every version, a diff between any two, restore as a new version. */
export function HistoryPage({ slug, user }: { slug: string; user: User }) {
  const [refresh, setRefresh] = useState(0);
  const { article, error: articleError } = useArticle(slug, refresh);
  const { versions, error } = useVersions(slug, refresh);
  const [pick, setPick] = useState<{ from: number | null; to: number | null }>({
    from: null,
    to: null,
  });
  const [restoring, setRestoring] = useState<ArticleVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const { diff, error: diffError } = useDiff(slug, pick.from, pick.to);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const toast = useToast();

  useEffect(() => {
    if (article) document.title = `History: ${article.title} · Firstcall`;
  }, [article?.title]);
  // Start by comparing the two newest versions (again after a restore added one).
  useEffect(() => {
    if (versions) setPick({ from: versions[1]?.version ?? null, to: versions[0]?.version ?? null });
  }, [versions]);

  if (articleError || error) {
    return (
      <Message title={articleError?.notFound ? 'Article not found' : 'Could not load the history'}>
        <p role="alert">{articleError?.message ?? error}</p>
      </Message>
    );
  }
  if (!article || !versions) return <p class="article-loading">Loading the history…</p>;
  const a = article;
  const path = `/articles/${encodeURIComponent(a.slug)}`;

  async function restore() {
    if (!restoring) return;
    setBusy(true);
    setRestoreError(null);
    try {
      const saved = await engineerApi.restore(String(a.id), {
        from: restoring.version,
        version: a.version,
      });
      setRestoring(null);
      toast.show(`Version ${restoring.version} restored as version ${saved.version}.`);
      setRefresh((n) => n + 1);
    } catch (err) {
      setRestoreError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="history-page">
      <p class="back-link">
        <Link href={path}>← {a.title}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        History: {a.title}
      </h1>
      <VersionTable
        versions={versions}
        current={a.version}
        from={pick.from}
        to={pick.to}
        onPick={(which, v) => setPick((p) => ({ ...p, [which]: v }))}
        onRestore={canWork(user, a.department.slug) ? setRestoring : undefined}
      />
      <section class="history-diff" aria-labelledby="history-diff-title">
        <h2 id="history-diff-title">
          {pick.from !== null && pick.to !== null && pick.from !== pick.to
            ? `Changes from version ${pick.from} to version ${pick.to}`
            : 'Changes'}
        </h2>
        {pick.from === null || pick.to === null || pick.from === pick.to ? (
          <p class="diff-empty">Pick two different versions (From and To) to compare them.</p>
        ) : diffError ? (
          <p class="notice notice-error">{diffError}</p>
        ) : diff && diff.from === pick.from && diff.to === pick.to ? (
          <DiffView fields={diff.fields} level={3} />
        ) : (
          <p class="diff-empty">Loading the changes…</p>
        )}
      </section>
      {restoring && (
        <Dialog
          title={`Restore version ${restoring.version}`}
          subtitle={a.title}
          submitLabel="Restore"
          busy={busy}
          error={restoreError}
          onSubmit={restore}
          onCancel={() => {
            setRestoring(null);
            setRestoreError(null);
          }}
          returnFocus={() => headingRef.current}
        >
          <p class="dialog-explanation">
            Its text is saved as a new version {a.version + 1}; the history keeps every version. The
            confidence stays as it is.
          </p>
        </Dialog>
      )}
      <Toast toast={toast} />
    </div>
  );
}
