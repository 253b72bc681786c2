// The article-impact columns the department impact page and the managers' dashboard share:
// the article, what it did for callers, when it was last verified. Articles, never people.
import type { ComponentChildren } from 'preact';
import type { ImpactArticle } from '../../../server/contract/types';
import { formatDate } from './format';
import { Link } from './Link';
import type { SortColumn } from './SortableTable';

/** An article's outcomes over a period, as both pages receive them. */
export type ArticleOutcomes = Omit<ImpactArticle, 'departmentSlug' | 'confidence' | 'verifyBy'>;

type OutcomeKey =
  'uses' | 'solves' | 'solveRate' | 'failedTries' | 'escalationsAvoided' | 'openFlags';

const OUTCOMES: { key: OutcomeKey; label: string; meaning: string; rate?: boolean }[] = [
  { key: 'uses', label: 'Uses', meaning: 'Contacts that opened, tried or solved with it.' },
  { key: 'solves', label: 'Solves', meaning: 'Contacts closed as solved with it.' },
  { key: 'solveRate', label: 'Solve rate', meaning: 'Solves divided by uses.', rate: true },
  { key: 'failedTries', label: 'Failed tries', meaning: 'Tried on a contact without solving it.' },
  {
    key: 'escalationsAvoided',
    label: 'Escalations avoided',
    meaning: "Solves by agents of another department than the article's.",
  },
  {
    key: 'openFlags',
    label: 'Open flags',
    meaning: 'Flags from agents still waiting in the queue.',
  },
];

/** How a page writes its numbers, and where it words a column's meaning its own way. */
export interface OutcomeFormat {
  count: (n: number | null) => string;
  /** A 0–1 rate; null when the article was not used. */
  percent: (rate: number | null) => string;
  meanings?: Partial<Record<OutcomeKey, string>>;
}

/** The article, linking to its page (the row's header), with `after` it (e.g. its badges). */
export function titleColumn<R extends ArticleOutcomes>(
  after?: (row: R) => ComponentChildren,
): SortColumn<R> {
  return {
    key: 'title',
    label: 'Article',
    meaning: 'The article (never its author).',
    numeric: false,
    sortValue: (a) => a.title.toLowerCase(),
    cell: (a) => (
      <>
        <Link href={`/articles/${encodeURIComponent(a.slug)}`}>{a.title}</Link>
        {after && ' '}
        {after?.(a)}
      </>
    ),
    rowHeader: true,
  };
}

/** Uses, solves, solve rate, failed tries, escalations avoided, open flags: in that order. */
export function outcomeColumns<R extends ArticleOutcomes>(format: OutcomeFormat): SortColumn<R>[] {
  return OUTCOMES.map(({ key, label, meaning, rate }) => ({
    key,
    label,
    meaning: format.meanings?.[key] ?? meaning,
    numeric: true,
    sortValue: (a) => a[key],
    cell: (a) => (rate ? format.percent : format.count)(a[key]),
  }));
}

export function lastVerifiedColumn<R extends ArticleOutcomes>(): SortColumn<R> {
  return {
    key: 'lastVerified',
    label: 'Last verified',
    meaning: 'When an engineer last confirmed it still works.',
    numeric: false,
    sortValue: (a) => a.lastVerified,
    cell: (a) =>
      a.lastVerified ? (
        <time dateTime={a.lastVerified}>{formatDate(a.lastVerified)}</time>
      ) : (
        'never'
      ),
  };
}
