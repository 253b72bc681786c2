/**
 * A fresh `Idempotency-Key` for one contact action (1–128 printable characters). Outside a
 * secure context `crypto.randomUUID` is missing; 16 random bytes in hex serve the same purpose.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
