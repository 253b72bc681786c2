import { z } from 'zod';
import {
  ARTICLE_FIELDS,
  type ArticleField,
  type ArticleFieldName,
  type ListFieldName,
  type TextFieldName,
} from './articleFields';
import { AUDIENCES, CONFIDENCES } from './enums';

/**
 * The article fields, validated the same way wherever they come from: the API (routes wrap
 * these in `.strict()` endpoint schemas) and Markdown files (content import).
 */
const text = (max: number) => z.string().max(max, `At most ${max} characters.`);

/**
 * Markdown sources are stored without leading blank lines or trailing whitespace, the same
 * whether they come from the API or a file: export → import then changes nothing. Leading
 * spaces stay (an indented code block is content).
 */
export const normalizeMarkdown = (s: string) => s.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
const markdown = (max: number) => text(max).transform(normalizeMarkdown);
const list = (what: string, max: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `${what} cannot be empty.`)
        .max(max, `${what} are at most ${max} characters.`),
      {
        message: `${what} must be a list of strings.`,
      },
    )
    .max(30, `At most 30 ${what.toLowerCase()}.`)
    .transform((items) => [...new Set(items)]);

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-01-31.')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a real date.',
  );

/** One validator per catalogued field, from its kind and limit. */
type SourceSchemas = { [K in TextFieldName]: z.ZodType<string, string> } & {
  [K in ListFieldName]: z.ZodType<string[], string[]>;
};
const sourceSchema = (f: ArticleField) =>
  f.kind === 'list'
    ? list(f.label, f.max)
    : f.kind === 'markdown'
      ? markdown(f.max)
      : text(f.max).trim();
const sources = Object.fromEntries(
  ARTICLE_FIELDS.map((f) => [f.name, sourceSchema(f)]),
) as unknown as SourceSchemas;
const maxOf = (name: ArticleFieldName) => ARTICLE_FIELDS.find((f) => f.name === name)!.max;

type Optional = Extract<(typeof ARTICLE_FIELDS)[number], { required: false }>['name'];

export const articleFields = {
  slug: z.string().trim().max(100).regex(SLUG, 'Slugs are lowercase words joined by hyphens.'),
  ...sources,
  // The two fields no article goes without say so in their own words. The issue is trimmed
  // like a line, not normalized like the other Markdown (as it always was).
  title: z
    .string()
    .trim()
    .min(3, 'Title needs at least 3 characters.')
    .max(maxOf('title'), `Title is at most ${maxOf('title')} characters.`),
  issue: text(maxOf('issue')).trim().min(1, 'Describe the issue in the customer’s words.'),
  department: z.string().trim().min(1, 'Department is required.').max(64),
  audience: z.enum(AUDIENCES, { message: 'Audience is agents or internal.' }),
  confidence: z.enum(CONFIDENCES, { message: `Confidence is one of ${CONFIDENCES.join(', ')}.` }),
  verifyBy: isoDay.nullable(),
  verifyIntervalDays: z
    .number()
    .int('Whole days.')
    .min(1, 'At least 1 day.')
    .max(3650, 'At most 3650 days.')
    .nullable(),
  note: text(500),
};

/** Optional content defaults to empty on create. */
const createDefaults = Object.fromEntries(
  ARTICLE_FIELDS.filter((f) => !f.required).map((f) => [
    f.name,
    (articleFields[f.name] as z.ZodType<unknown>).default(f.kind === 'list' ? [] : ''),
  ]),
) as unknown as { [K in Optional]: z.ZodDefault<SourceSchemas[K]> };

/** On update every field may be left out. */
const updateSources = Object.fromEntries(
  ARTICLE_FIELDS.map((f) => [f.name, articleFields[f.name].optional()]),
) as unknown as { [K in ArticleFieldName]: z.ZodOptional<(typeof articleFields)[K]> };

export const articleCreateSchema = z
  .object({
    ...articleFields,
    ...createDefaults,
    slug: articleFields.slug.optional(),
    audience: articleFields.audience.default('agents'),
    confidence: articleFields.confidence.optional(),
    verifyBy: articleFields.verifyBy.optional(),
    verifyIntervalDays: articleFields.verifyIntervalDays.optional(),
    note: articleFields.note.default(''),
    owner: z.string().trim().email('Owner is a user email.').optional(),
    /** the "needs an article" request this article answers */
    requestId: z.number().int().positive().optional(),
    /**
     * the requests it answers, e.g. a whole group from the queue; any already answered by another
     * article in the meantime are left to it
     */
    requestIds: z.array(z.number().int().positive()).min(1).max(100).optional(),
  })
  .strict();

export const articleUpdateSchema = z
  .object({
    version: z
      .number({ message: 'version (the version you started editing) is required.' })
      .int()
      .min(1),
    ...updateSources,
    department: articleFields.department.optional(),
    audience: articleFields.audience.optional(),
    confidence: articleFields.confidence.optional(),
    verifyBy: articleFields.verifyBy.optional(),
    verifyIntervalDays: articleFields.verifyIntervalDays.optional(),
    note: articleFields.note.optional(),
    owner: z.string().trim().email('Owner is a user email.').optional(),
  })
  .strict();

export type ArticleCreate = z.infer<typeof articleCreateSchema>;
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;
