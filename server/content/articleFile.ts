import matter from 'gray-matter';
import { normalizeMarkdown } from '../contract/articles';
import type { ArticleRow } from '../stores/articles';

/**
 * One article as a Markdown file: YAML front matter for the facts, then `## Issue`,
 * `## Environment`, `## Resolution`, `## Cause` sections. The department is the folder and the
 * slug the file name, so a file cannot claim to be somewhere it is not.
 */
const SECTIONS = ['Issue', 'Environment', 'Resolution', 'Cause'] as const;
const HEADING = /^##[ \t]+(Issue|Environment|Resolution|Cause)[ \t]*$/gm;

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
    sections[m[1]!.toLowerCase()] = normalizeMarkdown(content.slice(m.index + m[0].length, end));
  });
  if (department !== undefined && data.department !== undefined && data.department !== department) {
    throw new Error(
      `front matter says department "${String(data.department)}" but the file is in "${department}/"`,
    );
  }
  const fields: Record<string, unknown> = {
    title: data.title,
    issue: sections.issue ?? '',
    environment: sections.environment ?? '',
    resolution: sections.resolution ?? '',
    cause: sections.cause ?? '',
    errorCodes: data.errorCodes ?? [],
    products: data.products ?? [],
    tags: data.tags ?? [],
    department,
    audience: data.audience ?? 'agents',
    confidence: data.confidence,
    verifyBy: toDate(data.verifyBy),
  };
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
    errorCodes: a.errorCodes,
    products: a.products,
    tags: a.tags,
  };
  if (a.verifyBy) data.verifyBy = a.verifyBy;
  if (typeof a.verifyIntervalDays === 'number') data.verifyIntervalDays = a.verifyIntervalDays;
  if (ownerEmail) data.owner = ownerEmail;
  const body = SECTIONS.map((s) => {
    const value = a[s.toLowerCase() as 'issue' | 'environment' | 'resolution' | 'cause'];
    return `## ${s}\n${value ? `${value}\n` : ''}`;
  }).join('\n');
  return matter.stringify(`\n${body}`, data);
}
