-- Timeline event kinds become rows instead of a CHECK list, so that a feature adds its kinds with one INSERT
-- instead of re-declaring (and possibly dropping) every other feature's kinds.
CREATE TABLE case_event_kinds (
  kind text PRIMARY KEY
);
INSERT INTO case_event_kinds (kind) VALUES
  ('case.opened'), ('case.routed'), ('case.triaged'), ('case.merged'), ('case.rated'), ('case.reopened'),
  ('message.received'), ('message.sent'), ('message.retracted'), ('status.changed'), ('case.assigned'), ('note.added'),
  ('transfer.requested'), ('transfer.accepted'), ('transfer.returned'), ('coordination.added'), ('coordination.removed');
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_fkey FOREIGN KEY (kind) REFERENCES case_event_kinds (kind);
