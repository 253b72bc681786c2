import { htmlName, MARKDOWN_FIELDS, type ArticleHtml } from '../../contract/articleFields';
import { isPublished } from '../../domain/visibility';
import { validationFailed } from '../../errors';
import { renderMarkdown } from '../../markdown/render';
import type { ArticleContent } from '../../stores/articles';

type Sources = Omit<ArticleContent, keyof ArticleHtml>;

/** Markdown is rendered and sanitized once, here, at write time; readers get stored HTML. */
export function render(s: Sources): ArticleContent {
  if (isPublished(s.confidence) && !s.resolution.trim()) {
    throw validationFailed(
      'A published article needs a resolution (or save it as wip).',
      'resolution',
    );
  }
  const html = Object.fromEntries(
    MARKDOWN_FIELDS.map((f) => [htmlName(f.name), renderMarkdown(s[f.name])]),
  ) as ArticleHtml;
  return { ...s, ...html };
}
