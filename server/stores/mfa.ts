import type { Queryable } from '../db/connection';

export interface MfaRow {
  userId: number;
  secret: string;
  confirmedAt: string | null;
  lastTimeStep: number;
}

export const findMfa = (db: Queryable, userId: number) =>
  db.get<MfaRow>(
    `SELECT user_id AS userId, secret, confirmed_at AS confirmedAt, last_time_step AS lastTimeStep
     FROM user_mfa WHERE user_id = ?`,
    [userId],
  );

/** A new enrolment (replacing one in progress). */
export const startMfa = (db: Queryable, userId: number, secret: string, at: string) =>
  db.run(
    `INSERT INTO user_mfa (user_id, secret, created_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, confirmed_at = NULL,
       last_time_step = 0, created_at = excluded.created_at`,
    [userId, secret, at],
  );

export const confirmMfa = (db: Queryable, userId: number, timeStep: number, at: string) =>
  db.run('UPDATE user_mfa SET confirmed_at = ?, last_time_step = ? WHERE user_id = ?', [
    at,
    timeStep,
    userId,
  ]);

/** Accepts a code's time step only if it is newer than the last one (one use per code). */
export async function useTimeStep(db: Queryable, userId: number, timeStep: number) {
  const { changes } = await db.run(
    'UPDATE user_mfa SET last_time_step = ? WHERE user_id = ? AND last_time_step < ?',
    [timeStep, userId, timeStep],
  );
  return changes === 1;
}

export async function deleteMfa(db: Queryable, userId: number): Promise<boolean> {
  await db.run('DELETE FROM mfa_recovery_codes WHERE user_id = ?', [userId]);
  const { changes } = await db.run('DELETE FROM user_mfa WHERE user_id = ?', [userId]);
  return changes === 1;
}

export async function replaceRecoveryCodes(db: Queryable, userId: number, hashes: string[]) {
  await db.run('DELETE FROM mfa_recovery_codes WHERE user_id = ?', [userId]);
  for (const h of hashes)
    await db.run('INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES (?, ?)', [userId, h]);
}

/** Marks an unused recovery code used; false if it is unknown or spent. */
export async function spendRecoveryCode(db: Queryable, userId: number, hash: string, at: string) {
  const { changes } = await db.run(
    `UPDATE mfa_recovery_codes SET used_at = ?
     WHERE id = (SELECT id FROM mfa_recovery_codes
                 WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)`,
    [at, userId, hash],
  );
  return changes === 1;
}

export const recoveryCodesLeft = async (db: Queryable, userId: number) =>
  (await db.get<{ n: number }>(
    'SELECT count(*) AS n FROM mfa_recovery_codes WHERE user_id = ? AND used_at IS NULL',
    [userId],
  ))!.n;

export const insertMfaFailure = (db: Queryable, userId: number, at: string) =>
  db.run('INSERT INTO mfa_failures (user_id, at) VALUES (?, ?)', [userId, at]);

/** Failures since `since`, and the oldest of them (when the window frees a slot). */
export async function mfaFailuresSince(db: Queryable, userId: number, since: string) {
  await db.run('DELETE FROM mfa_failures WHERE at < ?', [since]);
  return (await db.get<{ n: number; oldest: string | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM mfa_failures WHERE user_id = ? AND at >= ?',
    [userId, since],
  ))!;
}

export const clearMfaFailures = (db: Queryable, userId: number) =>
  db.run('DELETE FROM mfa_failures WHERE user_id = ?', [userId]);
