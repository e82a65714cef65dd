import type { Queryable } from '../db/client.ts';
import { calendarWrites, loadCalendarRows } from '../db/repositories/calendar.repo.ts';
import { createBusinessCalendar, type BusinessCalendar } from '../domain/deadline/business-calendar.ts';
import { buildCalendarSpec } from '../domain/deadline/calendar-spec.ts';

/** A unit's working calendar (null: the city-wide one) as stored: its hours or the city's, city and unit days. */
export async function loadUnitCalendar(q: Queryable, unitId: string | null): Promise<BusinessCalendar> {
  const { hours, days } = await loadCalendarRows(q, unitId);
  return createBusinessCalendar(buildCalendarSpec(hours, days));
}

/** How long intake reuses a unit's calendar. Edits made by this process are seen at once, others' within this. */
export const CALENDAR_CACHE_MS = 10_000;
const cache = new Map<string, { calendar: BusinessCalendar; loadedAtMs: number; writes: number }>();

/**
 * `loadUnitCalendar` for the intake path, where every new case needs its unit's calendar: kept for
 * CALENDAR_CACHE_MS (calendars change a few times a year; a deadline computed meanwhile by another process may
 * miss an edit made in the last 10 seconds). Any calendar write by this process empties the cache.
 */
export async function loadUnitCalendarCached(q: Queryable, unitId: string): Promise<BusinessCalendar> {
  // Keyed by the unit's id (a UUID, unique across databases); measured on the monotonic clock.
  const nowMs = performance.now();
  const hit = cache.get(unitId);
  if (hit && hit.writes === calendarWrites() && nowMs - hit.loadedAtMs < CALENDAR_CACHE_MS) return hit.calendar;
  const writes = calendarWrites();
  const calendar = await loadUnitCalendar(q, unitId);
  if (cache.size > 1_000) cache.clear();
  cache.set(unitId, { calendar, loadedAtMs: nowMs, writes });
  return calendar;
}
