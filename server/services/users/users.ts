import { z } from 'zod';
import type { Database } from '../../db/connection';
import { validationFailed, conflict } from '../../errors';
import { findDepartmentBySlug } from '../../stores/departments';
import {
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
} from '../../stores/users';
import { decoyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords';
import { ROLES } from '../../domain/roles';

export const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
    name: z.string().trim().min(1, 'Name is required.').max(100),
    role: z.enum(ROLES, { message: `Role is one of ${ROLES.join(', ')}.` }),
    department: z.string().trim().min(1, 'Department is required.'),
    password: z
      .string()
      .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
      .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
  })
  .strict();

export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(db: Database, input: NewUser): Promise<UserRow> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationFailed(issue.message, issue.path.join('.'));
  }
  const u = parsed.data;
  const department = await findDepartmentBySlug(db, u.department);
  if (!department) throw validationFailed(`Unknown department "${u.department}".`, 'department');
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
