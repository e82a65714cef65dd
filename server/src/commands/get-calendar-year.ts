import type { CalendarYear } from '../../../contracts/api.ts';
import { listCalendarDays, listOwnWorkingHours, type CalendarDayRow } from '../db/repositories/calendar.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isAllowed } from '../domain/access/permissions.ts';
import { createBusinessCalendar } from '../domain/deadline/business-calendar.ts';
import { buildCalendarSpec } from '../domain/deadline/calendar-spec.ts';
import { dayIndexOf, formatDayIndex, weekdayOfDay } from '../domain/deadline/local-date.ts';
import { requireAction, requireUnitInScope } from './authorize.ts';
import type { CommandContext } from './context.ts';

/**
 * A year of a unit's working calendar (no unit: the city's) for the console: every day, working or not and why,
 * the stored days (active and switched off, city-wide and the unit's own), the weekly hours in force, and what the
 * actor may change. Any staff member may read any unit's calendar (it is public information). Throws
 * UNIT_NOT_FOUND.
 */
export async function getCalendarYear(
  ctx: CommandContext,
  actor: StaffRow,
  input: { year: number; unitCode?: string | undefined },
): Promise<CalendarYear> {
  requireAction(actor, 'case.read');
  const unit = input.unitCode ? requireUnitInScope(actor, await findUnitByCode(ctx.db, input.unitCode), input.unitCode) : undefined;
  const unitId = unit?.id ?? null;
  const isCityScope = !actor.unitPath.includes('/');
  const [cityHours, ownHours, stored] = [
    await listOwnWorkingHours(ctx.db, null),
    unitId ? await listOwnWorkingHours(ctx.db, unitId) : [],
    await listCalendarDays(ctx.db, unitId, `${input.year}-01-01`, `${input.year}-12-31`),
  ];
  const hours = ownHours.length > 0 ? ownHours : cityHours;
  // The unit's row for a date wins over the city's (listed after it), as in loadUnitCalendar.
  const effective = new Map<string, CalendarDayRow>();
  for (const d of stored) if (d.isActive) effective.set(d.on, d);
  const calendar = createBusinessCalendar(buildCalendarSpec(hours, [...effective.values()]));
  const restWeekdays = new Set([0, 1, 2, 3, 4, 5, 6].filter((w) => !hours.some((h) => h.weekday === w)));
  const first = dayIndexOf(`${input.year}-01-01`);
  const last = dayIndexOf(`${input.year}-12-31`);
  const days: CalendarYear['days'] = [];
  for (let day = first; day <= last; day++) {
    const on = formatDayIndex(day);
    const entry = effective.get(on);
    days.push({
      on,
      isWorking: calendar.isWorkingDay(on),
      reason: entry ? entry.kind : restWeekdays.has(weekdayOfDay(day)) ? 'weekend' : null,
    });
  }
  return {
    year: input.year,
    unitCode: unit?.code ?? null,
    days,
    entries: stored.map((d) => ({
      on: d.on,
      kind: d.kind,
      name: d.name,
      nameEn: d.nameEn,
      basis: d.basis,
      status: d.status,
      isActive: d.isActive,
      origin: d.origin,
      scope: d.unitId === null ? 'city' : 'unit',
    })),
    hours: { isOwn: ownHours.length > 0 || unitId === null, rows: hours },
    cityHours,
    // A unit here is in the actor's scope; the city's own calendar needs the city's scope (as the edits check).
    canEditDays: isAllowed(actor.role, 'calendar.edit') && (unit !== undefined || isCityScope),
    canEditHours: isAllowed(actor.role, 'hours.edit') && (unit !== undefined || isCityScope),
  };
}
