-- The citizen's rating of how their case was handled (once per resolution), and reopening within a set period.
CREATE TABLE case_ratings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  score       integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment     text,
  resolved_at timestamptz NOT NULL,
  rated_at    timestamptz NOT NULL,
  UNIQUE (case_id, resolved_at)
);
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('case.opened', 'case.routed', 'case.triaged', 'case.merged', 'case.rated', 'case.reopened',
                  'message.received', 'message.sent', 'message.retracted', 'status.changed', 'case.assigned', 'note.added',
                  'transfer.requested', 'transfer.accepted', 'transfer.returned', 'coordination.added', 'coordination.removed'));
