import {
  countUnreadStaffNotifications,
  listStaffNotifications,
  markAllStaffNotificationsRead,
  markStaffNotificationRead,
  type StaffNotificationRow,
} from '../db/repositories/staff-notifications.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';

/** The staff member's own notifications (newest first) and how many are unread. Nobody reads another's. */
export async function listMyNotifications(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, opts: { unreadOnly: boolean; limit: number }): Promise<{ unreadCount: number; items: StaffNotificationRow[] }> {
  const [items, unreadCount] = await Promise.all([listStaffNotifications(ctx.db, actor.id, opts), countUnreadStaffNotifications(ctx.db, actor.id)]);
  return { unreadCount, items };
}

/** Marks one of the actor's notifications read. Throws NOT_FOUND when it is not theirs (already read is fine). */
export async function markNotificationRead(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow, id: number): Promise<void> {
  if (await markStaffNotificationRead(ctx.db, actor.id, id, ctx.clock.now())) return;
  const own = await listStaffNotifications(ctx.db, actor.id, { limit: 1, id });
  if (own.length === 0) throw new AppError('NOT_FOUND');
}

/** Marks all of the actor's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(ctx: Pick<CommandContext, 'db' | 'clock'>, actor: StaffRow): Promise<number> {
  return markAllStaffNotificationsRead(ctx.db, actor.id, ctx.clock.now());
}
