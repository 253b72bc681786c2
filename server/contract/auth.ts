import { z } from 'zod';
import { userResponse } from './users';

/** POST /api/auth/login: only length limits, so a wrong email and a wrong password look alike. */
export const loginSchema = z
  .object({
    email: z.string().max(254, 'Email is too long.'),
    password: z.string().max(1024, 'Password is too long.'),
  })
  .strict();

export const csrfResponse = z.strictObject({ token: z.string() });
/** login and logout regenerate the session: its old CSRF token is dead, here is the new one */
export const loginResponse = z.strictObject({ user: userResponse, csrfToken: z.string() });
export const logoutResponse = z.strictObject({ csrfToken: z.string() });
export const meResponse = z.strictObject({ user: userResponse });

export type LoginResponse = z.infer<typeof loginResponse>;
