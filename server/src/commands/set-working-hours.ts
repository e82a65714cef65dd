import { listOwnWorkingHours, replaceWorkingHours } from '../db/repositories/calendar.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import type { WeeklyHoursRow } from '../domain/deadline/calendar-spec.ts';
import { AppError } from '../lib/app-error.ts';
import { appendSettingsAudit } from './append-settings-audit.ts';
import { requireAction, requireCityScope, requireUnitInScope } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * Replaces a unit's weekly working hours (no unit: the city default; an empty list: back to the city's hours).
 * City administrators for any unit and the city default, unit administrators for units in their scope. The old
 * and new hours are appended to the audit log in the same transaction. Throws FORBIDDEN, UNIT_NOT_FOUND or
 * VALIDATION_FAILED (overlapping or out-of-day periods, a week without working hours).
 */
export async function setWorkingHours(
  ctx: CommandContext,
  actor: StaffRow,
  input: { unitCode?: string | undefined; hours: WeeklyHoursRow[] },
): Promise<void> {
  requireAction(actor, 'hours.edit');
  // A unit of the actor's scope (another one is "not found"); the city default needs the city's scope.
  const unit = input.unitCode ? requireUnitInScope(actor, await findUnitByCode(ctx.db, input.unitCode), input.unitCode) : undefined;
  if (!unit) requireCityScope(actor);
  const sorted = [...input.hours].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  sorted.forEach((h, i) => {
    const prev = sorted[i - 1];
    const bad =
      !Number.isInteger(h.weekday) ||
      h.weekday < 0 ||
      h.weekday > 6 ||
      h.startMinute < 0 ||
      h.endMinute > 1440 ||
      h.endMinute <= h.startMinute;
    if (bad || (prev && prev.weekday === h.weekday && prev.endMinute > h.startMinute))
      throw new AppError('VALIDATION_FAILED', { field: 'hours' });
  });
  if (!input.unitCode && sorted.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'hours' });
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await listOwnWorkingHours(tx, unit?.id ?? null);
    await replaceWorkingHours(tx, unit?.id ?? null, sorted);
    await appendSettingsAudit(tx, {
      at,
      staffId: actor.id,
      action: 'calendar.hours_set',
      payload: { unitCode: input.unitCode ?? null, before, after: sorted },
    });
  });
}
