import type { Request } from 'express';
import type { UserRow } from '../stores/users';
import type { SessionDevice } from '../services/users/account';

declare module 'express-session' {
  interface SessionData {
    /** when the user signed in: sessions end after SESSION_MAX_HOURS whatever the activity */
    signedInAt?: number;
    /** where the session was opened, for the person's list of sessions */
    device?: SessionDevice;
    /** how: the company's sign-in brings its own second factor */
    signInMethod?: 'password' | 'sso';
    /** the provider's ID token, as the hint for signing out there too */
    idToken?: string;
  }
}

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/** The client's address as Express sees it (TRUST_PROXY decides whether a proxy is believed). */
export const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Signs `user` in on a fresh session id (passport regenerates it: no fixation). */
export async function beginSession(
  req: Request,
  user: UserRow,
  method: 'password' | 'sso',
  idToken?: string,
) {
  await promisify((cb) => req.logIn(user, cb));
  req.session.signedInAt = Date.now();
  req.session.signInMethod = method;
  if (idToken) req.session.idToken = idToken;
  req.session.device = {
    address: clientAddress(req),
    userAgent: req.get('user-agent')?.slice(0, 200) ?? null,
  };
}

export { promisify };
