import type { Queryable } from '../db/connection';

export type TokenPurpose = 'invite' | 'reset';

export interface PasswordTokenRow {
  id: number;
  userId: number;
  purpose: TokenPurpose;
  expiresAt: string;
  usedAt: string | null;
}

/** A new link replaces any unused one: only the latest link a person was given works. */
export async function replaceToken(
  db: Queryable,
  t: {
    userId: number;
    purpose: TokenPurpose;
    tokenHash: string;
    createdBy: number | null;
    at: string;
    expiresAt: string;
  },
) {
  await db.run('DELETE FROM password_tokens WHERE user_id = ? AND used_at IS NULL', [t.userId]);
  await db.run(
    `INSERT INTO password_tokens (user_id, purpose, token_hash, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [t.userId, t.purpose, t.tokenHash, t.createdBy, t.at, t.expiresAt],
  );
}

export const findToken = (db: Queryable, tokenHash: string) =>
  db.get<PasswordTokenRow>(
    `SELECT id, user_id AS userId, purpose, expires_at AS expiresAt, used_at AS usedAt
     FROM password_tokens WHERE token_hash = ?`,
    [tokenHash],
  );

/** Spends a token; false when another request spent it first (single use under a race). */
export async function spendToken(db: Queryable, id: number, at: string) {
  const { changes } = await db.run(
    'UPDATE password_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL',
    [at, id],
  );
  return changes === 1;
}
