import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors';
import {
  TOKEN_PATTERN,
  type AuthenticatedToken,
  type TokenAuthenticator,
} from '../services/tokens/tokens';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** set when the request carries a valid API token (and then no session is read) */
      apiToken?: AuthenticatedToken;
    }
  }
}

const invalidToken = () =>
  new AppError(
    401,
    'unauthenticated',
    'The API token is not valid: it is unknown, expired or revoked.',
    undefined,
    {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    },
  );

/**
 * A token anywhere but the Authorization header would end up in proxy logs, browser history
 * or a cookie jar: it is refused, not used.
 */
function misplacedToken(query: unknown, cookie: string | undefined): boolean {
  const inQuery = Object.values((query ?? {}) as Record<string, unknown>).some(
    (v) => typeof v === 'string' && TOKEN_PATTERN.test(v),
  );
  return inQuery || /(?:^|[;=\s])fc_[A-Za-z0-9_-]{43}(?:$|;)/.test(cookie ?? '');
}

/** `Authorization: Bearer fc_…`: the request acts with the token's scopes, without a session. */
export function bearerToken(tokens: TokenAuthenticator): RequestHandler {
  return (req, _res, next) => {
    if (misplacedToken(req.query, req.headers.cookie))
      return next(
        new AppError(
          400,
          'token_misplaced',
          'Send an API token in the Authorization header (Bearer), never in the address or a cookie.',
        ),
      );
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const [scheme, secret, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !secret || rest.length) return next(invalidToken());
    tokens.authenticate(secret).then((token) => {
      if (!token) return next(invalidToken());
      req.apiToken = token;
      next();
    }, next);
  };
}

/** Each token has its own budget per minute (per app node), so one runaway system cannot starve the rest. */
export function tokenRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => !req.apiToken,
    keyGenerator: (req) => `token:${req.apiToken!.id}`,
    handler: (_req, _res, next, options) =>
      next(
        new AppError(
          429,
          'too_many_requests',
          `This token made more than ${options.limit} requests in a minute: slow down and retry.`,
          undefined,
          { 'Retry-After': '60' },
        ),
      ),
  });
}
