-- Legal clocks on cases: the rule that applied, the due time and the instants at which the sweeps warn and
-- escalate (all moved together when a pause ends), the pause state, and markers that make each sweep step
-- happen once per case however many processes sweep.
ALTER TABLE cases ADD COLUMN deadline_rule text;
ALTER TABLE cases ADD COLUMN clock_started_at timestamptz;
ALTER TABLE cases ADD COLUMN due_at timestamptz;
ALTER TABLE cases ADD COLUMN due_soon_at timestamptz;
ALTER TABLE cases ADD COLUMN escalate_parent_at timestamptz;
ALTER TABLE cases ADD COLUMN escalate_city_at timestamptz;
ALTER TABLE cases ADD COLUMN clock_pausable boolean NOT NULL DEFAULT true;
ALTER TABLE cases ADD COLUMN clock_paused_at timestamptz;
ALTER TABLE cases ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN due_soon_notified_at timestamptz;
ALTER TABLE cases ADD COLUMN overdue_notified_at timestamptz;
-- 0 none, 1 unit head (overdue), 2 parent unit, 3 city administrators.
ALTER TABLE cases ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3);

-- The sweeps read only the rows that still have a step to take.
CREATE INDEX cases_due_soon_idx ON cases (due_soon_at)
  WHERE due_soon_notified_at IS NULL AND clock_paused_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
CREATE INDEX cases_overdue_idx ON cases (due_at)
  WHERE overdue_notified_at IS NULL AND clock_paused_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
CREATE INDEX cases_escalate_parent_idx ON cases (escalate_parent_at)
  WHERE escalation_level = 1 AND clock_paused_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');
CREATE INDEX cases_escalate_city_idx ON cases (escalate_city_at)
  WHERE escalation_level = 2 AND clock_paused_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_citizen');

-- Every stop of a case's clock (waiting for the citizen), with the working time it added to the deadline.
CREATE TABLE case_clock_pauses (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id            uuid NOT NULL REFERENCES cases (id),
  paused_at          timestamptz NOT NULL,
  resumed_at         timestamptz,
  paused_working_ms  bigint,
  reason             text,
  paused_by          uuid REFERENCES staff_users (id),
  resumed_by         uuid REFERENCES staff_users (id),
  CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
);
CREATE INDEX case_clock_pauses_case_idx ON case_clock_pauses (case_id, paused_at);
CREATE UNIQUE INDEX case_clock_pauses_open_idx ON case_clock_pauses (case_id) WHERE resumed_at IS NULL;
