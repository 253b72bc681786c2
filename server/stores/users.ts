import type { Queryable } from '../db/connection';
import type { Role } from '../contract/enums';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number;
  departmentSlug: string;
  departmentName: string;
  active: number;
}

/** What the admin's list shows besides: how the person signs in, and when they last did. */
export interface UserDetailRow extends UserRow {
  createdAt: string;
  lastSignInAt: string | null;
  hasPassword: number;
  sso: number;
  mfaEnrolled: number;
}

const SELECT = `SELECT u.id, u.email, u.name, u.role, u.department_id AS departmentId,
  d.slug AS departmentSlug, d.name AS departmentName, u.active
  FROM users u JOIN departments d ON d.id = u.department_id`;

const SELECT_DETAIL = `SELECT u.id, u.email, u.name, u.role, u.department_id AS departmentId,
  d.slug AS departmentSlug, d.name AS departmentName, u.active, u.created_at AS createdAt,
  u.last_sign_in_at AS lastSignInAt, (u.password_hash <> '') AS hasPassword,
  (u.oidc_subject IS NOT NULL) AS sso,
  EXISTS (SELECT 1 FROM user_mfa m WHERE m.user_id = u.id AND m.confirmed_at IS NOT NULL)
    AS mfaEnrolled
  FROM users u JOIN departments d ON d.id = u.department_id`;

export const findUserById = (db: Queryable, id: number) =>
  db.get<UserRow>(`${SELECT} WHERE u.id = ?`, [id]);

export const findUserDetail = (db: Queryable, id: number) =>
  db.get<UserDetailRow>(`${SELECT_DETAIL} WHERE u.id = ?`, [id]);

export const findUserByEmail = (db: Queryable, email: string) =>
  db.get<UserRow>(`${SELECT} WHERE u.email = ?`, [email]);

export const findUserByOidc = (db: Queryable, issuer: string, subject: string) =>
  db.get<UserRow>(`${SELECT} WHERE u.oidc_issuer = ? AND u.oidc_subject = ?`, [issuer, subject]);

export const countUsers = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;

export interface UserFilters {
  q?: string | undefined;
  role?: Role | undefined;
  department?: string | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

/** The admin's list: name or email containing `q`, by name. */
export async function listUsers(db: Queryable, f: UserFilters) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.q) {
    where.push(`(u.name LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\')`);
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  if (f.role) {
    where.push('u.role = ?');
    params.push(f.role);
  }
  if (f.department) {
    where.push('d.slug = ?');
    params.push(f.department);
  }
  if (f.active !== undefined) {
    where.push('u.active = ?');
    params.push(f.active ? 1 : 0);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await db.all<UserDetailRow>(
    `${SELECT_DETAIL} ${clause} ORDER BY u.name COLLATE NOCASE, u.id LIMIT ? OFFSET ?`,
    [...params, f.limit, f.offset],
  );
  const { n } = (await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM users u JOIN departments d ON d.id = u.department_id ${clause}`,
    params,
  ))!;
  return { rows, total: n };
}

/** Active admins other than `exceptId`: the last one may not be disabled or demoted. */
export const countOtherActiveAdmins = async (db: Queryable, exceptId: number) =>
  (await db.get<{ n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> ?",
    [exceptId],
  ))!.n;

/** The hash only leaves this store for password verification. */
/** By the subject at the company sign-in alone (the phone system knows no issuer); unique in practice. */
export const findUserBySubject = (db: Queryable, subject: string) =>
  db.get<UserRow>(`${SELECT} WHERE u.oidc_subject = ? ORDER BY u.id LIMIT 1`, [subject]);

export const findPasswordHash = async (db: Queryable, email: string) =>
  (await db.get<{ id: number; hash: string }>(
    'SELECT id, password_hash AS hash FROM users WHERE email = ? AND active = 1',
    [email],
  )) ?? null;

export const findPasswordHashById = async (db: Queryable, id: number) =>
  (await db.get<{ hash: string }>('SELECT password_hash AS hash FROM users WHERE id = ?', [id]))
    ?.hash ?? '';

export async function insertUser(
  db: Queryable,
  u: {
    email: string;
    name: string;
    role: Role;
    departmentId: number;
    passwordHash: string;
    oidc?: { issuer: string; subject: string };
  },
): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO users (email, name, role, department_id, password_hash, oidc_issuer, oidc_subject)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      u.email,
      u.name,
      u.role,
      u.departmentId,
      u.passwordHash,
      u.oidc?.issuer ?? null,
      u.oidc?.subject ?? null,
    ],
  );
  return lastID;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  departmentId?: number;
  active?: boolean;
}

export async function updateUser(db: Queryable, id: number, c: UserChanges) {
  const sets: string[] = [];
  const params: (string | number)[] = [];
  if (c.name !== undefined) {
    sets.push('name = ?');
    params.push(c.name);
  }
  if (c.role !== undefined) {
    sets.push('role = ?');
    params.push(c.role);
  }
  if (c.departmentId !== undefined) {
    sets.push('department_id = ?');
    params.push(c.departmentId);
  }
  if (c.active !== undefined) {
    sets.push('active = ?');
    params.push(c.active ? 1 : 0);
  }
  if (!sets.length) return;
  await db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

export const setPasswordHash = (db: Queryable, id: number, hash: string) =>
  db.run('UPDATE users SET password_hash = ? WHERE id = ?', [hash, id]);

export const linkOidc = (db: Queryable, id: number, issuer: string, subject: string) =>
  db.run('UPDATE users SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?', [issuer, subject, id]);

export const markSignedIn = (db: Queryable, id: number, at: string) =>
  db.run('UPDATE users SET last_sign_in_at = ? WHERE id = ?', [at, id]);
