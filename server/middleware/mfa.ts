import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { hasMfa, MFA_ROLES } from '../services/users/mfa';

/** Admins and managers need our TOTP when they signed in with a password and MFA is required. */
export const mfaRequiredHere = (config: Config, req: Request) =>
  config.mfaRequired && req.session?.signInMethod !== 'sso';

/**
 * While MFA is required (for password sign-ins: the company's provider brings its own), an admin or manager without a second factor may only enrol (and sign
 * out): every other API request answers 403 mfa_enrolment_required, which the client turns
 * into the enrolment page. Checked on every request, so an admin's MFA reset applies at once.
 */
export function requireMfaEnrolment(config: Config, db: Database): RequestHandler {
  return (req, _res, next) => {
    const u = req.user;
    if (
      !mfaRequiredHere(config, req) ||
      !u ||
      !MFA_ROLES.includes(u.role) ||
      req.path.startsWith('/auth/')
    )
      return next();
    hasMfa(db, u.id).then(
      (enrolled) =>
        next(
          enrolled
            ? undefined
            : new AppError(
                403,
                'mfa_enrolment_required',
                'Set up two-step sign-in (Account) before you continue.',
              ),
        ),
      next,
    );
  };
}
