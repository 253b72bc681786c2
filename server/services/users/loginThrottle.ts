import crypto from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../../config';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import * as store from '../../stores/loginFailures';

/**
 * Failed password sign-ins are counted in the database (a restart forgets nothing; every
 * process sees the same counts), two ways:
 * - per account + address (`LOGIN_MAX_FAILURES`): someone guessing one account is stopped
 *   without locking its owner out from their own address;
 * - per address across all accounts (`LOGIN_ADDRESS_MAX_FAILURES`): one address cannot try a
 *   password against many accounts.
 * Past either, attempts get 429 with Retry-After, even with the right password.
 */
export interface Attempt {
  email: string;
  /** the client's address as Express sees it (TRUST_PROXY decides whether a proxy is believed) */
  address: string;
}

type Limits = Pick<Config, 'loginMaxFailures' | 'loginAddressMaxFailures' | 'loginWindowMs'>;

const keys = ({ email, address }: Attempt) => ({
  account: crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex'),
  // IPv6 addresses count per /56, as one customer's network usually is
  address: ipKeyGenerator(address),
});

export async function assertNotThrottled(db: Database, limits: Limits, attempt: Attempt) {
  const now = Date.now();
  const since = now - limits.loginWindowMs;
  const { account, address } = keys(attempt);
  const pair = await store.pairFailures(db, account, address, since);
  const all = await store.addressFailures(db, address, since);
  const over = [
    pair.n >= limits.loginMaxFailures ? pair.oldest : null,
    all.n >= limits.loginAddressMaxFailures ? all.oldest : null,
  ].filter((t): t is number => t !== null);
  if (!over.length) return;
  // the count drops below the limit when the oldest failure in the window leaves it
  const retryAfter = Math.max(
    1,
    Math.ceil((Math.max(...over) + limits.loginWindowMs - now) / 1000),
  );
  const minutes = Math.ceil(retryAfter / 60);
  throw new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}

export async function recordLoginFailure(db: Database, limits: Limits, attempt: Attempt) {
  const now = Date.now();
  const { account, address } = keys(attempt);
  await store.insertLoginFailure(db, account, address, now);
  await store.deleteLoginFailuresBefore(db, now - limits.loginWindowMs);
}

export async function clearLoginFailures(db: Database, attempt: Attempt) {
  const { account, address } = keys(attempt);
  await store.clearPairFailures(db, account, address);
}
