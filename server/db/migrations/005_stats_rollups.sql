-- Daily roll-ups of the statistics (DESIGN §3), so a dashboard over a year of a million contacts
-- adds up a few thousand rows instead of reading every contact. Kept exact by triggers for
-- every write the application makes (contacts close once, after everything they touched is
-- recorded); bulk loaders that insert closed contacts directly rebuild them afterwards
-- (stores/statsRollups.ts). Each roll-up is defined once, as a view of what one closed contact
-- (or one search) contributes: triggers insert a single contact's share, a rebuild inserts
-- everyone's.

-- The department of an article when a contact opened or tried it: articles move, the past must
-- not (as the agent's and the solving article's departments on contacts). Set by trigger, so
-- every writer records it.
ALTER TABLE contact_articles ADD COLUMN article_department_id INTEGER REFERENCES departments(id);
UPDATE contact_articles SET article_department_id = (
  SELECT department_id FROM articles WHERE id = contact_articles.article_id);

CREATE TRIGGER contact_articles_department AFTER INSERT ON contact_articles
WHEN NEW.article_department_id IS NULL
BEGIN
  UPDATE contact_articles
  SET article_department_id = (SELECT department_id FROM articles WHERE id = NEW.article_id)
  WHERE contact_id = NEW.contact_id AND kind = NEW.kind AND article_id = NEW.article_id;
END;

-- Where a closed contact counts. Scope 0: every contact. Scope d: contacts that linked (solved
-- with or tried) an article of department d, which is what the article-department filter means,
-- with each article's department as it was during the contact.
CREATE VIEW stats_contact_scopes AS
SELECT id AS contact_id, 0 AS scope_department_id FROM contacts WHERE closed_at IS NOT NULL
UNION
SELECT id, article_department_id FROM contacts WHERE closed_at IS NOT NULL AND article_id IS NOT NULL
UNION
SELECT ca.contact_id, ca.article_department_id FROM contact_articles ca
JOIN contacts c ON c.id = ca.contact_id
WHERE ca.kind = 'tried' AND c.closed_at IS NOT NULL;

-- One closed contact's counts. repeat_days (solves with a customer reference only): whole days,
-- rounded up, from the close to the same customer's next contact, clamped to 0..91 (the window
-- setting is 1..90 days), 1000 when nobody called again. The solve is verified under a window
-- of w days exactly when repeat_days > w, whatever w is set to later.
CREATE VIEW stats_contact_facts AS
SELECT c.id, substr(c.closed_at, 1, 10) AS day, c.agent_department_id, c.channel,
  coalesce(c.article_department_id, 0) AS article_department_id,
  c.outcome = 'solved' AS solved,
  c.outcome = 'escalated' AS escalated,
  c.outcome = 'follow_up' AS follow_up,
  c.customer_ref IS NOT NULL AS with_ref,
  c.article_id IS NOT NULL AND c.article_department_id <> c.agent_department_id AS avoided,
  c.article_id IS NOT NULL OR EXISTS (
    SELECT 1 FROM contact_articles ca WHERE ca.contact_id = c.id AND ca.kind = 'tried') AS linked,
  c.article_id IS NOT NULL AS solved_with_article,
  c.article_id IS NOT NULL
    AND (SELECT a.created_at FROM articles a WHERE a.id = c.article_id) < c.started_at AS reused,
  CASE WHEN c.outcome = 'solved' AND c.customer_ref IS NOT NULL THEN
    CASE WHEN c.next_contact_at IS NULL THEN 1000 ELSE max(0, min(91,
      (CAST(round((julianday(c.next_contact_at) - julianday(c.closed_at)) * 86400000) AS INTEGER)
        + 86399999) / 86400000)) END
  END AS repeat_days
FROM contacts c WHERE c.closed_at IS NOT NULL;

-- Per close day, scope, agent department, channel and solving article's department (0: none).
CREATE TABLE contact_days (
  scope_department_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  agent_department_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  article_department_id INTEGER NOT NULL,
  contacts INTEGER NOT NULL,
  solved INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  follow_up INTEGER NOT NULL,
  with_ref INTEGER NOT NULL,
  avoided INTEGER NOT NULL,
  linked INTEGER NOT NULL,
  solved_with_article INTEGER NOT NULL,
  reused INTEGER NOT NULL,
  PRIMARY KEY (scope_department_id, day, agent_department_id, channel, article_department_id)
) WITHOUT ROWID;

