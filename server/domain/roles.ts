import type { Role } from '../contract/enums';

export { ROLES, type Role } from '../contract/enums';

/** Whoever is acting. `id` is null for the system itself (CLI import, seeding). */
export interface Actor {
  id: number | null;
  role: Role;
  departmentId: number | null;
  /** set when an API token acts: audited as "token X for agent Y" */
  token?: { id: number; name: string };
}

export const SYSTEM: Actor = Object.freeze({ id: null, role: 'admin', departmentId: null });
