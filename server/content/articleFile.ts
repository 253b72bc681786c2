import matter from 'gray-matter';
import { ARTICLE_FIELDS, MARKDOWN_FIELDS } from '../contract/articleFields';
import { normalizeMarkdown } from '../contract/articles';
import type { ArticleRow } from '../stores/articles';

/**
 * One article as a Markdown file: YAML front matter for the facts and the one-line and list
 * fields, then a `## Label` section per Markdown field (`## Issue`, `## Environment`…). The
 * department is the folder and the slug the file name, so a file cannot claim to be somewhere
 * it is not.
 */
const SECTIONS = MARKDOWN_FIELDS.filter((f) => f.inFile);
/** The other content fields go in the front matter, after the facts; the title leads it. */
const FRONT_MATTER = ARTICLE_FIELDS.filter(
  (f) => f.inFile && f.kind !== 'markdown' && f.name !== 'title',
);
const HEADING = new RegExp(`^##[ \\t]+(${SECTIONS.map((f) => f.label).join('|')})[ \\t]*$`, 'gm');

export interface ParsedFile {
  slug: string;
  department: string;
  fields: Record<string, unknown>;
}

export function parseArticleFile(text: string, department: string, slug: string): ParsedFile {
  // options given: gray-matter then skips its global cache (shared objects, unbounded memory)
  const { data, content } = matter(text, {});
  const sections: Record<string, string> = {};
  const marks = [...content.matchAll(HEADING)];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : content.length;
    const field = SECTIONS.find((f) => f.label === m[1])!;
    sections[field.name] = normalizeMarkdown(content.slice(m.index + m[0].length, end));
  });
  if (department !== undefined && data.department !== undefined && data.department !== department) {
    throw new Error(
      `front matter says department "${String(data.department)}" but the file is in "${department}/"`,
    );
  }
  const fields: Record<string, unknown> = {};
  for (const f of ARTICLE_FIELDS) {
    if (!f.inFile) continue;
    if (f.kind === 'markdown') fields[f.name] = sections[f.name] ?? '';
    else fields[f.name] = data[f.name] ?? (f.kind === 'list' ? [] : undefined);
  }
  Object.assign(fields, {
    department,
    audience: data.audience ?? 'agents',
    confidence: data.confidence,
    verifyBy: toDate(data.verifyBy),
  });
  if (data.owner !== undefined) fields.owner = data.owner;
  if (data.verifyIntervalDays !== undefined) fields.verifyIntervalDays = data.verifyIntervalDays;
  return { slug, department, fields };
}

/** YAML turns `2027-01-15` into a Date; we want the date string back. */
function toDate(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v ?? null;
}

export function formatArticleFile(a: ArticleRow, ownerEmail: string | null): string {
  const data: Record<string, unknown> = {
    title: a.title,
    department: a.departmentSlug,
    audience: a.audience,
    confidence: a.confidence,
  };
  for (const f of FRONT_MATTER) data[f.name] = a[f.name];
  if (a.verifyBy) data.verifyBy = a.verifyBy;
  if (typeof a.verifyIntervalDays === 'number') data.verifyIntervalDays = a.verifyIntervalDays;
  if (ownerEmail) data.owner = ownerEmail;
  const body = SECTIONS.map((f) => `## ${f.label}\n${a[f.name] ? `${a[f.name]}\n` : ''}`).join('\n');
  return matter.stringify(`\n${body}`, data);
}
