import { canGoBack } from '../router';
import type { User } from '../types';
import { Link } from '../ui/Link';
import { ArticleView } from './ArticleView';

/** The full-page article at /articles/:slug (narrow screens, shared links, new tabs). */
export function ArticlePage({ slug, user }: { slug: string; user: User }) {
  return (
    <div class="article-page">
      <p class="back-link">
        {/* history.back() keeps the previous search (query and results); a fresh tab has none. */}
        {canGoBack() ? (
          <button type="button" class="link-button" onClick={() => window.history.back()}>
            ← Back
          </button>
        ) : (
          <Link href="/">← Search</Link>
        )}
      </p>
      <ArticleView
        slug={slug}
        user={user}
        headingLevel={1}
        focusTitle
        onLoaded={(a) => (document.title = `${a.title} · Firstcall`)}
      />
    </div>
  );
}
