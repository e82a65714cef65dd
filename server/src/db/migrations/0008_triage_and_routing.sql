-- What the automatic first pass understood of a case, and where it sent it and why.
ALTER TABLE cases ADD COLUMN is_urgent boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN needs_triage boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN triage jsonb;
ALTER TABLE cases ADD COLUMN routing jsonb;
CREATE INDEX cases_triage_queue_idx ON cases (unit_id, created_at DESC) WHERE needs_triage;

-- Routing rules as data, editable by city administrators: the first enabled rule (lowest priority number) whose
-- conditions all match decides the unit. target_kind 'place' = the ward the message names or points at.
CREATE TABLE routing_rules (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  priority     integer NOT NULL,
  match        jsonb NOT NULL DEFAULT '{}'::jsonb,
  target_kind  text NOT NULL CHECK (target_kind IN ('place', 'unit')),
  target_unit_id uuid REFERENCES units (id),
  description  jsonb NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  updated_at   timestamptz NOT NULL,
  updated_by   uuid REFERENCES staff_users (id),
  CHECK ((target_kind = 'unit') = (target_unit_id IS NOT NULL))
);

-- Every correction an officer makes to the first pass, kept as a training label (`gandan triage train`).
CREATE TABLE triage_labels (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       uuid NOT NULL REFERENCES cases (id),
  text          text NOT NULL,
  type          text NOT NULL,
  category      text,
  procedure     text,
  urgent        boolean NOT NULL,
  predicted     jsonb NOT NULL,
  labelled_by   uuid NOT NULL REFERENCES staff_users (id),
  labelled_at   timestamptz NOT NULL
);
CREATE INDEX triage_labels_case_idx ON triage_labels (case_id);

ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('case.opened', 'case.routed', 'case.triaged', 'message.received', 'message.sent', 'message.retracted',
                  'status.changed', 'case.assigned', 'note.added'));
