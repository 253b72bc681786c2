import type { RequestHandler } from 'express';

/**
 * Ends a session SESSION_MAX_HOURS after sign-in, however active (the idle timeout is the
 * cookie's rolling maxAge). Runs before passport reads the session, so the request simply
 * continues signed out.
 */
export function absoluteSessionTimeout(maxMs: number): RequestHandler {
  return (req, _res, next) => {
    const signedInAt = req.session?.signedInAt;
    if (signedInAt === undefined || Date.now() - signedInAt <= maxMs) return next();
    req.session.regenerate(next);
  };
}
