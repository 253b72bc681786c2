import type { ImpactArticle } from '../../../server/contract/types';
import { SortableTable } from '../ui/SortableTable';
import { COLUMNS } from './impactColumns';

/** Per-article outcomes, sortable by any column (a button in each header, aria-sort on it). */
export function ImpactTable({ articles }: { articles: ImpactArticle[] }) {
  // sorting keeps the incoming order among ties: title order
  const byTitle = [...articles].sort((x, y) => x.title.localeCompare(y.title));
  return (
    <SortableTable
      caption={(by, order) => `Articles by ${by}, ${order}`}
      columns={COLUMNS}
      rows={byTitle}
      rowKey={(a) => a.id}
      initial={{ key: 'uses', descending: true }}
      class="impact-table"
    />
  );
}
