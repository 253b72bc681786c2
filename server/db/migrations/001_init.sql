-- Firstcall schema, version 1. Times are ISO-8601 UTC strings; lists are JSON arrays.

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('frontline', 'engineering')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('agent', 'engineer', 'manager', 'admin')),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Markdown sources are kept next to the sanitized HTML rendered from them at write time.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  issue TEXT NOT NULL,
  issue_html TEXT NOT NULL,
  environment TEXT NOT NULL DEFAULT '',
  environment_html TEXT NOT NULL DEFAULT '',
  resolution TEXT NOT NULL DEFAULT '',
  resolution_html TEXT NOT NULL DEFAULT '',
  cause TEXT NOT NULL DEFAULT '',
  cause_html TEXT NOT NULL DEFAULT '',
  error_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(error_codes)),
  products TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(products)),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  owner_id INTEGER REFERENCES users(id),
  audience TEXT NOT NULL DEFAULT 'agents' CHECK (audience IN ('agents', 'internal')),
  confidence TEXT NOT NULL DEFAULT 'wip'
    CHECK (confidence IN ('wip', 'not_validated', 'validated', 'archived')),
  verify_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  updated_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_department ON articles (department_id, confidence);
CREATE INDEX articles_confidence ON articles (confidence);

-- One row per saved version (version 1 is the creation), a full snapshot of the sources.
CREATE TABLE article_versions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  issue TEXT NOT NULL,
  environment TEXT NOT NULL,
  resolution TEXT NOT NULL,
  cause TEXT NOT NULL,
  error_codes TEXT NOT NULL,
  products TEXT NOT NULL,
  tags TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  owner_id INTEGER REFERENCES users(id),
  audience TEXT NOT NULL,
  confidence TEXT NOT NULL,
  verify_by TEXT,
  author_id INTEGER REFERENCES users(id),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (article_id, version)
);

CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  sess TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
