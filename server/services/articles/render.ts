import { isPublished } from '../../domain/visibility';
import { validationFailed } from '../../errors';
import { renderMarkdown } from '../../markdown/render';
import type { ArticleContent } from '../../stores/articles';

type Sources = Omit<
  ArticleContent,
  'issueHtml' | 'environmentHtml' | 'resolutionHtml' | 'causeHtml'
>;

/** Markdown is rendered and sanitized once, here, at write time; readers get stored HTML. */
export function render(s: Sources): ArticleContent {
  if (isPublished(s.confidence) && !s.resolution.trim()) {
    throw validationFailed(
      'A published article needs a resolution (or save it as wip).',
      'resolution',
    );
  }
  return {
    ...s,
    issueHtml: renderMarkdown(s.issue),
    environmentHtml: renderMarkdown(s.environment),
    resolutionHtml: renderMarkdown(s.resolution),
    causeHtml: renderMarkdown(s.cause),
  };
}
