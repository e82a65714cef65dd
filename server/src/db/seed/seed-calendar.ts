import { STANDARD_WEEK } from '../../domain/deadline/business-calendar.ts';
import { loadShippedCalendar } from '../../deadline/load-deadline-data.ts';
import type { Queryable } from '../client.ts';
import { ensureCityWorkingHours, upsertShippedCalendarDays } from '../repositories/calendar.repo.ts';

/**
 * Seeds the city-wide calendar from reference-data/calendar (idempotent): public holidays, compensatory and
 * swapped days off, make-up working days, and the standard Monday–Friday hours when the city has none.
 * Days an administrator edited are kept as they are.
 */
export async function seedCalendar(db: Queryable, at = new Date()): Promise<{ written: number }> {
  const days = loadShippedCalendar().years.flatMap((y) => y.days);
  const written = await upsertShippedCalendarDays(db, days, at);
  await ensureCityWorkingHours(
    db,
    STANDARD_WEEK.flatMap((periods, weekday) => periods.map((p) => ({ weekday, startMinute: p.startMinute, endMinute: p.endMinute }))),
  );
  return { written };
}
