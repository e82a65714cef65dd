import { STANDARD_WEEK, type CalendarSpec, type WorkingPeriod } from './business-calendar.ts';
import type { CalendarDayKind } from './vn-holidays.ts';
import type { LocalDate } from './local-date.ts';

export type WeeklyHoursRow = { weekday: number; startMinute: number; endMinute: number };
export type ExceptionDay = { on: LocalDate; kind: CalendarDayKind; name: string };

/**
 * A calendar spec from stored rows: the unit's weekly hours (the standard week when it has none) and the days
 * that differ from it. When city-wide and unit rows name the same date, pass the unit's row last: it wins.
 */
export function buildCalendarSpec(hours: readonly WeeklyHoursRow[], days: readonly ExceptionDay[]): CalendarSpec {
  let weeklyHours: readonly (readonly WorkingPeriod[])[] = STANDARD_WEEK;
  if (hours.length > 0) {
    const week: WorkingPeriod[][] = [[], [], [], [], [], [], []];
    for (const h of hours) week[h.weekday]?.push({ startMinute: h.startMinute, endMinute: h.endMinute });
    for (const d of week) d.sort((a, b) => a.startMinute - b.startMinute);
    weeklyHours = week;
  }
  const daysOff = new Map<LocalDate, string>();
  const workingDays = new Map<LocalDate, string>();
  for (const d of days) {
    daysOff.delete(d.on);
    workingDays.delete(d.on);
    (d.kind === 'working_day' ? workingDays : daysOff).set(d.on, d.name);
  }
  return { weeklyHours, daysOff, workingDays };
}
