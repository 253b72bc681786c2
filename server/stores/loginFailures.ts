import type { Queryable } from '../db/connection';

/** Failures since `since` (ms) for one account from one address, and the oldest of them. */
export const pairFailures = async (
  db: Queryable,
  account: string,
  address: string,
  since: number,
) =>
  (await db.get<{ n: number; oldest: number | null }>(
    `SELECT count(*) AS n, min(at) AS oldest FROM login_failures
     WHERE account = ? AND address = ? AND at > ?`,
    [account, address, since],
  ))!;

/** Failures since `since` from one address, whatever the account. */
export const addressFailures = async (db: Queryable, address: string, since: number) =>
  (await db.get<{ n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM login_failures WHERE address = ? AND at > ?',
    [address, since],
  ))!;

export const insertLoginFailure = (db: Queryable, account: string, address: string, at: number) =>
  db.run('INSERT INTO login_failures (account, address, at) VALUES (?, ?, ?)', [
    account,
    address,
    at,
  ]);

/** A right password from this address clears this account's count there (not the address's). */
export const clearPairFailures = (db: Queryable, account: string, address: string) =>
  db.run('DELETE FROM login_failures WHERE account = ? AND address = ?', [account, address]);

export const deleteLoginFailuresBefore = (db: Queryable, before: number) =>
  db.run('DELETE FROM login_failures WHERE at <= ?', [before]);
