import type { Queryable } from '../client.ts';
import { notifyStaffSql } from '../live-notify.ts';

export type StaffNotificationKind = 'deadline.due_soon' | 'deadline.overdue' | 'deadline.escalated' | 'note.mention';

export type StaffNotificationRow = {
  id: number;
  staffId: string;
  caseId: string | null;
  kind: StaffNotificationKind;
  level: number;
  dueAt: Date | null;
  data: { trackingCode?: string; unitName?: string; byName?: string; eventId?: number };
  createdAt: Date;
  readAt: Date | null;
};

type Db = { id: number; staff_id: string; case_id: string | null; kind: StaffNotificationKind; level: number; due_at: Date | null; data: StaffNotificationRow['data']; created_at: Date; read_at: Date | null };
const toRow = (r: Db): StaffNotificationRow => ({ id: r.id, staffId: r.staff_id, caseId: r.case_id, kind: r.kind, level: r.level, dueAt: r.due_at, data: r.data, createdAt: r.created_at, readAt: r.read_at });

/** A staff member's notifications, newest first (unread only when asked). */
export async function listStaffNotifications(q: Queryable, staffId: string, opts: { unreadOnly?: boolean; limit?: number; id?: number } = {}): Promise<StaffNotificationRow[]> {
  const rows = await q.query<Db>(
    `SELECT id, staff_id, case_id, kind, level, due_at, data, created_at, read_at FROM staff_notifications
      WHERE staff_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) AND ($4::bigint IS NULL OR id = $4)
      ORDER BY created_at DESC, id DESC LIMIT $3`,
    [staffId, opts.unreadOnly ?? false, opts.limit ?? 50, opts.id ?? null],
  );
  return rows.map(toRow);
}

/** Every notification about a case (tests, the case page). */
export async function listCaseNotifications(q: Queryable, caseId: string): Promise<StaffNotificationRow[]> {
  const rows = await q.query<Db>('SELECT id, staff_id, case_id, kind, level, due_at, data, created_at, read_at FROM staff_notifications WHERE case_id = $1 ORDER BY level, kind, staff_id', [caseId]);
  return rows.map(toRow);
}

/** Unread notifications of a staff member (the bell's number). */
export async function countUnreadStaffNotifications(q: Queryable, staffId: string): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_notifications WHERE staff_id = $1 AND read_at IS NULL', [staffId]);
  return r?.n ?? 0;
}

/** Marks one of the staff member's notifications read (false when not theirs or already read); their other consoles hear of it. */
export async function markStaffNotificationRead(q: Queryable, staffId: string, id: number, at: Date): Promise<boolean> {
  const rows = await q.query(
    `WITH u AS (UPDATE staff_notifications SET read_at = $3 WHERE id = $2 AND staff_id = $1 AND read_at IS NULL RETURNING staff_id)
     SELECT ${notifyStaffSql('staff_id')}::text AS notified FROM u`,
    [staffId, id, at],
  );
  return rows.length > 0;
}

/** Marks every unread notification of the staff member read; returns how many. */
export async function markAllStaffNotificationsRead(q: Queryable, staffId: string, at: Date): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `WITH u AS (UPDATE staff_notifications SET read_at = $2 WHERE staff_id = $1 AND read_at IS NULL RETURNING id)
     SELECT count(*)::int AS n, CASE WHEN count(*) > 0 THEN ${notifyStaffSql('$1::uuid')}::text END AS notified FROM u`,
    [staffId, at],
  );
  return r?.n ?? 0;
}

/** Tells each staff member that a note on the case mentions them (their open consoles hear of it on commit). */
export async function insertMentionNotifications(
  q: Queryable,
  n: { staffIds: readonly string[]; caseId: string; data: { trackingCode: string; unitName: string; byName: string; eventId: number }; at: Date },
): Promise<void> {
  if (n.staffIds.length === 0) return;
  await q.query(
    `WITH inserted AS (
       INSERT INTO staff_notifications (staff_id, case_id, kind, level, data, created_at)
       SELECT s, $2, 'note.mention', 0, $3::jsonb, $4 FROM unnest($1::uuid[]) s RETURNING staff_id
     )
     SELECT ${notifyStaffSql('staff_id')} FROM (SELECT DISTINCT staff_id FROM inserted) r`,
    [n.staffIds, n.caseId, JSON.stringify(n.data), n.at],
  );
}
