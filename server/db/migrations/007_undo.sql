-- Outcomes and "tried" marks can be taken back for a short while (POST /api/contacts/:id/undo),
-- and contact writes can be retried safely (the Idempotency-Key header).

-- What an agent did to a contact, in order, with the server's time of doing it (a close may
-- carry an earlier closedAt when an admin imports history; the undo window runs from `at`).
CREATE TABLE contact_actions (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('close', 'tried')),
  article_id INTEGER REFERENCES articles(id),
  at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX contact_actions_contact ON contact_actions (contact_id, id);

-- A closed contact opened again (an undone outcome): its share comes out of every roll-up, the
-- mirror of 005's stats_contact_closed, read from the same views while the row is still closed.
-- Rows left at zero are harmless (every reader sums them).
CREATE TRIGGER stats_contact_reopened BEFORE UPDATE OF closed_at ON contacts
WHEN OLD.closed_at IS NOT NULL AND NEW.closed_at IS NULL
BEGIN
  INSERT INTO contact_days
  SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.article_department_id,
    -count(*), -sum(f.solved), -sum(f.escalated), -sum(f.follow_up), -sum(f.with_ref),
    -sum(f.avoided), -sum(f.linked), -sum(f.solved_with_article), -sum(f.reused)
  FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
  WHERE f.id = OLD.id AND s.contact_id = OLD.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts,
    solved = solved + excluded.solved, escalated = escalated + excluded.escalated,
    follow_up = follow_up + excluded.follow_up, with_ref = with_ref + excluded.with_ref,
    avoided = avoided + excluded.avoided, linked = linked + excluded.linked,
    solved_with_article = solved_with_article + excluded.solved_with_article,
    reused = reused + excluded.reused;

  INSERT INTO solve_repeat_days
  SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, -count(*)
  FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
  WHERE f.id = OLD.id AND s.contact_id = OLD.id AND f.repeat_days IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;

  INSERT INTO article_days
  SELECT day, article_id, agent_department_id, channel, -count(*), -sum(solves),
    -sum(failed_tries), -sum(avoided)
  FROM stats_article_facts WHERE contact_id = OLD.id
  GROUP BY 1, 2, 3, 4
  ON CONFLICT DO UPDATE SET uses = uses + excluded.uses, solves = solves + excluded.solves,
    failed_tries = failed_tries + excluded.failed_tries, avoided = avoided + excluded.avoided;

  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, -count(*)
  FROM stats_search_gaps WHERE contact_id = OLD.id AND kind <> 'zero'
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The first response to a request sent with an Idempotency-Key, per user and key, replayed to a
-- repeat for 24 hours. `status` is NULL while the first request is still running.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER,
  body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
