-- TOTP second factor for local accounts (issue: identity and administration).
-- A row without confirmed_at is an enrolment in progress: it protects nothing yet.
CREATE TABLE user_mfa (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  confirmed_at TEXT,
  -- the last 30-second step a code was accepted for: a code works once (no replay)
  last_time_step INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Ten single-use recovery codes per enrolment, stored as SHA-256 hashes (they are random).
CREATE TABLE mfa_recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX mfa_recovery_codes_user ON mfa_recovery_codes (user_id, code_hash);

-- Failed second-factor attempts, for throttling: in the database, so restarts and other
-- processes see them.
CREATE TABLE mfa_failures (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at TEXT NOT NULL
);
CREATE INDEX mfa_failures_user ON mfa_failures (user_id, at);