-- Solves with a customer reference, per close day, scope, agent department, channel and
-- repeat_days (see stats_contact_facts).
CREATE TABLE solve_repeat_days (
  scope_department_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  agent_department_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  repeat_days INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (scope_department_id, day, agent_department_id, channel, repeat_days)
) WITHOUT ROWID;

-- Article impact: each article a closed contact opened, tried or solved with, once per contact.
CREATE VIEW stats_article_facts AS
SELECT t.contact_id, substr(c.closed_at, 1, 10) AS day, t.article_id,
  c.agent_department_id, c.channel,
  t.article_id IS c.article_id AS solves,
  t.article_id IS NOT c.article_id AND EXISTS (SELECT 1 FROM contact_articles x
    WHERE x.contact_id = c.id AND x.kind = 'tried' AND x.article_id = t.article_id) AS failed_tries,
  t.article_id IS c.article_id AND c.article_department_id <> c.agent_department_id AS avoided
FROM contacts c
JOIN (
  SELECT contact_id, article_id FROM contact_articles
  UNION
  SELECT id, article_id FROM contacts WHERE article_id IS NOT NULL
) t ON t.contact_id = c.id
WHERE c.closed_at IS NOT NULL;

CREATE TABLE article_days (
  day TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  agent_department_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  uses INTEGER NOT NULL,
  solves INTEGER NOT NULL,
  failed_tries INTEGER NOT NULL,
  avoided INTEGER NOT NULL,
  PRIMARY KEY (day, article_id, agent_department_id, channel)
) WITHOUT ROWID;

-- Content gaps, per search (by the day it was made). 'zero': no results, known at once.
-- 'unopened': results, and the contact opened, tried and solved with nothing; 'escalated': the
-- contact was escalated without any article. Both are known once the contact closes (at once
-- for searches outside a contact). Department and channel are the contact's (for a search
-- outside a contact: the searcher's department, channel '').
CREATE VIEW stats_search_gaps AS
SELECT s.id AS search_id, s.contact_id, k.kind, substr(s.created_at, 1, 10) AS day,
  s.normalized_query, coalesce(c.agent_department_id, u.department_id) AS agent_department_id,
  coalesce(c.channel, '') AS channel
FROM search_events s
JOIN users u ON u.id = s.user_id
LEFT JOIN contacts c ON c.id = s.contact_id
JOIN (SELECT 'zero' AS kind UNION ALL SELECT 'unopened' UNION ALL SELECT 'escalated') k
WHERE CASE k.kind
  WHEN 'zero' THEN s.result_count = 0
  WHEN 'unopened' THEN (s.contact_id IS NULL OR c.closed_at IS NOT NULL)
    AND s.result_count > 0 AND s.opened_id IS NULL AND c.article_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM contact_articles ca WHERE ca.contact_id = s.contact_id)
  ELSE c.closed_at IS NOT NULL AND c.outcome = 'escalated'
    AND NOT EXISTS (SELECT 1 FROM contact_articles ca WHERE ca.contact_id = s.contact_id)
END;

CREATE TABLE search_gap_days (
  kind TEXT NOT NULL CHECK (kind IN ('zero', 'unopened', 'escalated')),
  day TEXT NOT NULL,
  normalized_query TEXT NOT NULL,
  agent_department_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, day, normalized_query, agent_department_id, channel)
) WITHOUT ROWID;

-- The same per month, for long ranges: a year of gaps is hundreds of thousands of (day, query)
-- rows, a month folds a query's days into one. Each row also counts in the "every department"
-- (0) and "every channel" ('*') slices, so any filter reads one slice. Kept from
-- search_gap_days by its own triggers (rows there are only ever added or changed).
CREATE TABLE search_gap_months (
  kind TEXT NOT NULL,
  agent_department_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  month TEXT NOT NULL,
  normalized_query TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, agent_department_id, channel, month, normalized_query)
) WITHOUT ROWID;

-- The latest day of a query's gaps, for the groups shown.
CREATE INDEX search_gap_days_query ON search_gap_days (kind, normalized_query, day);

