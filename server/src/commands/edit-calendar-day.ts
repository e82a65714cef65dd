import { findCalendarDay, upsertCalendarDay, type CalendarDayRow } from '../db/repositories/calendar.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { dayIndexOf } from '../domain/deadline/local-date.ts';
import type { CalendarDayKind } from '../domain/deadline/vn-holidays.ts';
import { AppError } from '../lib/app-error.ts';
import { appendSettingsAudit } from './append-settings-audit.ts';
import { requireAction, requireCityScope, requireUnitInScope } from './authorize.ts';
import type { CommandContext } from './context.ts';

export type CalendarDayInput = {
  unitCode?: string | undefined;
  on: string;
  kind: CalendarDayKind;
  name: string;
  nameEn?: string | undefined;
  /** Why the day changes (the decision announcing it, a correction): kept as the day's basis and in the audit log. */
  note?: string | undefined;
  isActive?: boolean;
};

/**
 * Adds or changes one day of the working calendar (a holiday, a day off, a make-up working day), city-wide or for
 * one unit; `isActive: false` switches a day off without losing it. City administrators only; the change and what
 * the day was before are appended to the audit log in the same transaction. Deadlines already set are not
 * recomputed. Returns the stored day. Throws FORBIDDEN, UNIT_NOT_FOUND or VALIDATION_FAILED (bad date).
 */
export async function editCalendarDay(ctx: CommandContext, actor: StaffRow, input: CalendarDayInput): Promise<CalendarDayRow> {
  requireAction(actor, 'calendar.edit');
  try {
    dayIndexOf(input.on);
  } catch {
    throw new AppError('VALIDATION_FAILED', { field: 'on' });
  }
  let unitId: string | null = null;
  if (input.unitCode) unitId = requireUnitInScope(actor, await findUnitByCode(ctx.db, input.unitCode), input.unitCode).id;
  else requireCityScope(actor);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findCalendarDay(tx, unitId, input.on);
    const edit = {
      unitId,
      on: input.on,
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn,
      basis: input.note,
      isActive: input.isActive ?? true,
      staffId: actor.id,
      at,
    };
    await upsertCalendarDay(tx, edit);
    const after = (await findCalendarDay(tx, unitId, input.on))!;
    const view = (d: CalendarDayRow | undefined) =>
      d && { kind: d.kind, name: d.name, nameEn: d.nameEn, basis: d.basis, isActive: d.isActive, origin: d.origin };
    await appendSettingsAudit(tx, {
      at,
      staffId: actor.id,
      action: 'calendar.day_edited',
      payload: {
        unitCode: input.unitCode ?? null,
        on: input.on,
        note: input.note ?? null,
        before: view(before) ?? null,
        after: view(after),
      },
    });
    return after;
  });
}
