/**
 * The catalogue of an article's content fields: what an engineer writes. It drives the
 * stores' column lists, rendering, merge and compare, restore, diff, the Markdown file
 * format, the search document, the presenter and the client's editor. Adding a content field
 * is a migration plus one entry here. Pure data (no zod): the client bundle reads it too.
 *
 * The facts about an article are not content and keep their own code where they are used:
 * department (a folder in files, an id in rows), owner (an email in files, an id in rows),
 * audience and confidence (enums with their own rules), verifyBy and verifyIntervalDays.
 */
export type FieldKind =
  /** rendered to sanitized HTML at write time (`<name>Html`); a `## Label` section in files */
  | 'markdown'
  /** one line of text; a front matter key in files */
  | 'plain'
  /** a list of short strings, stored as JSON; a front matter key in files */
  | 'list';

export interface ArticleField {
  name: string;
  kind: FieldKind;
  /** as people read it: editor label, diff heading, file section heading */
  label: string;
  /** the editor's help text */
  hint: string;
  /** at most this many characters (lists: their own limits) */
  max: number;
  /** required on create (the others default to empty) */
  required: boolean;
  /** never shown to agents (DESIGN §2) */
  internal: boolean;
  /**
   * Indexed for search with this boost; `as` names an index field several article fields
   * share. Absent: not indexed.
   */
  search?: { boost: number; as?: string };
  /** compared between versions on the history page */
  diffed: boolean;
  /** written to and read from the Markdown file format */
  inFile: boolean;
}

/** In reading order: the order of the editor, the file, the presenter and the diff. */
export const ARTICLE_FIELDS = [
  {
    name: 'title',
    kind: 'plain',
    label: 'Title',
    hint: '',
    max: 200,
    required: true,
    internal: false,
    search: { boost: 5 },
    diffed: true,
    inFile: true,
  },
  {
    name: 'issue',
    kind: 'markdown',
    label: 'Issue',
    hint: 'Markdown. What the customer reports, in their words.',
    max: 5_000,
    required: true,
    internal: false,
    search: { boost: 3 },
    diffed: true,
    inFile: true,
  },
  {
    name: 'environment',
    kind: 'markdown',
    label: 'Environment',
    hint: 'Markdown. Products, devices, versions, conditions.',
    max: 20_000,
    required: false,
    internal: false,
    search: { boost: 1 },
    diffed: true,
    inFile: true,
  },
  {
    name: 'resolution',
    kind: 'markdown',
    label: 'Resolution',
    hint: 'Markdown. Numbered steps the agent can follow on a call.',
    max: 50_000,
    required: false,
    internal: false,
    search: { boost: 1 },
    diffed: true,
    inFile: true,
  },
  {
    name: 'cause',
    kind: 'markdown',
    label: 'Cause',
    hint: 'Why it happens. Never shown to agents.',
    max: 20_000,
    required: false,
    internal: true,
    diffed: true,
    inFile: true,
  },
  {
    name: 'errorCodes',
    kind: 'list',
    label: 'Error codes',
    hint: 'Comma-separated, e.g. AUTH-401, 0x80070005',
    max: 80,
    required: false,
    internal: false,
    search: { boost: 10 },
    diffed: true,
    inFile: true,
  },
  {
    name: 'products',
    kind: 'list',
    label: 'Products',
    hint: 'Comma-separated',
    max: 80,
    required: false,
    internal: false,
    search: { boost: 2, as: 'labels' },
    diffed: true,
    inFile: true,
  },
  {
    name: 'tags',
    kind: 'list',
    label: 'Tags',
    hint: 'Comma-separated',
    max: 80,
    required: false,
    internal: false,
    search: { boost: 2, as: 'labels' },
    diffed: true,
    inFile: true,
  },
] as const satisfies readonly ArticleField[];

type Field = (typeof ARTICLE_FIELDS)[number];
export type ArticleFieldName = Field['name'];
type NameOf<F> = F extends { name: infer N extends string } ? N : never;
export type MarkdownFieldName = NameOf<Extract<Field, { kind: 'markdown' }>>;
export type ListFieldName = NameOf<Extract<Field, { kind: 'list' }>>;
export type TextFieldName = Exclude<ArticleFieldName, ListFieldName>;
export type InternalFieldName = NameOf<Extract<Field, { internal: true }>>;
export type DiffedFieldName = NameOf<Extract<Field, { diffed: true }>>;

/** An article's content as written: strings, and string lists. */
export type ArticleSources = { [K in TextFieldName]: string } & { [K in ListFieldName]: string[] };

/** The sanitized HTML each Markdown field is rendered to, stored beside its source. */
export type HtmlName<K extends MarkdownFieldName = MarkdownFieldName> = `${K}Html`;
export type ArticleHtml = { [K in MarkdownFieldName as HtmlName<K>]: string };

type Content = ArticleSources & ArticleHtml;
type InternalKey = InternalFieldName | HtmlName<InternalFieldName & MarkdownFieldName>;
/** The content as the API shows it: internal fields are absent for agents. */
export type PresentedContent = Omit<Content, InternalKey> & Partial<Pick<Content, InternalKey>>;

export const htmlName = <K extends MarkdownFieldName>(name: K): HtmlName<K> => `${name}Html`;

/** Narrowing helpers: the catalogue filtered by kind or flag, keeping the names' types. */
export const isMarkdown = (f: Field): f is Extract<Field, { kind: 'markdown' }> =>
  f.kind === 'markdown';
export const isList = (f: Field): f is Extract<Field, { kind: 'list' }> => f.kind === 'list';

export const MARKDOWN_FIELDS = ARTICLE_FIELDS.filter(isMarkdown);
export const LIST_FIELDS = ARTICLE_FIELDS.filter(isList);

type Indexed = Extract<Field, { search: object }>;
/** The fields the search engine reads. */
export type IndexedFieldName = NameOf<Indexed>;
/** The search engine's own field names: an article field's, or the one several share. */
export type IndexFieldName<F = Indexed> = F extends { search: { as: infer A extends string } }
  ? A
  : NameOf<F>;

export const isIndexed = (f: Field): f is Indexed => 'search' in f;
export const INDEXED_FIELDS = ARTICLE_FIELDS.filter(isIndexed);
export const indexFieldOf = (f: Indexed) =>
  ('as' in f.search ? f.search.as : f.name) as IndexFieldName;
export type RequiredFieldName = NameOf<Extract<Field, { required: true }>>;

/** Every content field empty: the base a partial article (a dataset document, a fixture) spreads over. */
export const emptySources = (): ArticleSources =>
  Object.fromEntries(
    ARTICLE_FIELDS.map((f) => [f.name, f.kind === 'list' ? [] : '']),
  ) as unknown as ArticleSources;

/** Every Markdown field's HTML empty (a fixture's base, with emptySources). */
export const emptyHtml = (): ArticleHtml =>
  Object.fromEntries(MARKDOWN_FIELDS.map((f) => [htmlName(f.name), ''])) as ArticleHtml;
