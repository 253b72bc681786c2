import { Router, type Request } from 'express';
import { loginLimiter } from '../auth/loginLimiter';
import type { createPassport } from '../auth/passport';
import type { Config } from '../config';
import { loginSchema } from '../contract/auth';
import { AppError } from '../errors';
import { publicRoute, requireUser } from '../middleware/auth';
import { csrf } from '../middleware/csrf';
import { parse } from '../middleware/validate';
import { presentUser } from '../presenters/users';
import type { UserRow } from '../stores/users';

declare module 'express-session' {
  interface SessionData {
    /** when the user signed in: sessions end after SESSION_MAX_HOURS whatever the activity */
    signedInAt?: number;
  }
}

const loginFailed = () => new AppError(401, 'login_failed', 'Email or password is incorrect.');

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

export function authRouter(config: Config, passport: ReturnType<typeof createPassport>): Router {
  const router = Router();

  router.get('/csrf', publicRoute, (req, res) => {
    res.json({ data: { token: csrf.generateToken(req) } });
  });

  router.post('/login', publicRoute, loginLimiter(config), async (req, res) => {
    parse(loginSchema, req.body);
    const user = await new Promise<UserRow | false>((resolve, reject) => {
      passport.authenticate('local', { session: false }, (err: unknown, u: UserRow | false) =>
        err ? reject(err) : resolve(u),
      )(req, res, () => undefined);
    });
    if (!user) throw loginFailed();
    // passport regenerates the session here: a fresh id at every sign-in (no fixation)
    await promisify((cb) => req.logIn(user, cb));
    req.session.signedInAt = Date.now();
    res.json({ data: { user: presentUser(user), csrfToken: freshToken(req) } });
  });

  router.post('/logout', publicRoute, async (req, res) => {
    await promisify((cb) => req.logout(cb));
    // the old session row is deleted from the store; the browser gets an empty new one
    await promisify((cb) => req.session.regenerate(cb));
    res.json({ data: { csrfToken: freshToken(req) } });
  });

  router.get('/me', requireUser, (req, res) => {
    res.json({ data: { user: presentUser(req.user!) } });
  });

  return router;
}

function freshToken(req: Request): string {
  return csrf.generateToken(req, true);
}
