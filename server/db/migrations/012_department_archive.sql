-- Departments are administered in the product (issue: identity and administration). An archived
-- department keeps its articles and history but takes no new users or escalations.
ALTER TABLE departments ADD COLUMN archived_at TEXT;
