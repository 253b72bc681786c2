import crypto from 'node:crypto';
import type { SessionInfo } from '../../contract/users';
import type { Database } from '../../db/connection';
import { badRequest } from '../../errors';
import { insertAudit } from '../../stores/audit';
import { deleteUserSessions, listUserSessions } from '../../stores/sessions';
import { findPasswordHashById, setPasswordHash, type UserRow } from '../../stores/users';
import { checkPasswordPolicy } from './passwordPolicy';
import { hashPassword, verifyPassword } from './passwords';

/** What a session remembers of where it was opened (shown in the person's session list). */
export interface SessionDevice {
  address: string;
  userAgent: string | null;
}

/**
 * A person changes their own password: the current one first (someone at an unlocked desk
 * cannot take the account over), then the policy. Every other session ends; the caller gives
 * this one a new id.
 */
export async function changePassword(
  db: Database,
  user: UserRow,
  current: string,
  next: string,
  currentSid: string,
) {
  const stored = await findPasswordHashById(db, user.id);
  if (!stored || !(await verifyPassword(current, stored)))
    throw badRequest('password_wrong', 'Your current password is not right.', 'currentPassword');
  checkPasswordPolicy(next, user);
  if (next === current)
    throw badRequest(
      'password_weak',
      'Choose a password different from the current one.',
      'password',
    );
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, hash);
    const ended = await deleteUserSessions(tx, user.id, currentSid);
    await insertAudit(tx, {
      actorId: user.id,
      action: 'user.password_change',
      entity: 'user',
      entityId: user.id,
      detail: { otherSessionsEnded: ended },
    });
  });
}

/** An opaque handle for a session: the id itself is the credential and never leaves the server. */
export const sessionHandle = (sid: string) =>
  crypto.createHash('sha256').update(sid).digest('base64url').slice(0, 16);

export async function listSessions(
  db: Database,
  userId: number,
  currentSid: string | null,
): Promise<SessionInfo[]> {
  const rows = await listUserSessions(db, userId, Date.now());
  return rows.map((r) => {
    const sess = JSON.parse(r.sess) as { signedInAt?: number; device?: SessionDevice };
    return {
      id: sessionHandle(r.sid),
      current: r.sid === currentSid,
      signedInAt: sess.signedInAt ? new Date(sess.signedInAt).toISOString() : null,
      lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt).toISOString() : null,
      expiresAt: new Date(r.expiresAt).toISOString(),
      address: sess.device?.address ?? null,
      userAgent: sess.device?.userAgent ?? null,
    };
  });
}

/** "Sign out other sessions": every session of the person but this one. */
export async function endOtherSessions(db: Database, userId: number, currentSid: string) {
  return db.transaction(async (tx) => {
    const count = await deleteUserSessions(tx, userId, currentSid);
    await insertAudit(tx, {
      actorId: userId,
      action: 'user.sessions_end',
      entity: 'user',
      entityId: userId,
      detail: { count, reason: 'self' },
    });
    return count;
  });
}
