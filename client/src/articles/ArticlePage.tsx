import { useState } from 'preact/hooks';
import { canGoBack } from '../router';
import { flagReasonLabel, FlagDialog } from './FlagDialog';
import type { ComponentChildren } from 'preact';
import type { Article, User } from '../../../server/contract/types';
import type { ToastState } from '../ui/useToast';
import { canEdit } from '../ui/format';
import { Link } from '../ui/Link';
import { Toast } from '../ui/Toast';
import { useToast } from '../ui/useToast';
import { ArticleView } from './ArticleView';
import { ReviewPanel } from './ReviewPanel';

interface Props {
  slug: string;
  user: User;
  /** the open contact's outcome bar, from the console (main.tsx wires it: articles never import it) */
  outcomes?: (article: Article, toast: ToastState) => ComponentChildren;
}

/** The full-page article at /articles/:slug (narrow screens, shared links, new tabs). */
export function ArticlePage({ slug, user, outcomes }: Props) {
  const [article, setArticle] = useState<Article | null>(null);
  const [flagging, setFlagging] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const toast = useToast();
  return (
    <div class="article-page">
      <div class="back-link">
        {/* history.back() keeps the previous search (query and results); a fresh tab has none. */}
        {canGoBack() ? (
          <button type="button" class="link-button" onClick={() => window.history.back()}>
            ← Back
          </button>
        ) : (
          <Link href="/">← Search</Link>
        )}
        {article && user.role !== 'manager' && (
          <button
            type="button"
            class="button button-small"
            aria-haspopup="dialog"
            onClick={() => setFlagging(true)}
          >
            Flag article
          </button>
        )}
      </div>
      {article && user.role !== 'manager' && outcomes?.(article, toast)}
      {article && canEdit(user.role) && (
        <ReviewPanel
          article={article}
          user={user}
          onChanged={(saved, message) => {
            setArticle(saved);
            setRefresh((n) => n + 1);
            toast.show(message);
          }}
          onStale={() => setRefresh((n) => n + 1)}
        />
      )}
      {article && user.role === 'manager' && (
        <p class="review-history-only">
          <Link href={`/articles/${encodeURIComponent(article.slug)}/history`}>History</Link>
        </p>
      )}
      <ArticleView
        slug={slug}
        user={user}
        headingLevel={1}
        focusTitle
        refresh={refresh}
        onLoaded={(a) => {
          document.title = `${a.title} · Firstcall`;
          setArticle(a);
        }}
      />
      {flagging && article && (
        <FlagDialog
          article={article}
          onCancel={() => setFlagging(false)}
          onDone={(f) => {
            setFlagging(false);
            toast.show(`Flagged as ${flagReasonLabel[f.reason].toLowerCase()}. Thank you.`);
          }}
        />
      )}
      <Toast toast={toast} />
    </div>
  );
}
