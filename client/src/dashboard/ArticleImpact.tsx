import type { Confidence, Department } from '../../../server/contract/types';
import { lastVerifiedColumn, outcomeColumns, titleColumn } from '../ui/articleOutcomeColumns';
import { Badges } from '../ui/Badges';
import { SortableTable, type SortColumn } from '../ui/SortableTable';
import { count, percent } from './format';
import { csvUrl, type ArticleImpactRow, type StatsQuery } from './statsApi';

interface Props {
  query: StatsQuery;
  articles: ArticleImpactRow[];
  departments: Department[] | null;
}

/** What each article did for callers in the period. Articles, never their authors, are compared. */
export function ArticleImpact({ query, articles, departments }: Props) {
  const name = (slug: string) => departments?.find((d) => d.slug === slug)?.name ?? slug;
  const columns: SortColumn<ArticleImpactRow>[] = [
    titleColumn<ArticleImpactRow>(),
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
    ...outcomeColumns<ArticleImpactRow>({ count, percent }),
    lastVerifiedColumn<ArticleImpactRow>(),
  ];

  return (
    <>
      {articles.length === 0 ? (
        <p class="queue-empty">
          No articles{query.articleDepartment ? ' in this department' : ''}.
        </p>
      ) : (
        <SortableTable
          caption="Article impact"
          columns={columns}
          rows={articles}
          rowKey={(a) => a.id}
          initial={{ key: 'solves', descending: true }}
          few={15}
        />
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
