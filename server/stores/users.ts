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

const SELECT = `SELECT u.id, u.email, u.name, u.role, u.department_id AS departmentId,
  d.slug AS departmentSlug, d.name AS departmentName, u.active
  FROM users u JOIN departments d ON d.id = u.department_id`;

export const findUserById = (db: Queryable, id: number) =>
  db.get<UserRow>(`${SELECT} WHERE u.id = ?`, [id]);

export const findUserByEmail = (db: Queryable, email: string) =>
  db.get<UserRow>(`${SELECT} WHERE u.email = ?`, [email]);

export const countUsers = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;

/** The hash only leaves this store for password verification. */
export const findPasswordHash = async (db: Queryable, email: string) =>
  (await db.get<{ id: number; hash: string }>(
    'SELECT id, password_hash AS hash FROM users WHERE email = ? AND active = 1',
    [email],
  )) ?? null;

export async function insertUser(
  db: Queryable,
  u: { email: string; name: string; role: Role; departmentId: number; passwordHash: string },
): Promise<number> {
  const { lastID } = await db.run(
    'INSERT INTO users (email, name, role, department_id, password_hash) VALUES (?, ?, ?, ?, ?)',
    [u.email, u.name, u.role, u.departmentId, u.passwordHash],
  );
  return lastID;
}
