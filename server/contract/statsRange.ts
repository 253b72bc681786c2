/**
 * The range rule of every stats request, without zod so the dashboard checks it as the server
 * does: inclusive UTC days, `from` on or before `to`, at most MAX_RANGE_DAYS days. The server
 * answers a broken rule with `400 validation_failed` naming `from` (after `to`) or `to` (too
 * long); the dashboard says the same at the fields before asking.
 */
export const MAX_RANGE_DAYS = 731;

const DAY = 86_400_000;

/** A calendar day's midnight (UTC) in ms, or null for anything else (2026-02-30 included). */
function dayMs(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : t;
}

export interface RangeProblem {
  /** the field the server names for it */
  field: 'from' | 'to';
  kind: 'not_a_day' | 'reversed' | 'too_long';
  /** inclusive days of the range, for `too_long` */
  days?: number;
}

/** What is wrong with a range, or null when a stats request will accept it. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  const a = dayMs(from);
  const b = dayMs(to);
  if (a === null) return { field: 'from', kind: 'not_a_day' };
  if (b === null) return { field: 'to', kind: 'not_a_day' };
  if (a > b) return { field: 'from', kind: 'reversed' };
  const days = Math.round((b - a) / DAY) + 1;
  return days > MAX_RANGE_DAYS ? { field: 'to', kind: 'too_long', days } : null;
}
