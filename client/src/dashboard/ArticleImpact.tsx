import type { Confidence, Department } from '../types';
import { Badges } from '../ui/Badges';
import { formatDate } from '../ui/format';
import { Link } from '../ui/Link';
import { count, percent } from './format';
import { SortableTable, type SortColumn } from './SortableTable';
import { csvUrl, type ArticleImpactRow, type StatsQuery } from './statsApi';

interface Props {
  query: StatsQuery;
  articles: ArticleImpactRow[];
  departments: Department[] | null;
}

const num = (
  key: keyof ArticleImpactRow & string,
  label: string,
  meaning: string,
  value: (a: ArticleImpactRow) => number | null,
  text: (a: ArticleImpactRow) => string = (a) => count(value(a)),
): SortColumn<ArticleImpactRow> => ({
  key,
  label,
  meaning,
  numeric: true,
  sortValue: value,
  cell: text,
});

/** What each article did for callers in the period. Articles, never their authors, are compared. */
export function ArticleImpact({ query, articles, departments }: Props) {
  const name = (slug: string) => departments?.find((d) => d.slug === slug)?.name ?? slug;
  const columns: SortColumn<ArticleImpactRow>[] = [
    {
      key: 'title',
      label: 'Article',
      meaning: 'The article (never its author).',
      numeric: false,
      sortValue: (a) => a.title.toLowerCase(),
      cell: (a) => <Link href={`/articles/${encodeURIComponent(a.slug)}`}>{a.title}</Link>,
      rowHeader: true,
    },
    {
      key: 'department',
      label: 'Department',
      meaning: 'The department that owns the article.',
      numeric: false,
      sortValue: (a) => name(a.departmentSlug),
      cell: (a) => name(a.departmentSlug),
    },
    {
      key: 'confidence',
      label: 'Confidence',
      numeric: false,
      sortValue: (a) => a.confidence,
      cell: (a) => <Badges confidence={a.confidence as Confidence} />,
    },
    num('uses', 'Uses', 'Contacts that opened, tried or solved with it.', (a) => a.uses),
    num('solves', 'Solves', 'Contacts closed as solved with it.', (a) => a.solves),
    num(
      'solveRate',
      'Solve rate',
      'Solves divided by uses.',
      (a) => a.solveRate,
      (a) => percent(a.solveRate),
    ),
    num(
      'failedTries',
      'Failed tries',
      'Tried on a contact without solving it.',
      (a) => a.failedTries,
    ),
    num(
      'escalationsAvoided',
      'Escalations avoided',
      "Solves by agents of another department than the article's.",
      (a) => a.escalationsAvoided,
    ),
    num(
      'openFlags',
      'Open flags',
      'Flags from agents still waiting in the queue.',
      (a) => a.openFlags,
    ),
    {
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
    },
  ];

  return (
    <>
      {articles.length === 0 ? (
        <p class="queue-empty">
          No articles{query.articleDepartment ? ' in this department' : ''}.
        </p>
      ) : (
        <div class="dashboard-scroll">
          <SortableTable
            caption="Article impact"
            columns={columns}
            rows={articles}
            rowKey={(a) => a.id}
            initial={{ key: 'solves', descending: true }}
            few={15}
          />
        </div>
      )}
      <p class="field-hint">
        Over contacts closed in the period; only the articles' department filter applies here.{' '}
        <a href={csvUrl('articles', query)} download>
          Download article impact as CSV
        </a>
      </p>
    </>
  );
}
