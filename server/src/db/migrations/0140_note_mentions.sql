-- Internal notes can mention colleagues: each mentioned staff member gets a notification that links to the case.
ALTER TABLE staff_notifications DROP CONSTRAINT staff_notifications_kind_check;
ALTER TABLE staff_notifications ADD CONSTRAINT staff_notifications_kind_check
  CHECK (kind IN ('deadline.due_soon', 'deadline.overdue', 'deadline.escalated', 'note.mention'));
