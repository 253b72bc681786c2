import { z } from 'zod';
import { ROLES } from './enums';
import { departmentRef, id } from './refs';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** A new account (`firstcall user add`). */
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

export const userResponse = z.strictObject({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department: departmentRef,
});

export type NewUser = z.input<typeof newUserSchema>;
export type User = z.infer<typeof userResponse>;

/** `/api/users/:id` */
export const userIdParam = z.object({ id: z.coerce.number().int().positive() });
