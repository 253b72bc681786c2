import crypto from 'node:crypto';
import { PASSWORD_LINK_HOURS, type PasswordLinkInfo } from '../../contract/users';
import type { Database, Queryable } from '../../db/connection';
import { badRequest } from '../../errors';
import { insertAudit } from '../../stores/audit';
import { deleteUserSessions } from '../../stores/sessions';
import {
  findToken,
  replaceToken,
  spendToken,
  type TokenPurpose,
} from '../../stores/passwordTokens';
import { findUserById, setPasswordHash, type UserRow } from '../../stores/users';
import { checkPasswordPolicy } from './passwordPolicy';
import { hashPassword } from './passwords';

/**
 * One-time links to set a password: an invitation for a new person, a reset for someone who
 * forgot theirs. The token is 256 random bits, kept only as a SHA-256; it works once, for
 * PASSWORD_LINK_HOURS, and only the latest link a person was given works.
 */
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export const linkUrl = (base: string, token: string) =>
  `${base}/set-password?token=${encodeURIComponent(token)}`;

export async function issuePasswordLink(
  tx: Queryable,
  userId: number,
  purpose: TokenPurpose,
  createdBy: number | null,
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const at = new Date();
  const expiresAt = new Date(at.getTime() + PASSWORD_LINK_HOURS * 3_600_000).toISOString();
  await replaceToken(tx, {
    userId,
    purpose,
    tokenHash: hashToken(token),
    createdBy,
    at: at.toISOString(),
    expiresAt,
  });
  await insertAudit(tx, {
    actorId: createdBy,
    action: 'user.password_link',
    entity: 'user',
    entityId: userId,
    detail: { purpose, expiresAt },
  });
  return { token, expiresAt };
}

const invalidLink = () =>
  badRequest(
    'password_link_invalid',
    'This link has expired or was already used. Ask your administrator for a new one.',
    'token',
  );

/** A usable link's token row and person, or 400 password_link_invalid (one answer for all). */
async function usable(db: Queryable, token: string) {
  const row = await findToken(db, hashToken(token));
  if (!row || row.usedAt || row.expiresAt <= new Date().toISOString()) throw invalidLink();
  const user = await findUserById(db, row.userId);
  if (!user?.active) throw invalidLink();
  return { row, user };
}

/** Whose link it is, so the page can greet them before they type. */
export async function passwordLinkInfo(db: Database, token: string): Promise<PasswordLinkInfo> {
  const { row, user } = await usable(db, token);
  return { email: user.email, name: user.name, purpose: row.purpose, expiresAt: row.expiresAt };
}

/**
 * Sets the password from a link and spends it. Every session the person had ends (a reset
 * means someone else may have been in); the caller signs them in on a fresh one.
 */
export async function setPasswordFromLink(
  db: Database,
  token: string,
  password: string,
): Promise<UserRow> {
  const { user } = await usable(db, token);
  checkPasswordPolicy(password, user);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { row } = await usable(tx, token);
    const at = new Date().toISOString();
    if (!(await spendToken(tx, row.id, at))) throw invalidLink();
    await setPasswordHash(tx, user.id, hash);
    await deleteUserSessions(tx, user.id);
    await insertAudit(tx, {
      actorId: user.id,
      action: 'user.password_set',
      entity: 'user',
      entityId: user.id,
      detail: { purpose: row.purpose },
      at,
    });
    return user;
  });
}
