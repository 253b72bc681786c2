import { Router, type Request } from 'express';
import type { createPassport } from '../auth/passport';
import type { Config } from '../config';
import { loginSchema, mfaCodeSchema } from '../contract/auth';
import { changePasswordSchema, setPasswordSchema, tokenQuery } from '../contract/users';
import type { Database } from '../db/connection';
import { AppError, badRequest, unauthenticated } from '../errors';
import { actorOf, publicRoute, requireUser } from '../middleware/auth';
import { csrf } from '../middleware/csrf';
import { parse } from '../middleware/validate';
import { presentUser } from '../presenters/users';
import {
  confirmEnrolment,
  hasMfa,
  mfaStatus,
  startEnrolment,
  verifySecondFactor,
} from '../services/users/mfa';
import { recordFailedSignIn, recordSignIn, recordSignOut } from '../services/users/signIns';
import {
  assertNotThrottled,
  clearLoginFailures,
  recordLoginFailure,
} from '../services/users/loginThrottle';
import { passwordLinkInfo, setPasswordFromLink } from '../services/users/passwordLinks';
import { changePassword, endOtherSessions, listSessions } from '../services/users/account';
import { beginSession, clientAddress, promisify } from '../auth/signInSession';
import { mfaRequiredHere } from '../middleware/mfa';
import type { OidcClient } from '../auth/oidc';
import { findUserById, type UserRow } from '../stores/users';

declare module 'express-session' {
  interface SessionData {
    /** the password was right, the second factor is still to come (not signed in yet) */
    mfaPending?: { userId: number; at: number };
  }
}

/** The password step of a two-step sign-in stays good this long. */
const MFA_PENDING_MS = 5 * 60_000;
const notPending = () =>
  badRequest('mfa_not_pending', 'Your sign-in timed out. Enter your email and password again.');

const loginFailed = () => new AppError(401, 'login_failed', 'Email or password is incorrect.');

