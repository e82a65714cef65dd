-- "Mine" newest first: an officer's cases in page order (the unit's index had to be filtered and the officer's
-- whole history joined and sorted: 1.5 s on a 2-million-case city). It also serves every lookup by assignee,
-- so the single-column index is dropped.
CREATE INDEX cases_assignee_created_idx ON cases (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL;
DROP INDEX cases_assignee_idx;
