import { z } from 'zod';
import { ROLES } from './enums';
import { departmentRef, id, paging, timestamp } from './refs';

/** Password rules (ASVS 5, V6.2): length only, no composition rules; see services/users/passwordPolicy. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** How long an invitation or reset link works. */
export const PASSWORD_LINK_HOURS = 72;

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));
const name = z
  .string()
  .trim()
  .min(1, 'Name is required.')
  .max(100, 'Name is at most 100 characters.');
const role = z.enum(ROLES, { message: `Role is one of ${ROLES.join(', ')}.` });
const department = z.string().trim().min(1, 'Department is required.');
/** Length is the policy's to judge (400 password_weak, with the reason); this only bounds input. */
const password = z.string().max(1024, 'Password is too long.');

/** A new account with a password (`firstcall user add`, the demo users). */
export const newUserSchema = z.strictObject({ email, name, role, department, password });

/** POST /api/users: the person sets their own password through the invitation link. */
export const inviteUserSchema = z.strictObject({ email, name, role, department });

/** PATCH /api/users/:id */
export const userUpdateSchema = z
  .strictObject({
    name: name.optional(),
    role: role.optional(),
    department: department.optional(),
    active: z.boolean({ message: 'active is true or false.' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change.' });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** GET /api/users */
export const userListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  department: z.string().trim().max(64).optional(),
  active: flag.optional(),
  ...paging(200, 50),
});

export const userResponse = z.strictObject({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department: departmentRef,
});

/** What an admin sees of a person. */
export const userDetailResponse = z.strictObject({
  ...userResponse.shape,
  active: z.boolean(),
  createdAt: timestamp,
  lastSignInAt: timestamp.nullable(),
  /** how they can sign in: a password they set, the company's sign-in, or neither yet */
  password: z.boolean(),
  sso: z.boolean(),
  mfaEnrolled: z.boolean(),
});

export const inviteResponse = z.strictObject({
  user: userDetailResponse,
  inviteUrl: z.string(),
  expiresAt: timestamp,
  emailed: z.boolean(),
});
export const resetResponse = z.strictObject({
  resetUrl: z.string(),
  expiresAt: timestamp,
  emailed: z.boolean(),
});

/** POST /api/auth/set-password (and GET ?token= to show whose link it is before typing). */
export const tokenQuery = z.strictObject({ token: z.string().min(1).max(200) });
export const setPasswordSchema = z.strictObject({ token: z.string().min(1).max(200), password });
export const passwordLinkInfo = z.strictObject({
  email: z.string(),
  name: z.string(),
  purpose: z.enum(['invite', 'reset']),
  expiresAt: timestamp,
});

/** POST /api/auth/password */
export const changePasswordSchema = z.strictObject({
  currentPassword: password,
  newPassword: password,
});

/** One of a person's signed-in sessions (never its id: that is the credential). */
export const sessionResponse = z.strictObject({
  /** an opaque handle, a hash of the session id */
  id: z.string(),
  current: z.boolean(),
  signedInAt: timestamp.nullable(),
  lastSeenAt: timestamp.nullable(),
  expiresAt: timestamp,
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export type NewUser = z.input<typeof newUserSchema>;
export type InviteUser = z.infer<typeof inviteUserSchema>;
export type UserUpdate = z.input<typeof userUpdateSchema>;
export type InviteResult = z.infer<typeof inviteResponse>;
export type ResetResult = z.infer<typeof resetResponse>;
export type UserListQuery = z.infer<typeof userListQuery>;
export type User = z.infer<typeof userResponse>;
export type UserDetail = z.infer<typeof userDetailResponse>;
export type SessionInfo = z.infer<typeof sessionResponse>;
export type PasswordLinkInfo = z.infer<typeof passwordLinkInfo>;

/** `/api/users/:id` */
export const userIdParam = z.object({ id: z.coerce.number().int().positive() });