CREATE TRIGGER stats_gap_day_added AFTER INSERT ON search_gap_days
BEGIN
  INSERT INTO search_gap_months
  SELECT NEW.kind, d.id, c.channel, substr(NEW.day, 1, 7), NEW.normalized_query, NEW.n
  FROM (SELECT NEW.agent_department_id AS id UNION ALL SELECT 0) d,
    (SELECT NEW.channel AS channel UNION ALL SELECT '*') c
  WHERE true
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stats_gap_day_changed AFTER UPDATE OF n ON search_gap_days
BEGIN
  UPDATE search_gap_months SET n = n + NEW.n - OLD.n
  WHERE kind = NEW.kind AND agent_department_id IN (NEW.agent_department_id, 0)
    AND channel IN (NEW.channel, '*') AND month = substr(NEW.day, 1, 7)
    AND normalized_query = NEW.normalized_query;
END;

-- A contact's share, added when it closes. (Each statement constrains every view it joins by
-- the contact id: SQLite does not carry NEW.id across a join into a view on its own.)
CREATE TRIGGER stats_contact_closed AFTER UPDATE OF closed_at ON contacts
WHEN OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL
BEGIN
  INSERT INTO contact_days
  SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.article_department_id,
    count(*), sum(f.solved), sum(f.escalated), sum(f.follow_up), sum(f.with_ref), sum(f.avoided),
    sum(f.linked), sum(f.solved_with_article), sum(f.reused)
  FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
  WHERE f.id = NEW.id AND s.contact_id = NEW.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts,
    solved = solved + excluded.solved, escalated = escalated + excluded.escalated,
    follow_up = follow_up + excluded.follow_up, with_ref = with_ref + excluded.with_ref,
    avoided = avoided + excluded.avoided, linked = linked + excluded.linked,
    solved_with_article = solved_with_article + excluded.solved_with_article,
    reused = reused + excluded.reused;

  INSERT INTO solve_repeat_days
  SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, count(*)
  FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
  WHERE f.id = NEW.id AND s.contact_id = NEW.id AND f.repeat_days IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;

  INSERT INTO article_days
  SELECT day, article_id, agent_department_id, channel, count(*), sum(solves), sum(failed_tries),
    sum(avoided)
  FROM stats_article_facts WHERE contact_id = NEW.id
  GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET uses = uses + excluded.uses, solves = solves + excluded.solves,
    failed_tries = failed_tries + excluded.failed_tries, avoided = avoided + excluded.avoided;

  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE contact_id = NEW.id AND kind <> 'zero'
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The same customer called again: a solve moves to another repeat_days bucket.
CREATE TRIGGER stats_next_contact_before BEFORE UPDATE OF next_contact_at ON contacts
WHEN OLD.closed_at IS NOT NULL AND OLD.next_contact_at IS NOT NEW.next_contact_at
BEGIN
  UPDATE solve_repeat_days SET n = n - 1
  WHERE (scope_department_id, day, agent_department_id, channel, repeat_days) IN (
    SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days
    FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
    WHERE f.id = OLD.id AND s.contact_id = OLD.id AND f.repeat_days IS NOT NULL);
END;

CREATE TRIGGER stats_next_contact_after AFTER UPDATE OF next_contact_at ON contacts
WHEN OLD.closed_at IS NOT NULL AND OLD.next_contact_at IS NOT NEW.next_contact_at
BEGIN
  INSERT INTO solve_repeat_days
  SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, count(*)
  FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
  WHERE f.id = NEW.id AND s.contact_id = NEW.id AND f.repeat_days IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Searches: counted when stored (zero results; everything for searches outside a contact or,
-- after a race with the close, of a closed one) and moved when a burst rewrites them.
CREATE TRIGGER stats_search_inserted AFTER INSERT ON search_events
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE search_id = NEW.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stats_search_before_update
BEFORE UPDATE OF normalized_query, result_count, opened_id, created_at, contact_id, user_id
ON search_events
BEGIN
  UPDATE search_gap_days SET n = n - 1
  WHERE (kind, day, normalized_query, agent_department_id, channel) IN (
    SELECT kind, day, normalized_query, agent_department_id, channel
    FROM stats_search_gaps WHERE search_id = OLD.id);
