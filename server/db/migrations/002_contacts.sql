-- Contacts and everything agents record during them: outcomes, articles opened and tried,
-- searches, flags on articles, and "needs an article" requests from escalations.

-- Departments are copied onto the contact when it happens (the agent's, the solving article's):
-- people and articles move between departments, the numbers of the past must not.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  agent_id INTEGER NOT NULL REFERENCES users(id),
  agent_department_id INTEGER NOT NULL REFERENCES departments(id),
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'chat', 'email')),
  customer_ref TEXT,
  started_at TEXT NOT NULL,
  closed_at TEXT,
  outcome TEXT CHECK (outcome IN ('solved', 'escalated', 'follow_up')),
  article_id INTEGER REFERENCES articles(id),
  article_department_id INTEGER REFERENCES departments(id),
  escalated_to INTEGER REFERENCES departments(id),
  reason TEXT,
  note TEXT,
  CHECK ((closed_at IS NULL) = (outcome IS NULL)),
  CHECK (article_id IS NULL OR outcome = 'solved'),
  CHECK ((escalated_to IS NOT NULL) = (outcome IS NOT NULL AND outcome = 'escalated'))
);
CREATE INDEX contacts_agent ON contacts (agent_id, closed_at);
CREATE INDEX contacts_closed ON contacts (closed_at);
CREATE INDEX contacts_customer ON contacts (customer_ref, started_at) WHERE customer_ref IS NOT NULL;
CREATE INDEX contacts_article ON contacts (article_id, closed_at) WHERE article_id IS NOT NULL;

-- Articles opened and tried ("tried, didn't solve") during a contact, once each.
CREATE TABLE contact_articles (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL CHECK (kind IN ('opened', 'tried')),
  at TEXT NOT NULL,
  PRIMARY KEY (contact_id, kind, article_id)
);
CREATE INDEX contact_articles_article ON contact_articles (article_id, kind, at);

-- One row per search, or per as-you-type burst (updated while the agent types).
CREATE TABLE search_events (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  query TEXT NOT NULL,
  normalized_query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
  result_count INTEGER NOT NULL,
  shown_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(shown_ids)),
  opened_id INTEGER REFERENCES articles(id),
  took_ms REAL NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX search_events_created ON search_events (created_at);
CREATE INDEX search_events_contact ON search_events (contact_id);
CREATE INDEX search_events_user ON search_events (user_id, updated_at);

-- An agent's flag on an article; department is the article's owner when flagged (its queue).
-- 'failing' is raised by the system when a validated article keeps failing (user_id NULL).
CREATE TABLE flags (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  user_id INTEGER REFERENCES users(id),
  contact_id INTEGER REFERENCES contacts(id),
  reason TEXT NOT NULL
    CHECK (reason IN ('outdated', 'incorrect', 'unclear', 'missing_step', 'failing')),
  comment TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES users(id),
  resolution_note TEXT
);
CREATE INDEX flags_queue ON flags (department_id, status);
CREATE INDEX flags_article ON flags (article_id, status);

-- "Needs an article": an escalation asking the department it went to for the missing fix.
CREATE TABLE article_requests (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  queries TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(queries)),
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  article_id INTEGER REFERENCES articles(id),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES users(id),
  resolution_note TEXT
);
CREATE INDEX article_requests_queue ON article_requests (department_id, status);
