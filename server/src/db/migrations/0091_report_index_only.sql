-- The on-time report's two ranges read as index-only scans: an index on an expression can answer a query
-- without the table only when it also carries the columns the expression is made of, so the deadline and
-- finish columns are included (0090 carried only unit and category, and every counted row was fetched from
-- the table: seconds for a month of a 2-million-case city).
DROP INDEX cases_open_due_idx;
CREATE INDEX cases_open_due_idx ON cases ((coalesce(due_at, 'infinity'::timestamptz)), id) INCLUDE (unit_id, category, due_at)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
DROP INDEX cases_finished_idx;
CREATE INDEX cases_finished_idx ON cases ((coalesce(resolved_at, closed_at))) INCLUDE (unit_id, category, due_at, resolved_at, closed_at)
  WHERE status IN ('resolved', 'closed', 'rejected') AND due_at IS NOT NULL;
