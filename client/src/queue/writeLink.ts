// "Write the article" on a request group: the editor opens pre-filled from the URL, so the
// link can be opened in a new tab and survives a reload.
import type { RequestGroup } from '../../../server/contract/types';

/** The API answers at most this many requests with one article. */
const MAX_REQUESTS = 100;

export interface Prefill {
  department: string;
  /** The group's requests: the article answers them all, resolved when it is published. */
  requestIds: number[];
  /** What the callers searched, in their words. */
  queries: string[];
}

export function writeArticleHref(department: string, group: RequestGroup): string {
  const params = new URLSearchParams({ department });
  for (const id of group.requestIds.slice(0, MAX_REQUESTS)) params.append('request', String(id));
  for (const q of group.queries.slice(0, 10)) params.append('q', q);
  return `/articles/new?${params}`;
}

/** The prefill in /articles/new?department=…&request=…&q=…, or null for a plain new article. */
export function readPrefill(search: string): Prefill | null {
  const params = new URLSearchParams(search);
  const requestIds = [
    ...new Set(
      params
        .getAll('request')
        .map(Number)
        .filter((id) => Number.isInteger(id) && id > 0),
    ),
  ].slice(0, MAX_REQUESTS);
  const department = params.get('department') ?? '';
  if (requestIds.length === 0 || !department) return null;
  const queries = params
    .getAll('q')
    .map((q) => q.trim())
    .filter(Boolean)
    .slice(0, 10);
  return { department, requestIds, queries };
}

/** The issue, in the callers' words: what they searched when nothing answered them. */
export function issueFromQueries(queries: string[]): string {
  if (queries.length === 0) return '';
  if (queries.length === 1) return `Callers describe it as: “${queries[0]}”.`;
  return `Callers describe it as:\n\n${queries.map((q) => `- “${q}”`).join('\n')}`;
}
