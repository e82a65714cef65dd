import { upsertCalendarDay } from '../db/repositories/calendar.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { dayIndexOf } from '../domain/deadline/local-date.ts';
import type { CalendarDayKind } from '../domain/deadline/vn-holidays.ts';
import { AppError } from '../lib/app-error.ts';
import type { CommandContext } from './context.ts';

export type CalendarDayInput = { unitCode?: string | undefined; on: string; kind: CalendarDayKind; name: string; nameEn?: string | undefined; basis?: string | undefined; isActive?: boolean };

/**
 * Adds or changes one day of the working calendar (a holiday, a day off, a make-up working day), city-wide or for
 * one unit; `isActive: false` switches a day off without losing it. City administrators only. Deadlines already
 * set are not recomputed. Throws FORBIDDEN, UNIT_NOT_FOUND or VALIDATION_FAILED (bad date).
 */
export async function editCalendarDay(ctx: CommandContext, actor: StaffRow, input: CalendarDayInput): Promise<void> {
  if (actor.role !== 'city_admin') throw new AppError('FORBIDDEN');
  try {
    dayIndexOf(input.on);
  } catch {
    throw new AppError('VALIDATION_FAILED', { field: 'on' });
  }
  let unitId: string | null = null;
  if (input.unitCode) {
    const unit = await findUnitByCode(ctx.db, input.unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    unitId = unit.id;
  }
  await upsertCalendarDay(ctx.db, { unitId, on: input.on, kind: input.kind, name: input.name, nameEn: input.nameEn, basis: input.basis, isActive: input.isActive ?? true, staffId: actor.id, at: ctx.clock.now() });
}
