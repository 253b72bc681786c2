import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Database } from '../db/connection';
import { verifyCredentials } from '../services/users/users';
import { findUserById, type UserRow } from '../stores/users';

const USER_CACHE_MS = 5_000;

/** A passport instance of our own (no global singleton, so tests can build many apps). */
export function createPassport(db: Database): InstanceType<typeof Passport> {
  const passport = new Passport();
  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password' },
      (email, password, done) => {
        verifyCredentials(db, email, password).then(
          (user) => done(null, user ?? false),
          (err) => done(err),
        );
      },
    ),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  // Every request needs its user. A few seconds of memory spare the database a query per
  // search; a deactivated or deleted user's sessions end within USER_CACHE_MS.
  const recent = new Map<number, { user: UserRow | undefined; at: number }>();
  passport.deserializeUser((id: number, done) => {
    const hit = recent.get(id);
    if (hit && Date.now() - hit.at < USER_CACHE_MS)
      return done(null, hit.user?.active ? hit.user : false);
    findUserById(db, id).then(
      (user) => {
        if (recent.size > 10_000) recent.clear();
        recent.set(id, { user, at: Date.now() });
        done(null, user?.active ? user : false);
      },
      (err) => done(err),
    );
  });
  return passport;
}
