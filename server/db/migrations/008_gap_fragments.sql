-- Content gaps fold as-you-type fragments (005 and 006 stay as they landed).
--
-- searchBursts folds keystrokes that come within 4 s into one search event. An agent who types
-- "rout", pauses, then types "router blinking" still leaves two events in the contact, and the
-- fragment "rout" (no results, nothing opened) would be a content gap. So a search is a
-- *fragment* when a later search of the same contact extends its normalized query (starts
-- with it and is longer): it counts in no content gap, and the query it grew into counts once,
-- in its own row. Searches outside a contact are never fragments (nothing ties them together).
--
-- stats_search_gaps is redefined with that rule, so the rebuild view (006, which reads it) and
-- the triggers below agree by construction. Whether a search is a fragment depends on the
-- contact's other searches, so the triggers recompute a whole contact's share: the contact's
-- rows are taken out before a search of it is written and put back after.
DROP VIEW stats_search_gaps;
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
END
AND NOT EXISTS (
  SELECT 1 FROM search_events l
  WHERE l.contact_id = s.contact_id AND l.id <> s.id
    AND (l.created_at > s.created_at OR (l.created_at = s.created_at AND l.id > s.id))
    AND length(l.normalized_query) > length(s.normalized_query)
    AND substr(l.normalized_query, 1, length(s.normalized_query)) = s.normalized_query);

DROP TRIGGER stats_search_inserted;
DROP TRIGGER stats_search_before_update;
DROP TRIGGER stats_search_after_update;

-- A search of a contact: the contact's rows out before, back after (a new search may make an
-- earlier one a fragment). n - count, not n - 1: two searches of a contact may share a row.
CREATE TRIGGER stats_search_contact_before_insert BEFORE INSERT ON search_events
WHEN NEW.contact_id IS NOT NULL
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, -count(*)
  FROM stats_search_gaps WHERE contact_id = NEW.contact_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stats_search_contact_after_insert AFTER INSERT ON search_events
WHEN NEW.contact_id IS NOT NULL
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE contact_id = NEW.contact_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A search outside a contact: its own share only, as in 005.
CREATE TRIGGER stats_search_inserted AFTER INSERT ON search_events
WHEN NEW.contact_id IS NULL
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE search_id = NEW.id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A burst rewrites a search (or an open marks it): out go the rows of every search it may
-- touch (its old and new contact's, or itself outside a contact), back in after. (The CASE,
-- not `AND OLD.contact_id IS NULL`, keeps the lookup by rowid: SQLite scans otherwise.)
CREATE TRIGGER stats_search_before_update
BEFORE UPDATE OF normalized_query, result_count, opened_id, created_at, contact_id, user_id
ON search_events
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, -count(*)
  FROM stats_search_gaps WHERE contact_id IN (OLD.contact_id, NEW.contact_id)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;

  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, -count(*)
  FROM stats_search_gaps
  WHERE search_id = CASE WHEN OLD.contact_id IS NULL THEN OLD.id END
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stats_search_after_update
AFTER UPDATE OF normalized_query, result_count, opened_id, created_at, contact_id, user_id
ON search_events
BEGIN
  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps WHERE contact_id IN (OLD.contact_id, NEW.contact_id)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;

  INSERT INTO search_gap_days
  SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
  FROM stats_search_gaps
  WHERE search_id = CASE WHEN NEW.contact_id IS NULL THEN NEW.id END
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- The existing roll-ups, recomputed under the new rule (search_gap_months follows by trigger).
DELETE FROM search_gap_months;
DELETE FROM search_gap_days;
INSERT INTO search_gap_days SELECT * FROM stats_rebuild_search_gap_days;
