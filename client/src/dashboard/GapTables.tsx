import { formatDay } from '../ui/format';
import { SortableTable, type SortColumn } from '../ui/SortableTable';
import { count } from './format';
import { csvUrl, type GapKind, type GapRow, type Gaps, type StatsQuery } from './statsApi';

interface Props {
  query: StatsQuery;
  gaps: Gaps;
  /** How many rows per list the server was asked for. */
  limit: number;
}

const LISTS: { kind: GapKind; title: string; meaning: string }[] = [
  {
    kind: 'zeroResults',
    title: 'Searches with no results',
    meaning: 'Nothing in the knowledge base matched: an article is probably missing.',
  },
  {
    kind: 'nothingOpened',
    title: 'Results, but nothing opened',
    meaning:
      'Articles came up, none looked right: titles or issues may not match how callers say it.',
  },
  {
    kind: 'escalatedWithoutArticle',
    title: 'Escalated without an article',
    meaning: 'Searches during contacts that were escalated with no article tried.',
  },
];

const COLUMNS: SortColumn<GapRow>[] = [
  {
    key: 'query',
    label: 'Search',
    meaning: 'The query as agents typed it (normalized).',
    numeric: false,
    sortValue: (g) => g.query,
    cell: (g) => g.query,
    rowHeader: true,
  },
  {
    key: 'count',
    label: 'Searches',
    meaning: 'How many times it was searched in the period.',
    numeric: true,
    sortValue: (g) => g.count,
    cell: (g) => count(g.count),
  },
  {
    key: 'lastDay',
    label: 'Last searched',
    numeric: false,
    sortValue: (g) => g.lastDay,
    cell: (g) => <time dateTime={g.lastDay}>{formatDay(g.lastDay)}</time>,
  },
];

/** Where the knowledge base fails callers: three lists, grouped by query, most frequent first. */
export function GapTables({ query, gaps, limit }: Props) {
  return (
    <>
      <div class="dashboard-gaps">
        {LISTS.map((list) => {
          const rows = gaps[list.kind];
          return (
            <div key={list.kind} class="dashboard-gap">
              <h3 id={`gaps-${list.kind}`}>
                {list.title} <span class="queue-count">({rows.length})</span>
              </h3>
              <p class="field-hint">{list.meaning}</p>
              {rows.length === 0 ? (
                <p class="queue-empty">None in this period.</p>
              ) : (
                <SortableTable
                  caption={list.title}
                  columns={COLUMNS}
                  rows={rows}
                  rowKey={(g) => g.query}
                  initial={{ key: 'count', descending: true }}
                  few={8}
                />
              )}
            </div>
          );
        })}
      </div>
      <p class="field-hint">
        The {limit} most frequent queries of each list.{' '}
        <a href={csvUrl('gaps', query, { limit })} download>
          Download the three lists as CSV
        </a>{' '}
        (one file; its <code>kind</code> column names the list).
      </p>
    </>
  );
}
