import type { Request, RequestHandler } from 'express';
import { forbidden, unauthenticated } from '../errors';
import type { Actor, Role } from '../domain/roles';
import type { UserRow } from '../stores/users';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport puts the deserialized user here
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends UserRow {}
  }
}

/** Any signed-in user. */
export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : unauthenticated());
};

/** A signed-in user with one of `roles`. Routes show their protection in one line. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthenticated());
    next(roles.includes(req.user.role) ? undefined : forbidden());
  };
}

/** Routes open to everyone say so explicitly. */
export const publicRoute: RequestHandler = (_req, _res, next) => next();

export function actorOf(req: Request): Actor {
  const u = req.user;
  if (!u) throw unauthenticated();
  return { id: u.id, role: u.role, departmentId: u.departmentId };
}
