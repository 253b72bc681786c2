import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * Login throttling per account + address: after `loginMaxFailures` failures within the window,
 * further attempts get 429 with Retry-After, even with the right password. Keyed on the pair,
 * so an attacker guessing one account does not lock its owner out from their own address,
 * and other accounts are untouched. Successful logins do not count.
 * (In-memory: one process. A cluster would need a shared store.)
 */
export function loginLimiter(config: Config) {
  return rateLimit({
    windowMs: config.loginWindowMs,
    limit: config.loginMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { email?: unknown } | undefined;
      const email =
        typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
      return `${email}|${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: (_req, _res, next) => {
      const minutes = Math.ceil(config.loginWindowMs / 60_000);
      next(
        new AppError(
          429,
          'too_many_attempts',
          `Too many failed sign-in attempts. Try again within ${minutes} minutes.`,
        ),
      );
    },
  });
}
