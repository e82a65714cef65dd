-- Reports about the same thing: proposals made at intake, merges decided by officers, and the reporters of merged
-- cases, who keep receiving the updates on their own channel.
CREATE INDEX cases_description_trgm_idx ON cases USING gin (f_unaccent(lower(description)) gin_trgm_ops);
ALTER TABLE cases ADD COLUMN merged_into_id uuid REFERENCES cases (id);

CREATE TABLE case_duplicate_proposals (
  case_id            uuid NOT NULL REFERENCES cases (id),
  candidate_case_id  uuid NOT NULL REFERENCES cases (id),
  score              double precision NOT NULL,
  reasons            jsonb NOT NULL,
  status             text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'merged', 'dismissed')),
  created_at         timestamptz NOT NULL,
  decided_by         uuid REFERENCES staff_users (id),
  decided_at         timestamptz,
  PRIMARY KEY (case_id, candidate_case_id)
);
CREATE INDEX case_duplicate_proposals_candidate_idx ON case_duplicate_proposals (candidate_case_id);

-- Cases merged into a case: replies to the main case are copied to each of them (their own channel and code).
CREATE TABLE case_merges (
  main_case_id    uuid NOT NULL REFERENCES cases (id),
  merged_case_id  uuid NOT NULL REFERENCES cases (id) UNIQUE,
  merged_by       uuid NOT NULL REFERENCES staff_users (id),
  merged_at       timestamptz NOT NULL,
  PRIMARY KEY (main_case_id, merged_case_id)
);

ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('case.opened', 'case.routed', 'case.triaged', 'case.merged', 'message.received', 'message.sent', 'message.retracted',
                  'status.changed', 'case.assigned', 'note.added'));
