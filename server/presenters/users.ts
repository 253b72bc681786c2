import type { UserRow } from '../stores/users';

export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  department: { id: u.departmentId, slug: u.departmentSlug, name: u.departmentName },
});
