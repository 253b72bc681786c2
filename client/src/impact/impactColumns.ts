// The impact table's columns: what each number means, and how it sorts.
import type { ImpactArticle } from '../types';

export type SortKey =
  | 'title'
  | 'uses'
  | 'solves'
  | 'solveRate'
  | 'failedTries'
  | 'escalationsAvoided'
  | 'openFlags'
  | 'lastVerified';

export interface Column {
  key: SortKey;
  label: string;
  /** Shown as the header's tooltip and in the legend. */
  meaning: string;
  numeric: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'title', label: 'Article', meaning: 'The article (never its author).', numeric: false },
  {
    key: 'uses',
    label: 'Uses',
    meaning: 'Contacts that opened, tried or solved with it.',
    numeric: true,
  },
  { key: 'solves', label: 'Solves', meaning: 'Contacts closed as solved with it.', numeric: true },
  { key: 'solveRate', label: 'Solve rate', meaning: 'Solves divided by uses.', numeric: true },
  {
    key: 'failedTries',
    label: 'Failed tries',
    meaning: 'Tried on a call without solving it.',
    numeric: true,
  },
  {
    key: 'escalationsAvoided',
    label: 'Escalations avoided',
    meaning: 'Solved by agents outside the department: calls that did not need an engineer.',
    numeric: true,
  },
  { key: 'openFlags', label: 'Open flags', meaning: 'Flags waiting in the queue.', numeric: true },
  {
    key: 'lastVerified',
    label: 'Last verified',
    meaning: 'When an engineer last confirmed it still works.',
    numeric: false,
  },
];

function value(a: ImpactArticle, key: SortKey): string | number {
  if (key === 'title') return a.title.toLowerCase();
  if (key === 'lastVerified') return a.lastVerified ?? '';
  if (key === 'solveRate') return a.solveRate ?? -1;
  return a[key];
}

/** A stable sort (ties keep the title order), ascending or descending. */
export function sortArticles(rows: ImpactArticle[], key: SortKey, descending: boolean) {
  const dir = descending ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = value(x, key);
    const b = value(y, key);
    if (a < b) return -dir;
    if (a > b) return dir;
    return x.title.localeCompare(y.title);
  });
}
