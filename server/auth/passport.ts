import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Database } from '../db/connection';
import { verifyCredentials } from '../services/users/users';
import { findUserById } from '../stores/users';

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
  // Read on every request, with no cache: a disabled person is refused at their next request,
  // and a new role or department applies at once (an indexed primary-key read).
  passport.deserializeUser((id: number, done) => {
    findUserById(db.reads, id).then(
      (user) => done(null, user?.active ? user : false),
      (err) => done(err),
    );
  });
  return passport;
}
