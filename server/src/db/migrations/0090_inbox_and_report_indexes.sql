-- The inbox and the on-time report at city scale (2 million cases, about 100,000 open; see docs/benchmarks.md).
-- The deadline order is coalesce(due_at, 'infinity') so cases without a deadline come last and the keyset cursor
-- is one row comparison; cases.repo.ts uses exactly this expression.

-- A unit's open cases by deadline (the console's "open" views sorted by deadline): a page reads 50 index entries.
CREATE INDEX cases_open_unit_due_idx ON cases (unit_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
-- The same across units (city and department administrators), and the open-past-due count of the on-time report.
CREATE INDEX cases_open_due_idx ON cases ((coalesce(due_at, 'infinity'::timestamptz)), id) INCLUDE (unit_id, category)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
-- A unit's cases newest first whatever their status (the "all" and "closed" views) without sorting its history.
CREATE INDEX cases_unit_created_idx ON cases (unit_id, created_at DESC, id DESC);
-- Finished cases with a deadline by the instant they were finished: the on-time report reads one period of them
-- (index-only, the counted columns are included) instead of every case.
CREATE INDEX cases_finished_idx ON cases ((coalesce(resolved_at, closed_at))) INCLUDE (unit_id, category, due_at)
  WHERE status IN ('resolved', 'closed', 'rejected') AND due_at IS NOT NULL;
-- Inbox search reads description_folded (the same text, folded once at intake) through its own trigram index
-- (0014); the index on the expression f_unaccent(lower(description)) is no longer read, and every case update
-- that cannot be HOT (status, assignment, the deadline sweep's markers) recomputed it.
DROP INDEX cases_description_trgm_idx;
