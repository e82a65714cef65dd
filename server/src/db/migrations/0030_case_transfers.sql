-- Moving a case between units (chuyển đơn vị): the receiving unit accepts it or returns it with a reason. At most
-- one transfer of a case is pending at a time. Misroute figures are computed from these rows.
CREATE TABLE case_transfers (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES cases (id),
  from_unit_id    uuid NOT NULL REFERENCES units (id),
  to_unit_id      uuid NOT NULL REFERENCES units (id),
  requested_by    uuid NOT NULL REFERENCES staff_users (id),
  requested_at    timestamptz NOT NULL,
  reason          text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'returned')),
  decided_by      uuid REFERENCES staff_users (id),
  decided_at      timestamptz,
  return_reason   text,
  CHECK (from_unit_id <> to_unit_id),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'returned') = (return_reason IS NOT NULL))
);
CREATE INDEX case_transfers_case_idx ON case_transfers (case_id, requested_at);
CREATE UNIQUE INDEX case_transfers_pending_idx ON case_transfers (case_id) WHERE status = 'pending';
CREATE INDEX case_transfers_to_pending_idx ON case_transfers (to_unit_id) WHERE status = 'pending';
CREATE INDEX case_transfers_from_idx ON case_transfers (from_unit_id, decided_at);

-- Units that work on a case with the lead unit (phối hợp): their staff read it and add notes, never close it.
CREATE TABLE case_coordinating_units (
  case_id     uuid NOT NULL REFERENCES cases (id),
  unit_id     uuid NOT NULL REFERENCES units (id),
  added_by    uuid NOT NULL REFERENCES staff_users (id),
  added_at    timestamptz NOT NULL,
  PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_coordinating_units_unit_idx ON case_coordinating_units (unit_id);

-- Includes every kind so far ('case.merged' comes with duplicate merging) plus the transfer and coordination kinds.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('case.opened', 'case.routed', 'case.triaged', 'case.merged', 'message.received', 'message.sent', 'message.retracted',
                  'status.changed', 'case.assigned', 'note.added',
                  'transfer.requested', 'transfer.accepted', 'transfer.returned', 'coordination.added', 'coordination.removed'));
