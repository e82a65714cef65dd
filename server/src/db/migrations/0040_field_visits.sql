-- Field visits (the ward comes to the citizen's home): which procedures allow it is data from the catalogue
-- (reference-data/procedures/ward-procedures.json, `home_service`), NULL = at the office only.
ALTER TABLE procedures ADD COLUMN home_service jsonb;

-- One visit of a case: offered with time slots, confirmed by the citizen on their channel, an officer dispatched,
-- on the way, documents collected, done (fee, receipt, result returned) — or cancelled / no-show with a reason.
-- At most one visit of a case is active at a time; finished ones stay for the record and the reports.
CREATE TABLE field_visits (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id          uuid NOT NULL REFERENCES cases (id),
  unit_id          uuid NOT NULL REFERENCES units (id),
  procedure_code   text NOT NULL REFERENCES procedures (code),
  state            text NOT NULL CHECK (state IN ('offered', 'confirmed', 'dispatched', 'on_the_way', 'collected', 'done', 'cancelled', 'no_show')),
  confirmed_slot   smallint,
  officer_id       uuid REFERENCES staff_users (id),
  fee_vnd          integer CHECK (fee_vnd >= 0),
  receipt_number   text,
  result_return    text CHECK (result_return IN ('handed_over', 'delivered')),
  close_reason     text,
  offered_by       uuid NOT NULL REFERENCES staff_users (id),
  offered_at       timestamptz NOT NULL,
  confirmed_at     timestamptz,
  dispatched_at    timestamptz,
  departed_at      timestamptz,
  collected_at     timestamptz,
  completed_at     timestamptz,
  closed_at        timestamptz,
  -- the case's first message (or its creation when staff took it by phone); elapsed_ms = completed_at - this
  first_message_at timestamptz NOT NULL,
  elapsed_ms       bigint,
  updated_at       timestamptz NOT NULL,
  CHECK ((state = 'done') = (completed_at IS NOT NULL)),
  CHECK ((state IN ('offered', 'cancelled', 'no_show')) OR confirmed_slot IS NOT NULL)
);
CREATE UNIQUE INDEX field_visits_active_idx ON field_visits (case_id) WHERE state NOT IN ('done', 'cancelled', 'no_show');
CREATE INDEX field_visits_case_idx ON field_visits (case_id, offered_at);
CREATE INDEX field_visits_officer_idx ON field_visits (officer_id) WHERE state IN ('confirmed', 'dispatched', 'on_the_way', 'collected');
CREATE INDEX field_visits_completed_idx ON field_visits (completed_at) WHERE state = 'done';

CREATE TABLE field_visit_slots (
  visit_id   uuid NOT NULL REFERENCES field_visits (id),
  number     smallint NOT NULL CHECK (number BETWEEN 1 AND 9),
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  PRIMARY KEY (visit_id, number),
  CHECK (ends_at > starts_at)
);

INSERT INTO case_event_kinds (kind) VALUES
  ('visit.offered'), ('visit.confirmed'), ('visit.dispatched'), ('visit.departed'), ('visit.collected'),
  ('visit.completed'), ('visit.cancelled'), ('visit.no_show');
