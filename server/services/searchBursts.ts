/**
 * As-you-type folding: "rou", "rout", "router blink", "router blinkk", "router blink" are one
 * search the agent made, not five. A search continues the previous one when it comes soon after
 * it and one query extends the other, or only the last word changed (a typo being fixed).
 */
export const BURST_MS = 4000;

/** Lower case, single spaces, no surrounding punctuation: how gaps group queries. */
export function normalizeQuery(q: string): string {
  return q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const allButLastWord = (q: string) => q.slice(0, Math.max(0, q.lastIndexOf(' ')));

export function continuesBurst(
  previous: { query: string; at: number },
  next: { query: string; at: number },
): boolean {
  if (next.at - previous.at > BURST_MS) return false;
  const a = previous.query;
  const b = next.query;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const stem = allButLastWord(a);
  if (stem !== '' && stem === allButLastWord(b)) return true;
  // one word being corrected: "pasword" → "passwrd"
  return !a.includes(' ') && !b.includes(' ') && a.slice(0, 3) === b.slice(0, 3);
}
