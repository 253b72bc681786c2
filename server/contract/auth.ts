import { z } from 'zod';
import { userResponse } from './users';

/** POST /api/auth/login: only length limits, so a wrong email and a wrong password look alike. */
export const loginSchema = z
  .object({
    email: z.string().max(254, 'Email is too long.'),
    password: z.string().max(1024, 'Password is too long.'),
  })
  .strict();

/** Only a path of ours: never an open redirect to another site. */
const localPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])/)
  .catch('/');
/** GET /api/auth/oidc/start?next=: where to land after the company sign-in. */
export const oidcStartQuery = z.object({ next: localPath.optional() });

export const csrfResponse = z.strictObject({ token: z.string() });
/**
 * Signed in. `mfaEnrolmentRequired`: an admin or manager without a second factor while MFA
 * is required; every other request answers 403 mfa_enrolment_required until they enrol.
 */
const signedIn = {
  user: userResponse,
  mfaEnrolmentRequired: z.boolean(),
  /** how this session signed in: the company's sign-in has no password or TOTP here */
  signInMethod: z.enum(['password', 'sso']),
};
/** login and logout regenerate the session: its old CSRF token is dead, here is the new one */
export const loginResponse = z.union([
  z.strictObject({ ...signedIn, csrfToken: z.string() }),
  /** the password was right; POST /api/auth/mfa/verify with a code finishes the sign-in */
  z.strictObject({ mfaRequired: z.literal(true), csrfToken: z.string() }),
]);
/** `endSessionUrl`: signed in through the company's provider; open it to sign out there too. */
export const logoutResponse = z.strictObject({
  csrfToken: z.string(),
  endSessionUrl: z.string().optional(),
});
/** GET /api/auth/providers: how the sign-in page offers to sign in. */
export const providersResponse = z.strictObject({
  password: z.boolean(),
  sso: z.strictObject({ name: z.string(), startUrl: z.string() }).nullable(),
});
export const meResponse = z.strictObject(signedIn);

/** A 6-digit code from the authenticator app, or a recovery code (XXXXX-XXXXX). */
export const mfaCodeSchema = z.strictObject({ code: z.string().trim().min(6).max(32) });
export const mfaStatusResponse = z.strictObject({
  enrolled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export const mfaEnrolmentResponse = z.strictObject({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const mfaRecoveryCodesResponse = z.strictObject({ recoveryCodes: z.array(z.string()) });

export type LoginResponse = z.infer<typeof loginResponse>;
export type Providers = z.infer<typeof providersResponse>;
export type Me = z.infer<typeof meResponse>;
export type MfaStatusData = z.infer<typeof mfaStatusResponse>;
export type MfaEnrolment = z.infer<typeof mfaEnrolmentResponse>;