export function authRouter(
  config: Config,
  db: Database,
  passport: ReturnType<typeof createPassport>,
  sso: OidcClient | null,
): Router {
  const router = Router();

  // how the sign-in page offers to sign in
  router.get('/providers', publicRoute, (_req, res) => {
    res.json({
      data: {
        password: config.localLogin,
        sso: sso && { name: sso.settings.displayName, startUrl: '/api/auth/oidc/start' },
      },
    });
  });

  /** Password sign-in can be turned off when the company sign-in is the way in. */
  function assertLocalLogin() {
    if (!config.localLogin)
      throw new AppError(
        403,
        'local_login_disabled',
        `Password sign-in is turned off: sign in with ${config.oidc?.displayName ?? 'your company account'}.`,
      );
  }

  /**
   * The password was right: asks for the second factor when the person has one, else signs
   * them in. Either way on a fresh session id (no fixation).
   */
  async function afterPassword(req: Request, user: UserRow) {
    if (await hasMfa(db, user.id)) {
      // not signed in yet: a new session that only remembers whose code to ask for
      await promisify((cb) => req.session.regenerate(cb));
      req.session.mfaPending = { userId: user.id, at: Date.now() };
      return { mfaRequired: true as const, csrfToken: freshToken(req) };
    }
    // passport regenerates the session here
    const data = await signIn(req, user);
    await recordSignIn(db, user.id, 'password', address(req));
    return data;
  }

  /** Signs `user` in on a fresh session id (no fixation) and answers as login does. */
  async function signIn(req: Request, user: UserRow) {
    await beginSession(req, user, 'password');
    const { required } = await mfaStatus(db, user.id, user.role, mfaRequiredHere(config, req));
    return {
      user: presentUser(user),
      mfaEnrolmentRequired: required,
      signInMethod: 'password' as const,
      csrfToken: freshToken(req),
    };
  }

  router.get('/csrf', publicRoute, (req, res) => {
    res.json({ data: { token: csrf.generateToken(req) } });
  });

  router.post('/login', publicRoute, async (req, res) => {
    assertLocalLogin();
    const { email } = parse(loginSchema, req.body);
    const attempt = { email, address: address(req) };
    await assertNotThrottled(db, config, attempt);
    const user = await new Promise<UserRow | false>((resolve, reject) => {
      passport.authenticate('local', { session: false }, (err: unknown, u: UserRow | false) =>
        err ? reject(err) : resolve(u),
      )(req, res, () => undefined);
    });
    if (!user) {
      await recordLoginFailure(db, config, attempt);
      await recordFailedSignIn(db, 'password', { email }, attempt.address);
      throw loginFailed();
    }
    await clearLoginFailures(db, attempt);
    res.json({ data: await afterPassword(req, user) });
  });

  // an invitation or reset link: whose it is (the page greets them), then the new password
  router.get('/set-password', publicRoute, async (req, res) => {
    assertLocalLogin();
    const { token } = parse(tokenQuery, req.query);
    res.json({ data: await passwordLinkInfo(db, token) });
  });

  router.post('/set-password', publicRoute, async (req, res) => {
    assertLocalLogin();
    const { token, password } = parse(setPasswordSchema, req.body);
    const user = await setPasswordFromLink(db, token, password);
    res.json({ data: await afterPassword(req, user) });
  });

  router.post('/password', requireUser, async (req, res) => {
    assertLocalLogin();
    const { currentPassword, newPassword } = parse(changePasswordSchema, req.body);
    await changePassword(db, req.user!, currentPassword, newPassword, req.sessionID);
    // this session goes on under a new id; every other one has ended
    const signedInAt = req.session.signedInAt;
    const data = await signIn(req, req.user!);
    req.session.signedInAt = signedInAt;
    res.json({ data });
  });

  router.get('/sessions', requireUser, async (req, res) => {
    res.json({ data: await listSessions(db, req.user!.id, req.sessionID) });
  });

  router.post('/sessions/end-others', requireUser, async (req, res) => {
    res.json({ data: { ended: await endOtherSessions(db, req.user!.id, req.sessionID) } });
  });

  router.post('/mfa/verify', publicRoute, async (req, res) => {
    const { code } = parse(mfaCodeSchema, req.body);
    const pending = req.session.mfaPending;
    if (!pending || Date.now() - pending.at > MFA_PENDING_MS) throw notPending();
    try {
      await verifySecondFactor(db, pending.userId, code);
    } catch (err) {
      // a wrong or spent code, or the throttle: a refused sign-in (not a database failure)
      if (err instanceof AppError)
        await recordFailedSignIn(db, 'code', { userId: pending.userId }, address(req));
      throw err;
    }
    const user = await findUserById(db, pending.userId);
    delete req.session.mfaPending;
    if (!user?.active) throw unauthenticated();
    const data = await signIn(req, user);
    await recordSignIn(db, user.id, 'password+mfa', address(req));
    res.json({ data });
  });

  router.get('/mfa', requireUser, async (req, res) => {
    const u = req.user!;
    res.json({ data: await mfaStatus(db, u.id, u.role, mfaRequiredHere(config, req)) });
  });

  router.post('/mfa/enrol', requireUser, async (req, res) => {
    res.json({ data: await startEnrolment(db, req.user!) });
  });

  router.post('/mfa/confirm', requireUser, async (req, res) => {
    const { code } = parse(mfaCodeSchema, req.body);
    res.json({ data: { recoveryCodes: await confirmEnrolment(db, actorOf(req), code) } });
  });

  router.post('/logout', publicRoute, async (req, res) => {
    const userId = req.user?.id;
    const idToken = req.session.idToken;
    await promisify((cb) => req.logout(cb));
    if (userId !== undefined) await recordSignOut(db, userId, address(req));
    // the old session row is deleted from the store; the browser gets an empty new one
    await promisify((cb) => req.session.regenerate(cb));
    // signed in through the company's provider: the client signs out there too
    const endSessionUrl =
      sso && idToken
        ? await sso.endSessionUrl(idToken, `${publicBase(config, req)}/login`).catch(() => null)
        : null;
    res.json({ data: { csrfToken: freshToken(req), ...(endSessionUrl && { endSessionUrl }) } });
  });

  router.get('/me', requireUser, async (req, res) => {
    const u = req.user!;
    const { required } = await mfaStatus(db, u.id, u.role, mfaRequiredHere(config, req));
    res.json({
      data: {
        user: presentUser(u),
        mfaEnrolmentRequired: required,
        signInMethod: req.session.signInMethod ?? 'password',
      },
    });
  });

  return router;
}

const address = clientAddress;

/** Where people open the product: PUBLIC_URL, else the address this request came to. */
export const publicBase = (config: Config, req: Request) =>
  config.publicUrl ?? `${req.protocol}://${req.get('host')}`;

function freshToken(req: Request): string {
  return csrf.generateToken(req, true);
}
