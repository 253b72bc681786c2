import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** The one configured marked instance: GitHub-flavoured, no raw-HTML trust (sanitized below). */
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Strict allowlist. Anything not listed is dropped: scripts, iframes, forms, `style` and every
 * `on*` attribute. Only http(s) and mailto links survive; `javascript:` and `data:` do not.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'kbd',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links leave the app: never give the target page a handle on ours.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
SANITIZE.allowedAttributes = {
  ...SANITIZE.allowedAttributes,
  a: ['href', 'title', 'rel', 'target'],
};

/** Markdown → safe HTML. Called once per save; the result is what gets stored and served. */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return '';
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** Safe HTML → plain text for the search index and snippets. */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(br|\/p|\/li|\/h\d|\/tr|\/pre|\/blockquote)\b[^>]*>/gi, '\n')
      // inline elements join their text ("**5 min**." → "5 min."); any other tag separates words
      .replace(/<\/?(strong|em|b|i|code|a|span|mark|s|del|ins|sub|sup|kbd|abbr)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) => {
        if (e in ENTITIES) return ENTITIES[e]!;
        if (e[0] === '#') {
          const code =
            e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
            ? String.fromCodePoint(code)
            : m;
        }
        return m;
      })
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
