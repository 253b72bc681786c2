// A range the stats API would refuse, said in words at the date fields before any request.
import { MAX_RANGE_DAYS, rangeProblem } from '../../../server/contract/statsRange';
import { formatDay } from '../ui/format';
import type { StatsQuery } from './statsApi';

/** The id of the message the date fields point at (aria-describedby). */
export const RANGE_ERROR_ID = 'dashboard-range-error';

export interface RangeError {
  /** the date fields that are part of the problem (both, for a reversed or too long range) */
  fields: ('from' | 'to')[];
  message: string;
}

const FIELD_LABEL = { from: 'From', to: 'To' } as const;

/** The same rule as the server's (contract/statsRange.ts), or null when the range is fine. */
export function rangeError(q: Pick<StatsQuery, 'from' | 'to'>): RangeError | null {
  const problem = rangeProblem(q.from, q.to);
  if (problem === null) return null;
  switch (problem.kind) {
    case 'not_a_day':
      return {
        fields: [problem.field],
        message: `${FIELD_LABEL[problem.field]} is not a date: choose a day like 2026-01-31.`,
      };
    case 'reversed':
      return {
        fields: ['from', 'to'],
        message:
          `From (${formatDay(q.from)}) is after To (${formatDay(q.to)}): ` +
          'choose a From on or before To.',
      };
    case 'too_long':
      return {
        fields: ['from', 'to'],
        message:
          `This range covers ${problem.days} days; the dashboard shows at most ` +
          `${MAX_RANGE_DAYS} (about two years). Move From and To closer together.`,
      };
  }
}
