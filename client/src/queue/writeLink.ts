// "Write the article" on a request group: the editor opens pre-filled from the URL, so the
// link can be opened in a new tab and survives a reload.
import type { RequestGroup } from '../types';

export interface Prefill {
  department: string;
  /** The group's first request: sent as `requestId`, resolved when the article is published. */
  requestId: number;
  /** What the callers searched, in their words. */
  queries: string[];
}

export function writeArticleHref(department: string, group: RequestGroup): string {
  const params = new URLSearchParams({ department });
  if (group.requestIds[0] !== undefined) params.set('request', String(group.requestIds[0]));
  for (const q of group.queries.slice(0, 10)) params.append('q', q);
  return `/articles/new?${params}`;
}

/** The prefill in /articles/new?department=…&request=…&q=…, or null for a plain new article. */
export function readPrefill(search: string): Prefill | null {
  const params = new URLSearchParams(search);
  const requestId = Number(params.get('request'));
  const department = params.get('department') ?? '';
  if (!Number.isInteger(requestId) || requestId <= 0 || !department) return null;
  const queries = params
    .getAll('q')
    .map((q) => q.trim())
    .filter(Boolean)
    .slice(0, 10);
  return { department, requestId, queries };
}

/** The issue, in the callers' words: what they searched when nothing answered them. */
export function issueFromQueries(queries: string[]): string {
  if (queries.length === 0) return '';
  if (queries.length === 1) return `Callers describe it as: “${queries[0]}”.`;
  return `Callers describe it as:\n\n${queries.map((q) => `- “${q}”`).join('\n')}`;
}
