-- Integrations (issue: tokens, screen-pop, webhooks).

-- API tokens for service accounts (the phone system, the ticketing system, monitoring).
-- Only a SHA-256 of the secret is kept (256 random bits, so a fast hash is enough); `hint` is
-- its last four characters, for telling tokens apart in the list.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT,
  revoked_by INTEGER REFERENCES users(id)
);

-- A contact the phone system opened: its own id for the call (idempotency), the IVR's reason,
-- and the token that opened it.
ALTER TABLE contacts ADD COLUMN external_id TEXT;
ALTER TABLE contacts ADD COLUMN opening_reason TEXT;
ALTER TABLE contacts ADD COLUMN opened_by_token INTEGER REFERENCES api_tokens(id);
CREATE UNIQUE INDEX contacts_external_id ON contacts (external_id) WHERE external_id IS NOT NULL;

-- What an agent's console is told, in order (server-sent events): kept in the database so a
-- reconnecting console replays what it missed (Last-Event-ID) and any app node can serve it.
CREATE TABLE contact_events (
  id INTEGER PRIMARY KEY,
  agent_id INTEGER NOT NULL REFERENCES users(id),
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  kind TEXT NOT NULL CHECK (kind IN ('contact.opened', 'contact.closed')),
  at TEXT NOT NULL
);
CREATE INDEX contact_events_agent ON contact_events (agent_id, id);
