import type { User } from '../contract/users';
import type { UserRow } from '../stores/users';

export const presentUser = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  department: { id: u.departmentId, slug: u.departmentSlug, name: u.departmentName },
});
