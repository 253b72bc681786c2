import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins this app is opened at: PUBLIC_URL when set, and the host the request names. */
function ownOrigins(req: Request, publicUrl: string | null): string[] {
  const own = [`${req.protocol}://${req.host}`];
  if (publicUrl) own.push(new URL(publicUrl).origin);
  return own;
}

/**
 * Defence in depth behind the CSRF token: a state-changing request that a browser says came
 * from another site is refused, token or not. Browsers send Origin on every cross-site write;
 * servers calling with a bearer token send none, and a request without one passes to CSRF and
 * the token checks.
 */
export function sameOriginWrites(publicUrl: string | null): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const crossSite =
      (origin !== undefined && !ownOrigins(req, publicUrl).includes(origin)) ||
      site === 'cross-site';
    next(
      crossSite
        ? new AppError(
            403,
            'origin_refused',
            'This request came from another site: Firstcall only accepts changes made from its own pages.',
          )
        : undefined,
    );
  };
}
