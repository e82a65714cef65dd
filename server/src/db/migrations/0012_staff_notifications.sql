-- Notifications shown to staff in the console (deadline warnings and escalations). Text is rendered from kind
-- and data when shown (Vietnamese first); the unique index makes a repeated sweep step harmless.
CREATE TABLE staff_notifications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id    uuid NOT NULL REFERENCES staff_users (id),
  case_id     uuid REFERENCES cases (id),
  kind        text NOT NULL CHECK (kind IN ('deadline.due_soon', 'deadline.overdue', 'deadline.escalated')),
  level       smallint NOT NULL DEFAULT 0,
  due_at      timestamptz,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE UNIQUE INDEX staff_notifications_once_idx ON staff_notifications (staff_id, case_id, kind, level, due_at);
CREATE INDEX staff_notifications_unread_idx ON staff_notifications (staff_id, created_at DESC) WHERE read_at IS NULL;
