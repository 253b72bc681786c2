import { newUserSchema, PASSWORD_MAX, type NewUser } from '../../contract/users';
import type { Database } from '../../db/connection';
import { validationFailed, conflict } from '../../errors';
import { findDepartmentBySlug } from '../../stores/departments';
import { assertTakesNew } from '../departments/departments';
import {
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
} from '../../stores/users';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

export async function createUser(db: Database, input: NewUser): Promise<UserRow> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationFailed(issue.message, issue.path.join('.'));
  }
  const u = parsed.data;
  const department = await findDepartmentBySlug(db, u.department);
  if (!department) throw validationFailed(`Unknown department "${u.department}".`, 'department');
  assertTakesNew(department);
  if (await findUserByEmail(db, u.email))
    throw conflict('email_taken', 'A user with that email already exists.', 'email');
  const id = await insertUser(db, {
    email: u.email,
    name: u.name,
    role: u.role,
    departmentId: department.id,
    passwordHash: await hashPassword(u.password),
  });
  return (await findUserById(db, id))!;
}

/**
 * Returns the user for a correct email + password, otherwise null. Unknown email and wrong
 * password take the same path and the same time, so neither answer reveals which it was.
 */
export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<UserRow | null> {
  const normalized = email.trim().toLowerCase();
  const row =
    normalized && password.length <= PASSWORD_MAX ? await findPasswordHash(db, normalized) : null;
  const ok = await verifyPassword(
    password.slice(0, PASSWORD_MAX),
    row?.hash ?? (await decoyHash()),
  );
  if (!row || !ok) return null;
  const user = await findUserById(db, row.id);
  return user && user.active ? user : null;
}
