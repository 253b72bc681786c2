import type { OidcConfig } from '../../config';
import type { Database, Queryable } from '../../db/connection';
import type { Role } from '../../domain/roles';
import { insertAudit } from '../../stores/audit';
import { findDepartmentBySlug, listDepartments } from '../../stores/departments';
import {
  findUserByEmail,
  findUserById,
  findUserByOidc,
  insertUser,
  updateUser,
  type UserChanges,
  type UserRow,
} from '../../stores/users';

/** Who the provider says signed in, from the checked ID token (and UserInfo for groups). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
  department: string | null;
  idToken: string;
}

/** Why the company sign-in let someone in at the provider but not here. */
export type SsoRefusal = 'no_access' | 'disabled' | 'email_in_use' | 'no_email';

export type SsoOutcome = { user: UserRow } | { refused: SsoRefusal };

/** With several mapped groups, the broadest role wins. */
const RANK: Record<Role, number> = { agent: 0, engineer: 1, manager: 2, admin: 3 };

export function roleFromGroups(
  groups: readonly string[],
  map: ReadonlyMap<string, Role>,
): Role | null {
  let best: Role | null = null;
  for (const g of groups) {
    const role = map.get(g);
    if (role && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/**
 * The company's provider vouched for `who`. Accounts are keyed by issuer + subject, never by
 * email alone. The first sign-in creates the account when a group maps to a role; every later
 * one re-syncs role, name and (with a department claim) department. A locally disabled account
 * stays out, whatever the provider says.
 */
export async function signInWithSso(
  db: Database,
  settings: OidcConfig,
  who: OidcIdentity,
): Promise<SsoOutcome> {
  const role = roleFromGroups(who.groups, settings.roleMap);
  return db.transaction(async (tx) => {
    const existing = await findUserByOidc(tx, who.issuer, who.subject);
    if (existing) {
      if (!existing.active) return { refused: 'disabled' };
      if (!role) return { refused: 'no_access' };
      await resync(tx, existing, role, who);
      return { user: (await findUserById(tx, existing.id))! };
    }
    if (!role) return { refused: 'no_access' };
    if (!who.email) return { refused: 'no_email' };
    // a local account with this email is a different identity until an admin says otherwise
    if (await findUserByEmail(tx, who.email)) return { refused: 'email_in_use' };
    const department = await departmentFor(tx, settings, who.department);
    const id = await insertUser(tx, {
      email: who.email,
      name: who.name ?? who.email,
      role,
      departmentId: department.id,
      passwordHash: '',
      oidc: { issuer: who.issuer, subject: who.subject },
    });
    await insertAudit(tx, {
      actorId: null,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      detail: { email: who.email, role, department: department.slug, via: 'sso' },
    });
    return { user: (await findUserById(tx, id))! };
  });
}

/** The claim's department when it names one that takes people, else the configured default. */
async function departmentFor(tx: Queryable, settings: OidcConfig, claimed: string | null) {
  for (const slug of [claimed, settings.defaultDepartment]) {
    if (!slug) continue;
    const d = await findDepartmentBySlug(tx, slug.toLowerCase());
    if (d && d.archivedAt === null) return d;
  }
  // nobody said: the first frontline department; an admin moves them later
  const all = (await listDepartments(tx)).filter((d) => d.archivedAt === null);
  return all.find((d) => d.kind === 'frontline') ?? all[0]!;
}

async function resync(tx: Queryable, user: UserRow, role: Role, who: OidcIdentity) {
  const changes: UserChanges = {};
  const detail: Record<string, { from: unknown; to: unknown }> = {};
  if (role !== user.role) {
    changes.role = role;
    detail.role = { from: user.role, to: role };
  }
  if (who.name && who.name !== user.name) {
    changes.name = who.name;
    detail.name = { from: user.name, to: who.name };
  }
  if (who.department && who.department.toLowerCase() !== user.departmentSlug) {
    const d = await findDepartmentBySlug(tx, who.department.toLowerCase());
    if (d && d.archivedAt === null) {
      changes.departmentId = d.id;
      detail.department = { from: user.departmentSlug, to: d.slug };
    }
  }
  if (!Object.keys(detail).length) return;
  await updateUser(tx, user.id, changes);
  await insertAudit(tx, {
    actorId: null,
    action: 'user.update',
    entity: 'user',
    entityId: user.id,
    detail: { changes: detail, via: 'sso' },
  });
}
