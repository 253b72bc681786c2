import type { InviteUser, UserListQuery, UserUpdate } from '../../contract/users';
import type { Database, Queryable } from '../../db/connection';
import type { Actor } from '../../domain/roles';
import { conflict, notFound, validationFailed } from '../../errors';
import { passwordLinkMail, type Mailer } from '../../mail/mailer';
import { insertAudit } from '../../stores/audit';
import { findDepartmentBySlug } from '../../stores/departments';
import { deleteUserSessions } from '../../stores/sessions';
import {
  countOtherActiveAdmins,
  findUserByEmail,
  findUserDetail,
  insertUser,
  listUsers as listUserRows,
  updateUser as updateUserRow,
  type UserChanges,
  type UserDetailRow,
} from '../../stores/users';
import { assertTakesNew } from '../departments/departments';
import { issuePasswordLink, linkUrl } from './passwordLinks';

/** Where links point (PUBLIC_URL, or the admin's own address) and how they may be mailed. */
export interface LinkDelivery {
  base: string;
  mail: Mailer;
}

export const listUsers = (db: Database, q: UserListQuery) => listUserRows(db, q);

export async function getUser(db: Queryable, id: number): Promise<UserDetailRow> {
  const user = await findUserDetail(db, id);
  if (!user) throw notFound('That user');
  return user;
}

async function departmentFor(db: Queryable, slug: string) {
  const department = await findDepartmentBySlug(db, slug);
  if (!department) throw validationFailed(`Unknown department "${slug}".`, 'department');
  assertTakesNew(department);
  return department;
}

/**
 * A new person, with no password yet: the answer carries a one-time link for them to set one
 * (mailed too when SMTP is configured). Their account works once they have.
 */
export async function inviteUser(
  db: Database,
  actor: Actor,
  input: InviteUser,
  links: LinkDelivery,
) {
  const { user, token, expiresAt } = await db.transaction(async (tx) => {
    const department = await departmentFor(tx, input.department);
    if (await findUserByEmail(tx, input.email))
      throw conflict('email_taken', 'A user with that email already exists.', 'email');
    const id = await insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      departmentId: department.id,
      passwordHash: '',
    });
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      detail: { email: input.email, role: input.role, department: input.department, via: 'invite' },
    });
    const link = await issuePasswordLink(tx, id, 'invite', actor.id);
    return { user: (await findUserDetail(tx, id))!, ...link };
  });
  const url = linkUrl(links.base, token);
  const emailed = await links.mail(passwordLinkMail(user, 'invite', url, expiresAt));
  return { user, inviteUrl: url, expiresAt, emailed };
}

/**
 * Name, role, department, active. Disabling ends every session of the person at once; a new
 * role or department applies at their next request (users are read on every request). The
 * last active admin can be neither disabled nor demoted: nobody could administer the product.
 */
export async function updateUser(db: Database, actor: Actor, id: number, input: UserUpdate) {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    const changes: UserChanges = {};
    const detail: Record<string, { from: unknown; to: unknown }> = {};
    if (input.name !== undefined && input.name !== before.name) {
      changes.name = input.name;
      detail.name = { from: before.name, to: input.name };
    }
    if (input.role !== undefined && input.role !== before.role) {
      changes.role = input.role;
      detail.role = { from: before.role, to: input.role };
    }
    if (input.department !== undefined && input.department !== before.departmentSlug) {
      changes.departmentId = (await departmentFor(tx, input.department)).id;
      detail.department = { from: before.departmentSlug, to: input.department };
    }
    if (input.active !== undefined && input.active !== Boolean(before.active)) {
      changes.active = input.active;
      detail.active = { from: Boolean(before.active), to: input.active };
    }
    const losesAdmin =
      before.role === 'admin' &&
      before.active === 1 &&
      (changes.active === false || (changes.role !== undefined && changes.role !== 'admin'));
    if (losesAdmin && (await countOtherActiveAdmins(tx, id)) === 0)
      throw conflict(
        'last_admin',
        `${before.name} is the last active admin: make someone else an admin first.`,
        changes.active === false ? 'active' : 'role',
      );
    if (!Object.keys(detail).length) return before;
    await updateUserRow(tx, id, changes);
    const action =
      changes.active === false
        ? 'user.disable'
        : changes.active === true
          ? 'user.enable'
          : 'user.update';
    const ended = changes.active === false ? await deleteUserSessions(tx, id) : 0;
    await insertAudit(tx, {
      actorId: actor.id,
      action,
      entity: 'user',
      entityId: id,
      detail: { changes: detail, ...(action === 'user.disable' && { sessionsEnded: ended }) },
    });
    return (await findUserDetail(tx, id))!;
  });
}

/**
 * A reset link for someone who lost their password (or an invitation sent again). Their
 * sessions end now; the old password keeps working only until the new one is set.
 */
export async function issuePasswordReset(
  db: Database,
  actor: Actor,
  id: number,
  links: LinkDelivery,
) {
  const { user, token, expiresAt } = await db.transaction(async (tx) => {
    const user = await getUser(tx, id);
    if (!user.active)
      throw validationFailed(`${user.name} is disabled: enable them first.`, 'active');
    if (user.sso)
      throw validationFailed(
        `${user.name} signs in with the company sign-in: their password is managed there.`,
        'password',
      );
    const ended = await deleteUserSessions(tx, id);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'user.sessions_end',
      entity: 'user',
      entityId: id,
      detail: { count: ended, reason: 'password_reset' },
    });
    const purpose = user.hasPassword ? 'reset' : 'invite';
    return { user, ...(await issuePasswordLink(tx, id, purpose, actor.id)) };
  });
  const purpose = user.hasPassword ? 'reset' : 'invite';
  const url = linkUrl(links.base, token);
  const emailed = await links.mail(passwordLinkMail(user, purpose, url, expiresAt));
  return { resetUrl: url, expiresAt, emailed };
}

/** Signs a person out everywhere (a lost laptop), without touching their password. */
export async function endUserSessions(db: Database, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    await getUser(tx, id);
    const count = await deleteUserSessions(tx, id);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'user.sessions_end',
      entity: 'user',
      entityId: id,
      detail: { count, reason: 'admin' },
    });
    return count;
  });
}
