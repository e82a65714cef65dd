import type { Queryable } from '../client.ts';

export type StaffNotificationKind = 'deadline.due_soon' | 'deadline.overdue' | 'deadline.escalated';

export type StaffNotificationRow = {
  id: number;
  staffId: string;
  caseId: string | null;
  kind: StaffNotificationKind;
  level: number;
  dueAt: Date | null;
  data: { trackingCode?: string; unitName?: string };
  createdAt: Date;
  readAt: Date | null;
};

type Db = { id: number; staff_id: string; case_id: string | null; kind: StaffNotificationKind; level: number; due_at: Date | null; data: StaffNotificationRow['data']; created_at: Date; read_at: Date | null };
const toRow = (r: Db): StaffNotificationRow => ({ id: r.id, staffId: r.staff_id, caseId: r.case_id, kind: r.kind, level: r.level, dueAt: r.due_at, data: r.data, createdAt: r.created_at, readAt: r.read_at });

/** A staff member's notifications, newest first (unread only when asked). */
export async function listStaffNotifications(q: Queryable, staffId: string, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<StaffNotificationRow[]> {
  const rows = await q.query<Db>(
    `SELECT id, staff_id, case_id, kind, level, due_at, data, created_at, read_at FROM staff_notifications
      WHERE staff_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT $3`,
    [staffId, opts.unreadOnly ?? false, opts.limit ?? 50],
  );
  return rows.map(toRow);
}

/** Every notification about a case (tests, the case page). */
export async function listCaseNotifications(q: Queryable, caseId: string): Promise<StaffNotificationRow[]> {
  const rows = await q.query<Db>('SELECT id, staff_id, case_id, kind, level, due_at, data, created_at, read_at FROM staff_notifications WHERE case_id = $1 ORDER BY level, kind, staff_id', [caseId]);
  return rows.map(toRow);
}

export async function markStaffNotificationRead(q: Queryable, staffId: string, id: number, at: Date): Promise<boolean> {
  return (await q.query('UPDATE staff_notifications SET read_at = $3 WHERE id = $2 AND staff_id = $1 AND read_at IS NULL RETURNING 1', [staffId, id, at])).length > 0;
}
