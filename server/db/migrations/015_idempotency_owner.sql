-- An Idempotency-Key belongs to a person or to an API token (the phone system retrying a
-- POST /api/contacts): `owner` is 'user:<id>' or 'token:<id>'. Keys live 24 hours, so the
-- rows are carried over as they are.
CREATE TABLE idempotency_keys_by_owner (
  owner TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER,
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (owner, key)
) WITHOUT ROWID;
INSERT INTO idempotency_keys_by_owner (owner, key, fingerprint, status, body, created_at)
  SELECT 'user:' || user_id, key, fingerprint, status, body, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_owner RENAME TO idempotency_keys;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
