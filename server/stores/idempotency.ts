import type { Queryable } from '../db/connection';

export interface IdempotencyRow {
  fingerprint: string;
  /** null while the first request with the key is still being answered */
  status: number | null;
  body: string | null;
  createdAt: string;
}

/**
 * Claims a key for a first request of `owner` (`user:<id>` or `token:<id>`): stores it as pending and returns undefined, or returns the
 * row of an earlier request with it. Keys older than `since` are forgotten first; so is a
 * pending claim older than `abandonedBefore` (its process died before answering).
 */
export async function claimKey(
  db: Queryable,
  k: { owner: string; key: string; fingerprint: string; at: string },
  since: string,
  abandonedBefore: string,
): Promise<IdempotencyRow | undefined> {
  await db.run('DELETE FROM idempotency_keys WHERE created_at < ?', [since]);
  await db.run(
    `DELETE FROM idempotency_keys WHERE owner = ? AND key = ? AND status IS NULL AND created_at < ?`,
    [k.owner, k.key, abandonedBefore],
  );
  const { changes } = await db.run(
    `INSERT INTO idempotency_keys (owner, key, fingerprint, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [k.owner, k.key, k.fingerprint, k.at],
  );
  if (changes === 1) return undefined;
  return db.get<IdempotencyRow>(
    `SELECT fingerprint, status, body, created_at AS createdAt FROM idempotency_keys
     WHERE owner = ? AND key = ?`,
    [k.owner, k.key],
  );
}

/** The first request's answer, kept for the repeats. */
export const completeKey = (
  db: Queryable,
  owner: string,
  key: string,
  status: number,
  body: string,
) =>
  db.run('UPDATE idempotency_keys SET status = ?, body = ? WHERE owner = ? AND key = ?', [
    status,
    body,
    owner,
    key,
  ]);

/** The first request failed and changed nothing: the key is free to be tried again. */
export const releaseKey = (db: Queryable, owner: string, key: string) =>
  db.run('DELETE FROM idempotency_keys WHERE owner = ? AND key = ? AND status IS NULL', [
    owner,
    key,
  ]);
