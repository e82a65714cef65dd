-- Changes to the city's settings (routing rules, the working calendar, working hours) join the same hash-chained
-- audit log as changes to cases: a settings row has no case (case_id NULL) and says what it changed in `action`
-- and `payload` (before / after). `gandan audit verify` checks them with the rest of the chain.
ALTER TABLE audit_log ALTER COLUMN case_id DROP NOT NULL;
CREATE INDEX audit_log_settings_idx ON audit_log (seq DESC) WHERE case_id IS NULL;

-- One counter per editable settings set, bumped by every change in the changing transaction. Editors send the
-- version they saw (a stale one is refused, so two administrators cannot silently overwrite each other), and
-- readers in any process can tell whether their copy is current.
CREATE TABLE settings_versions (
  name     text PRIMARY KEY,
  version  bigint NOT NULL DEFAULT 1
);
INSERT INTO settings_versions (name) VALUES ('routing_rules');
