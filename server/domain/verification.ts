/** Verification (DESIGN §2): a validated article is checked again by its verify-by date. */
import type { Confidence } from '../contract/enums';

const DAY_MS = 86_400_000;

/** Today as a UTC calendar day, `YYYY-MM-DD`: verify-by dates compare as strings. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Past its verify-by date, a validated article is stale: a badge, and its department's queue. */
export function isStale(
  article: { confidence: Confidence | string; verifyBy: string | null },
  day: string = today(),
): boolean {
  return article.confidence === 'validated' && article.verifyBy !== null && article.verifyBy < day;
}

/** The verify-by date `days` after `from`. */
export const verifyDateFrom = (from: Date, days: number): string =>
  today(new Date(from.getTime() + days * DAY_MS));
