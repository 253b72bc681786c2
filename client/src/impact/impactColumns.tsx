// The impact table's columns: what each number means, and how it sorts.
import type { ImpactArticle } from '../../../server/contract/types';
import { lastVerifiedColumn, outcomeColumns, titleColumn } from '../ui/articleOutcomeColumns';
import { Badges } from '../ui/Badges';
import type { SortColumn } from '../ui/SortableTable';

/** A missing rate or date sorts here as the lowest value (first going up), not always last. */
function missingLowest(c: SortColumn<ImpactArticle>): SortColumn<ImpactArticle> {
  return { ...c, sortValue: (a) => c.sortValue(a) ?? (c.numeric ? -1 : '') };
}

export const COLUMNS: SortColumn<ImpactArticle>[] = [
  titleColumn<ImpactArticle>((a) => <Badges confidence={a.confidence} />),
  ...outcomeColumns<ImpactArticle>({
    count: (n) => String(n), // no thousands separators here
    percent: (rate) => (rate === null ? '–' : `${Math.round(rate * 100)} %`),
    meanings: {
      failedTries: 'Tried on a call without solving it.',
      escalationsAvoided:
        'Solved by agents outside the department: calls that did not need an engineer.',
      openFlags: 'Flags waiting in the queue.',
    },
  }),
  lastVerifiedColumn<ImpactArticle>(),
].map(missingLowest);
