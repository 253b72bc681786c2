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
  // one word being corrected: "pasword" → "passwrd" (but "printer" → "privacy" is a new search)
  if (a.includes(' ') || b.includes(' ') || Math.min(a.length, b.length) < 4) return false;
  return editDistance(a, b, 3) <= (Math.min(a.length, b.length) >= 7 ? 2 : 1);
}

/** Levenshtein distance, or `cap` when it is at least that (or the words are long). */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap || a.length > 64 || b.length > 64) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return Math.min(prev[b.length]!, cap);
}