END;

CREATE TRIGGER stats_search_after_update
AFTER UPDATE OF normalized_query, result_count, opened_id, created_at, contact_id, user_id
ON search_events
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE search_id = NEW.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Time to publish: how long after the request the article it produced first became
-- not_validated (ms_to_published) and validated (ms_to_validated), kept on the request so the
-- percentiles read one index instead of searching versions for every request.
ALTER TABLE article_requests ADD COLUMN ms_to_published INTEGER;
ALTER TABLE article_requests ADD COLUMN ms_to_validated INTEGER;

CREATE VIEW stats_request_publish_times AS
SELECT r.id,
  CAST(round((julianday((SELECT min(v.created_at) FROM article_versions v
    WHERE v.article_id = r.article_id AND v.confidence IN ('not_validated', 'validated')
      AND v.created_at >= r.created_at)) - julianday(r.created_at)) * 86400000) AS INTEGER)
    AS ms_to_published,
  CAST(round((julianday((SELECT min(v.created_at) FROM article_versions v
    WHERE v.article_id = r.article_id AND v.confidence = 'validated'
      AND v.created_at >= r.created_at)) - julianday(r.created_at)) * 86400000) AS INTEGER)
    AS ms_to_validated
FROM article_requests r;

UPDATE article_requests SET (ms_to_published, ms_to_validated) = (
  SELECT ms_to_published, ms_to_validated FROM stats_request_publish_times t
  WHERE t.id = article_requests.id
) WHERE article_id IS NOT NULL;

CREATE INDEX article_requests_published
  ON article_requests (created_at, department_id, ms_to_published, ms_to_validated, contact_id)
  WHERE article_id IS NOT NULL;
CREATE INDEX article_requests_article ON article_requests (article_id) WHERE article_id IS NOT NULL;

-- A request gets its article (or is inserted with one): its times.
CREATE TRIGGER stats_request_article AFTER UPDATE OF article_id, created_at ON article_requests
BEGIN
  UPDATE article_requests SET (ms_to_published, ms_to_validated) = (
    SELECT ms_to_published, ms_to_validated FROM stats_request_publish_times WHERE id = NEW.id
  ) WHERE id = NEW.id;
END;

CREATE TRIGGER stats_request_inserted AFTER INSERT ON article_requests
WHEN NEW.article_id IS NOT NULL
BEGIN
  UPDATE article_requests SET (ms_to_published, ms_to_validated) = (
    SELECT ms_to_published, ms_to_validated FROM stats_request_publish_times WHERE id = NEW.id
  ) WHERE id = NEW.id;
END;

-- A new (or re-dated) version of an article: the times of the requests it answers.
CREATE TRIGGER stats_version_inserted AFTER INSERT ON article_versions
WHEN NEW.confidence IN ('not_validated', 'validated')
BEGIN
  UPDATE article_requests SET (ms_to_published, ms_to_validated) = (
    SELECT ms_to_published, ms_to_validated FROM stats_request_publish_times t
    WHERE t.id = article_requests.id
  ) WHERE article_id = NEW.article_id;
END;

CREATE TRIGGER stats_version_updated AFTER UPDATE OF created_at, confidence ON article_versions
BEGIN
  UPDATE article_requests SET (ms_to_published, ms_to_validated) = (
    SELECT ms_to_published, ms_to_validated FROM stats_request_publish_times t
    WHERE t.id = article_requests.id
  ) WHERE article_id = NEW.article_id;
END;

-- What is already there (the same statements as rebuildStatsRollups in stores/statsRollups.ts).
INSERT INTO contact_days
SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.article_department_id,
  count(*), sum(f.solved), sum(f.escalated), sum(f.follow_up), sum(f.with_ref), sum(f.avoided),
  sum(f.linked), sum(f.solved_with_article), sum(f.reused)
FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO solve_repeat_days
SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, count(*)
FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
WHERE f.repeat_days IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO article_days
SELECT day, article_id, agent_department_id, channel, count(*), sum(solves), sum(failed_tries),
  sum(avoided)
FROM stats_article_facts GROUP BY 1, 2, 3, 4;

INSERT INTO search_gap_days
SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
FROM stats_search_gaps GROUP BY 1, 2, 3, 4, 5;
