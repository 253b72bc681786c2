-- Review, verification and accountability (issue: engineers publish fixes).

-- Who did what, when: every create, edit, confidence change, verification, archive, restore,
-- queue resolution and settings change. Never updated, never deleted.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- Admin settings (DESIGN §1): one JSON value per key; code holds the defaults.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);

-- Per-article verification interval (days); NULL = the global setting.
ALTER TABLE articles ADD COLUMN verify_interval_days INTEGER;
ALTER TABLE articles ADD COLUMN verified_at TEXT;
ALTER TABLE articles ADD COLUMN verified_by INTEGER REFERENCES users(id);

-- Why a version exists beyond the author's note: 'edit', 'confidence', 'restore',
-- 'verify', 'auto_promote', 'import'.
ALTER TABLE article_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit';
-- The version restored from, for 'restore'.
ALTER TABLE article_versions ADD COLUMN restored_from INTEGER;
