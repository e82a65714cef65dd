-- An officer's cases all lie in the officer's unit, but the planner multiplies the two selectivities and expects a
-- handful of rows for "unit = X AND assignee = Y": it then intersects two bitmaps and sorts the officer's whole
-- history (150 ms on a 2-million-case city) instead of reading the assignee index in page order (0.5 ms).
-- Extended statistics tell it that the assignee determines the unit.
CREATE STATISTICS IF NOT EXISTS cases_unit_assignee_stats (dependencies, ndistinct) ON unit_id, assignee_id FROM cases;
ANALYZE cases;
