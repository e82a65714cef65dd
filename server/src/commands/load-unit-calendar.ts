import type { Queryable } from '../db/client.ts';
import { loadCalendarRows } from '../db/repositories/calendar.repo.ts';
import { createBusinessCalendar, type BusinessCalendar } from '../domain/deadline/business-calendar.ts';
import { buildCalendarSpec } from '../domain/deadline/calendar-spec.ts';

/** A unit's working calendar (null: the city-wide one) as stored: its hours or the city's, city and unit days. */
export async function loadUnitCalendar(q: Queryable, unitId: string | null): Promise<BusinessCalendar> {
  const { hours, days } = await loadCalendarRows(q, unitId);
  return createBusinessCalendar(buildCalendarSpec(hours, days));
}
