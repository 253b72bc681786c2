import type { Request, RequestHandler } from 'express';
import { AppError, forbidden, unauthenticated } from '../errors';
import type { TokenScope } from '../contract/enums';
import type { Actor, Role } from '../domain/roles';
import { roleOfScope } from '../domain/tokens';
import type { UserRow } from '../stores/users';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport puts the deserialized user here
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends UserRow {}
    interface Request {
      /** the scope a token request was admitted with (see `tokenScope`) */
      tokenScope?: TokenScope;
    }
  }
}

/** Token requests reach only routes that name a scope for them. */
const tokenRefused = (req: Request) =>
  req.tokenScope ? undefined : forbidden('API tokens cannot use this route.');

/** Any signed-in user (or a token admitted by `tokenScope`). */
export const requireUser: RequestHandler = (req, _res, next) => {
  if (req.apiToken) return next(tokenRefused(req));
  next(req.user ? undefined : unauthenticated());
};

/** A signed-in user with one of `roles`. Routes show their protection in one line. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (req.apiToken) return next(tokenRefused(req));
    if (!req.user) return next(unauthenticated());
    next(roles.includes(req.user.role) ? undefined : forbidden());
  };
}

/**
 * Opens the route to API tokens holding `scope` (placed before the role check, which still
 * applies to people). A token without the scope is refused here.
 */
export function tokenScope(scope: TokenScope): RequestHandler {
  return (req, _res, next) => {
    if (!req.apiToken) return next();
    if (!req.apiToken.scopes.includes(scope))
      return next(new AppError(403, 'token_scope_missing', `This token lacks the ${scope} scope.`));
    req.tokenScope = scope;
    next();
  };
}

/**
 * Routes open to everyone say so explicitly. They are the browser's (signing in, the CSRF
 * token): a token request has no session for them to work on.
 */
export const publicRoute: RequestHandler = (req, _res, next) =>
  next(req.apiToken ? tokenRefused(req) : undefined);

export function actorOf(req: Request): Actor {
  if (req.apiToken && req.tokenScope) {
    const { id, name } = req.apiToken;
    return { id: null, role: roleOfScope(req.tokenScope), departmentId: null, token: { id, name } };
  }
  const u = req.user;
  if (!u) throw unauthenticated();
  return { id: u.id, role: u.role, departmentId: u.departmentId };
}
