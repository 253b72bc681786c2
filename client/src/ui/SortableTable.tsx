import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { TableScroll } from './TableScroll';

export interface SortColumn<T> {
  key: string;
  label: string;
  /** The header's tooltip: what the number means. */
  meaning?: string;
  numeric: boolean;
  /** What the column sorts by; null sorts last, whichever the direction. */
  sortValue: (row: T) => string | number | null;
  cell: (row: T) => ComponentChildren;
  /** The row's header cell (its name), for screen readers moving along a row. */
  rowHeader?: boolean;
}

type Order = 'ascending' | 'descending';

interface Props<T> {
  /**
   * The table's name, said with its order: "Caption, by column, descending"; a function words
   * it itself from the sorted column's label (lower case) and the order.
   */
  caption: string | ((by: string, order: Order) => string);
  columns: SortColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  initial: { key: string; descending: boolean };
  /** Rows beyond this wait behind a "Show all" button. */
  few?: number;
  class?: string;
}

/** Stable sort by one column (ties keep the incoming order); nulls last either way. */
export function sortRows<T>(rows: T[], column: SortColumn<T>, descending: boolean): T[] {
  const dir = descending ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i, v: column.sortValue(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      if (a.v < b.v) return -dir;
      if (a.v > b.v) return dir;
      return a.i - b.i;
    })
    .map((x) => x.row);
}

/** A table sorted by clicking a header (a button in each, aria-sort on the sorted one). */
export function SortableTable<T>(props: Props<T>) {
  const { caption, columns, rows, rowKey, initial, few } = props;
  const [sort, setSort] = useState(initial);
  const [all, setAll] = useState(false);
  const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
  const sorted = sortRows(rows, column, sort.descending);
  const shown = all || few === undefined ? sorted : sorted.slice(0, few);
  const order: Order = sort.descending ? 'descending' : 'ascending';
  const by = column.label.toLowerCase();

  function toggle(c: SortColumn<T>) {
    // numbers start with the biggest, words A→Z
    setSort((s) =>
      s.key === c.key
        ? { key: c.key, descending: !s.descending }
        : { key: c.key, descending: c.numeric },
    );
  }

  return (
    <>
      <TableScroll label={typeof caption === 'string' ? caption : caption(by, order)}>
        <table class={`data-table ${props.class ?? ''}`}>
          <caption class="visually-hidden">
            {typeof caption === 'string' ? `${caption}, by ${by}, ${order}` : caption(by, order)}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? order : undefined}
                >
                  <button
                    type="button"
                    class="sort-button"
                    title={c.meaning}
                    onClick={() => toggle(c)}
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
            {shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" class={c.numeric ? 'num' : undefined}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} class={c.numeric ? 'num' : undefined}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shown.length < sorted.length && (
        <p class="dashboard-more">
          <button type="button" class="link-button" onClick={() => setAll(true)}>
            Show all {sorted.length} rows
          </button>
        </p>
      )}
    </>
  );
}
