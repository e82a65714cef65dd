-- An officer decides, photo by photo, whether a report's photo may be shown on the public map and list and in
-- Open311 (faces and number plates stay private until someone has looked). The flag itself is
-- attachments.is_public (0004); these are the timeline events of the decision, and who took it last.
INSERT INTO case_event_kinds (kind) VALUES ('photo.published'), ('photo.unpublished');
ALTER TABLE attachments ADD COLUMN public_decided_by uuid REFERENCES staff_users (id);
ALTER TABLE attachments ADD COLUMN public_decided_at timestamptz;
