import type { Database } from '../../db/connection';
import { insertAudit } from '../../stores/audit';
import { findUserByEmail, markSignedIn } from '../../stores/users';

/**
 * Sign-ins, refused sign-ins and sign-outs go to the audit log, so an admin can answer "who
 * was in, from where, and is someone guessing passwords". The address is the client's as
 * Express sees it (TRUST_PROXY decides whether a proxy's header is believed).
 */
export type SignInMethod = 'password' | 'password+mfa' | 'sso';

export async function recordSignIn(
  db: Database,
  userId: number,
  method: SignInMethod,
  address: string,
) {
  const at = new Date().toISOString();
  await markSignedIn(db, userId, at);
  await insertAudit(db, {
    actorId: userId,
    action: 'auth.login',
    entity: 'user',
    entityId: userId,
    detail: { method, address },
    at,
  });
}

/**
 * A refused sign-in. It names the account when the email is one (the log is admins' only, and
 * the sign-in answer itself still says nothing), never what was typed: a password typed into
 * the email box must not land in a log.
 */
export async function recordFailedSignIn(
  db: Database,
  step: 'password' | 'code' | 'sso',
  who: { email: string } | { userId: number } | null,
  address: string,
  reason?: string,
) {
  const userId =
    who === null
      ? null
      : 'userId' in who
        ? who.userId
        : ((await findUserByEmail(db, who.email.trim().toLowerCase()))?.id ?? null);
  await insertAudit(db, {
    actorId: null,
    action: 'auth.login_failed',
    entity: 'user',
    entityId: userId,
    detail: {
      step,
      address,
      ...(userId === null && { account: 'unknown' }),
      ...(reason && { reason }),
    },
  });
}

export const recordSignOut = (db: Database, userId: number, address: string) =>
  insertAudit(db, {
    actorId: userId,
    action: 'auth.logout',
    entity: 'user',
    entityId: userId,
    detail: { address },
  });
