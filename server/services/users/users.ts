import { newUserSchema, type NewUser } from '../../contract/users';
import type { Database } from '../../db/connection';
import { validationFailed, conflict } from '../../errors';
import { findDepartmentBySlug } from '../../stores/departments';
import { insertAudit } from '../../stores/audit';
import { assertTakesNew } from '../departments/departments';
import {
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
} from '../../stores/users';
import { checkPasswordPolicy } from './passwordPolicy';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

/** The longest password a sign-in verifies (older accounts may predate the 128 limit). */
const VERIFY_MAX = 1024;

/** An account with a password at once: `firstcall user add` (the first admin) and the demo users. */
export async function createUser(
  db: Database,
  input: NewUser,
  via: 'cli' | 'demo' = 'cli',
): Promise<UserRow> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationFailed(issue.message, issue.path.join('.'));
  }
  const u = parsed.data;
  checkPasswordPolicy(u.password, u);
  const department = await findDepartmentBySlug(db, u.department);
  if (!department) throw validationFailed(`Unknown department "${u.department}".`, 'department');
  assertTakesNew(department);
  if (await findUserByEmail(db, u.email))
    throw conflict('email_taken', 'A user with that email already exists.', 'email');
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      email: u.email,
      name: u.name,
      role: u.role,
      departmentId: department.id,
      passwordHash,
    });
    // the demo users are part of the demo data, not an administrator's act
    if (via === 'cli')
      await insertAudit(tx, {
        actorId: null,
        action: 'user.create',
        entity: 'user',
        entityId: id,
        detail: { email: u.email, role: u.role, department: u.department, via },
      });
    return (await findUserById(tx, id))!;
  });
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
    normalized && password.length <= VERIFY_MAX ? await findPasswordHash(db, normalized) : null;
  const ok = await verifyPassword(password.slice(0, VERIFY_MAX), row?.hash ?? (await decoyHash()));
  if (!row || !ok) return null;
  const user = await findUserById(db, row.id);
  return user && user.active ? user : null;
}
