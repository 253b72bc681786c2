import type { SessionInfo, User, UserDetail } from '../contract/users';
import type { UserDetailRow, UserRow } from '../stores/users';

export const presentUser = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  department: { id: u.departmentId, slug: u.departmentSlug, name: u.departmentName },
});

export const presentUserDetail = (u: UserDetailRow): UserDetail => ({
  ...presentUser(u),
  active: Boolean(u.active),
  createdAt: u.createdAt,
  lastSignInAt: u.lastSignInAt,
  password: Boolean(u.hasPassword),
  sso: Boolean(u.sso),
  mfaEnrolled: Boolean(u.mfaEnrolled),
});

export type { SessionInfo };
