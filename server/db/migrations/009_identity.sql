-- People administered in the product (issue: identity and administration).

-- A session row names its user, so an admin can end every session of a person at once and a
-- person can list theirs. last_seen_at is pushed with the expiry (at most once a minute).
ALTER TABLE sessions ADD COLUMN user_id INTEGER;
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
CREATE INDEX sessions_user ON sessions (user_id);

-- Company sign-in: an account is keyed by issuer + subject, never by email alone.
-- A person invited but not yet set up has an empty password_hash, which matches nothing.
ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- One-time links to set a password: an invitation or a reset. Only a SHA-256 of the token is
-- kept (it is 256 random bits, so a fast hash is enough); a new link replaces the old one.
CREATE TABLE password_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_tokens_user ON password_tokens (user_id);

-- Failed password sign-ins, for throttling: in the database, so a restart forgets nothing and
-- every process sees the same counts. `account` is a SHA-256 of the email as typed: a password
-- typed into the email field by mistake is never stored.
CREATE TABLE login_failures (
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_pair ON login_failures (account, address, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
