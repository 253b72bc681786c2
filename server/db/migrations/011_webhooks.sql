-- Webhooks: other systems hear what happened (issue: integrations).

-- An endpoint an admin registered. The secret signs every delivery, so it is kept as given
-- (an HMAC needs it); it is never shown again after registration.
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  deleted_at TEXT
);

-- The delivery queue and its history: written in the same transaction as what happened, so
-- a restart loses nothing; claimed with a lease (locked_until) so two app nodes never send the
-- same attempt; retried with backoff until `give_up_at`.
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id),
  event TEXT NOT NULL,
  event_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT,
  give_up_at TEXT NOT NULL,
  locked_until TEXT,
  last_attempt_at TEXT,
  response_status INTEGER,
  last_error TEXT,
  delivered_at TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id);
