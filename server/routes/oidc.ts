import { Router, type Request, type Response } from 'express';
import { oidcStartQuery as startQuery } from '../contract/auth';
import type { OidcClient } from '../auth/oidc';
import { beginSession, clientAddress } from '../auth/signInSession';
import type { Database } from '../db/connection';
import type { Logger } from '../logger';
import { publicRoute } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { recordFailedSignIn, recordSignIn } from '../services/users/signIns';
import { signInWithSso } from '../services/users/sso';
import type { OidcPending } from '../auth/oidc';

declare module 'express-session' {
  interface SessionData {
    /** on the way to the company's provider: what its answer must match */
    oidcPending?: OidcPending;
  }
}

/** A round trip to the provider has this long (typing a password and a second factor there). */
const PENDING_MS = 10 * 60_000;

/**
 * Company sign-in (OpenID Connect, authorization code + PKCE). Both steps are browser
 * navigations, so both answer with redirects: to the provider, then into the product or to
 * the no-access page saying why.
 */
export function oidcRouter(db: Database, sso: OidcClient, logger: Logger): Router {
  const router = Router();

  const refuse = (res: Response, reason: string) =>
    res.redirect(303, `/no-access?reason=${encodeURIComponent(reason)}`);

  router.get('/start', publicRoute, async (req, res) => {
    const { next } = parse(startQuery, req.query);
    try {
      const { url, pending } = await sso.start(next ?? '/');
      req.session.oidcPending = pending;
      res.redirect(303, url);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'company sign-in: provider unreachable');
      refuse(res, 'unavailable');
    }
  });

  router.get('/callback', publicRoute, async (req, res) => {
    const pending = req.session.oidcPending;
    delete req.session.oidcPending;
    if (!pending || Date.now() - pending.at > PENDING_MS) return failed(req, res, 'no_pending');
    if (typeof req.query.error === 'string') return failed(req, res, `provider:${req.query.error}`);
    let identity;
    try {
      identity = await sso.finish(callbackUrl(req, sso.settings.redirectUri), pending);
    } catch (err) {
      // wrong state, a spent or foreign code, a bad ID token (audience, expiry, nonce, signature)
      return failed(req, res, errorCode(err));
    }
    const outcome = await signInWithSso(db, sso.settings, identity);
    if ('refused' in outcome) {
      await recordFailedSignIn(db, 'sso', null, clientAddress(req), outcome.refused);
      return refuse(res, outcome.refused);
    }
    await beginSession(req, outcome.user, 'sso', identity.idToken);
    await recordSignIn(db, outcome.user.id, 'sso', clientAddress(req));
    res.redirect(303, pending.next);
  });

  async function failed(req: Request, res: Response, reason: string) {
    await recordFailedSignIn(db, 'sso', null, clientAddress(req), reason);
    refuse(res, 'failed');
  }

  return router;
}

/** The address the provider sent the browser back to, on the registered redirect URI. */
function callbackUrl(req: Request, redirectUri: string): URL {
  const url = new URL(redirectUri);
  url.search = new URL(req.originalUrl, 'http://localhost').search;
  return url;
}

/** A short, stable reason for the audit log (never a token or a code). */
function errorCode(err: unknown): string {
  type Failure = { code?: unknown; error?: unknown; claim?: unknown; cause?: unknown };
  const e = err as Failure;
  // the claim that failed (aud, nonce, exp…) sits in the error's cause chain
  let claim: unknown;
  for (let c = e.cause as Failure | undefined; c && !claim; c = c.cause as Failure | undefined)
    claim = c.claim;
  return (
    [e.code, e.error, claim].filter((v) => typeof v === 'string').join(':') || 'exchange_failed'
  );
}
