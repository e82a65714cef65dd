import type { Queryable } from '../db/client.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { loadUnitCalendar } from './load-unit-calendar.ts';

/**
 * The due time of a period under a unit's calendar (the city's when no unit is given), for `gandan calendar due`:
 * `workingDays` ends at the close of the n-th working day after the day of receipt; `days` at the close of the
 * n-th calendar day, moved to the next working day when that day is not one. Throws UNIT_NOT_FOUND.
 */
export async function computeDueTime(q: Queryable, input: { from: Date; unitCode?: string | undefined } & ({ workingDays: number } | { days: number })): Promise<Date> {
  let unitId: string | null = null;
  if (input.unitCode) {
    const unit = await findUnitByCode(q, input.unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitCode: input.unitCode });
    unitId = unit.id;
  }
  const calendar = await loadUnitCalendar(q, unitId);
  return 'workingDays' in input ? calendar.addWorkingDays(input.from, input.workingDays) : calendar.addCalendarDays(input.from, input.days);
}
