import { useState } from 'preact/hooks';
import type { ImpactArticle } from '../types';
import { Badges } from '../ui/Badges';
import { formatDate } from '../ui/format';
import { Link } from '../ui/Link';
import { COLUMNS, sortArticles, type SortKey } from './impactColumns';

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);

/** Per-article outcomes, sortable by any column (a button in each header, aria-sort on it). */
export function ImpactTable({ articles }: { articles: ImpactArticle[] }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'uses',
    descending: true,
  });
  const rows = sortArticles(articles, sort.key, sort.descending);

  function toggle(key: SortKey, numeric: boolean) {
    setSort((s) =>
      // numbers start with the biggest first, titles and dates A→Z / oldest first
      s.key === key ? { key, descending: !s.descending } : { key, descending: numeric },
    );
  }

  return (
    <table class="data-table impact-table">
      <caption class="visually-hidden">
        Articles by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()},{' '}
        {sort.descending ? 'descending' : 'ascending'}
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.key}
              scope="col"
              class={c.numeric ? 'num' : undefined}
              aria-sort={
                sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined
              }
            >
              <button
                type="button"
                class="sort-button"
                title={c.meaning}
                onClick={() => toggle(c.key, c.numeric)}
              >
                {c.label}
                <span aria-hidden="true" class="sort-mark">
                  {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link href={`/articles/${encodeURIComponent(a.slug)}`}>{a.title}</Link>{' '}
              <Badges confidence={a.confidence} />
            </th>
            <td class="num">{a.uses}</td>
            <td class="num">{a.solves}</td>
            <td class="num">{percent(a.solveRate)}</td>
            <td class="num">{a.failedTries}</td>
            <td class="num">{a.escalationsAvoided}</td>
            <td class="num">{a.openFlags}</td>
            <td>
              {a.lastVerified ? (
                <time dateTime={a.lastVerified}>{formatDate(a.lastVerified)}</time>
              ) : (
                'never'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
