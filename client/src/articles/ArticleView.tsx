import { useEffect, useRef } from 'preact/hooks';
import { htmlName, LIST_FIELDS, MARKDOWN_FIELDS } from '../../../server/contract/articleFields';
import type { Article, User } from '../../../server/contract/types';
import { Badges, Codes } from '../ui/Badges';
import { formatDate, formatDay } from '../ui/format';
import { Link } from '../ui/Link';
import { canWork } from '../ui/rights';
import { useArticle } from './useArticle';

interface Props {
  slug: string;
  user: User;
  /** 1 on the article page, 2 inside the search page's reading pane. */
  headingLevel: 1 | 2;
  /** Article page: move focus to the title once loaded, so screen readers start there. */
  focusTitle?: boolean;
  /** Change it to load the article again. */
  refresh?: number;
  onLoaded?: (article: Article) => void;
}

export function ArticleView(props: Props) {
  const { slug, user, headingLevel, focusTitle, refresh, onLoaded } = props;
  const { article, loading, error, reload } = useArticle(slug, refresh);
  const focused = useRef(false);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!article) return;
    onLoaded?.(article);
    // once: a reload after a review step must not pull focus away from the review panel
    if (focusTitle && !focused.current) titleRef.current?.focus();
    focused.current = true;
  }, [article]);

  const H = headingLevel === 1 ? 'h1' : 'h2';
  const H2 = headingLevel === 1 ? 'h2' : 'h3';

  if (error) {
    return (
      <div class="article-error" role="alert">
        <H>{error.notFound ? 'Article not found' : 'Could not load the article'}</H>
        <p>{error.notFound ? 'It may have been renamed or removed.' : error.message}</p>
        {!error.notFound && (
          <button type="button" class="button" onClick={reload}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (!article) return <p class="article-loading">Loading article…</p>;

  const a = article;
  const path = `/articles/${encodeURIComponent(a.slug)}`;
  const section = (title: string, html: string | undefined) =>
    html && html.trim() ? (
      <section key={title} class="article-section">
        <H2>{title}</H2>
        {/* Rendered from Markdown and sanitized by the server. */}
        <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
      </section>
    ) : null;

  return (
    <article
      class={loading ? 'article is-loading' : 'article'}
      aria-busy={loading ? 'true' : 'false'}
    >
      <header class="article-head">
        <H class="article-title" ref={titleRef} tabIndex={-1}>
          {a.title}
        </H>
        <div class="article-actions">
          <Badges confidence={a.confidence} audience={a.audience} stale={a.stale} />
          {headingLevel === 2 && <Link href={path}>Open full page</Link>}
          {canWork(user, a.department.slug) && (
            <Link href={`${path}/edit`} class="button button-secondary">
              Edit
            </Link>
          )}
        </div>
        <dl class="facts">
          <div>
            <dt>Department</dt>
            <dd>{a.department.name}</dd>
          </div>
          {LIST_FIELDS.map(({ name, label }) =>
            a[name].length > 0 ? (
              <div key={name}>
                <dt>{label}</dt>
                <dd>
                  {/* error codes are read out exactly: shown as codes */}
                  {name === 'errorCodes' ? (
                    <Codes codes={a[name]} label={label} />
                  ) : (
                    a[name].join(', ')
                  )}
                </dd>
              </div>
            ) : null,
          )}
        </dl>
      </header>
      {MARKDOWN_FIELDS.map((f) => section(f.label, a[htmlName(f.name)]))}
      <footer class="article-foot">
        Version {a.version} · updated <time dateTime={a.updatedAt}>{formatDate(a.updatedAt)}</time>
        {a.updatedBy && <> by {a.updatedBy.name}</>}
        {a.verifyBy && (
          <>
            {' '}
            · verify by <time dateTime={a.verifyBy}>{formatDay(a.verifyBy)}</time>
          </>
        )}
        {a.verifiedAt && (
          <>
            {' '}
            · last verified <time dateTime={a.verifiedAt}>{formatDate(a.verifiedAt)}</time>
            {a.verifiedBy && <> by {a.verifiedBy}</>}
          </>
        )}
      </footer>
    </article>
  );
}
