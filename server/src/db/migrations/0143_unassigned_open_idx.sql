-- "Unassigned" sorted by deadline, the view a unit head opens to share out work: the unit's open-by-deadline index
-- also holds the assigned cases, so a page fetched every open case of the unit to keep the unassigned ones (500
-- rows read for 50 shown). This partial index holds only the unassigned open cases in page order.
CREATE INDEX IF NOT EXISTS cases_unassigned_unit_due_idx ON cases (unit_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_citizen') AND assignee_id IS NULL;
