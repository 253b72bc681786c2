-- One source for the statistics' SQL (issue 12, part 5b; migration 005 stays as it landed).
--
-- stats_contact_facts is what one closed contact is, one column per metric predicate: the
-- daily roll-ups sum its columns, and the drill-down lists the contacts behind a number by
-- the same column (`WHERE f.solved`), so a metric is defined once. It gains the columns the
-- drill-down filters and orders on (closed_at, and `contacts`, 1 for every contact), keeping
-- every column 005's triggers read. A simple view: a query on it is flattened into one on
-- `contacts`, so it uses the same indexes as a query written over `contacts`.
DROP VIEW stats_contact_facts;
CREATE VIEW stats_contact_facts AS
SELECT c.id, c.closed_at, substr(c.closed_at, 1, 10) AS day, c.agent_department_id, c.channel,
  coalesce(c.article_department_id, 0) AS article_department_id,
  1 AS contacts,
  c.outcome = 'solved' AS solved,
  c.outcome = 'escalated' AS escalated,
  c.outcome = 'follow_up' AS follow_up,
  c.customer_ref IS NOT NULL AS with_ref,
  -- a contact has an article only when solved with it (CHECK in 002)
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

-- Every roll-up recomputed from the rows, one view per table with the table's columns in
-- order: a rebuild (stores/statsRollups.ts) is `INSERT INTO t SELECT * FROM stats_rebuild_t`
-- and holds no copy of these statements. (005's triggers add one contact's share of the same
-- sums; a test checks that both agree.)
CREATE VIEW stats_rebuild_contact_days AS
SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.article_department_id,
  sum(f.contacts), sum(f.solved), sum(f.escalated), sum(f.follow_up), sum(f.with_ref),
  sum(f.avoided), sum(f.linked), sum(f.solved_with_article), sum(f.reused)
FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW stats_rebuild_solve_repeat_days AS
SELECT s.scope_department_id, f.day, f.agent_department_id, f.channel, f.repeat_days, count(*)
FROM stats_contact_facts f JOIN stats_contact_scopes s ON s.contact_id = f.id
WHERE f.repeat_days IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW stats_rebuild_article_days AS
SELECT day, article_id, agent_department_id, channel, count(*), sum(solves), sum(failed_tries),
  sum(avoided)
FROM stats_article_facts GROUP BY 1, 2, 3, 4;

CREATE VIEW stats_rebuild_search_gap_days AS
SELECT kind, day, normalized_query, agent_department_id, channel, count(*)
FROM stats_search_gaps GROUP BY 1, 2, 3, 4, 5;
