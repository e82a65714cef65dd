-- Tamper-evident record of every change to a case: one chain over all cases, each row's hash =
-- sha256(prev_hash || canonical JSON of the row). Writers take an advisory lock so the chain has one order;
-- seq has no gaps, so a deleted row is a broken link too. Append-only like the timeline.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  action      text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_row_change();
