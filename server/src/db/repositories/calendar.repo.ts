import type { CalendarDayKind } from '../../domain/deadline/vn-holidays.ts';
import type { ExceptionDay, WeeklyHoursRow } from '../../domain/deadline/calendar-spec.ts';
import type { Queryable } from '../client.ts';

const NO_UNIT = "'00000000-0000-0000-0000-000000000000'::uuid";

export type CalendarDayStatus = 'law' | 'computed' | 'announced' | 'needs_checking';

export type CalendarDayRow = {
  id: number;
  unitId: string | null;
  on: string;
  kind: CalendarDayKind;
  name: string;
  nameEn: string | null;
  basis: string | null;
  status: CalendarDayStatus;
  isActive: boolean;
  origin: 'seed' | 'admin';
};

export type ShippedDay = { on: string; kind: CalendarDayKind; name: string; nameEn: string; basis: string; status: CalendarDayStatus; active: boolean };

/**
 * Writes the shipped city-wide days: new dates are inserted, seed rows follow the data, rows an administrator
 * edited (origin 'admin') are left alone. Returns how many rows were written.
 */
let writes = 0;

/**
 * How many calendar or working-hours writes this process has made: read caches (load-unit-calendar.ts) drop
 * what they hold when it changes.
 */
export function calendarWrites(): number {
  return writes;
}

export async function upsertShippedCalendarDays(q: Queryable, days: readonly ShippedDay[], at: Date): Promise<number> {
  writes += 1;
  const rows = await q.query(
    `INSERT INTO calendar_days (unit_id, on_date, kind, name, name_en, basis, status, is_active, origin, updated_at)
     SELECT NULL, d.on_date, d.kind, d.name, d.name_en, d.basis, d.status, d.is_active, 'seed', $8
       FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) AS d(on_date, kind, name, name_en, basis, status, is_active)
     ON CONFLICT ((coalesce(unit_id, ${NO_UNIT})), on_date) DO UPDATE
       SET kind = excluded.kind, name = excluded.name, name_en = excluded.name_en, basis = excluded.basis, status = excluded.status, is_active = excluded.is_active, updated_at = excluded.updated_at
       WHERE calendar_days.origin = 'seed'
         AND (calendar_days.kind, calendar_days.name, calendar_days.name_en, calendar_days.basis, calendar_days.status, calendar_days.is_active)
             IS DISTINCT FROM (excluded.kind, excluded.name, excluded.name_en, excluded.basis, excluded.status, excluded.is_active)
     RETURNING 1`,
    [days.map((d) => d.on), days.map((d) => d.kind), days.map((d) => d.name), days.map((d) => d.nameEn), days.map((d) => d.basis), days.map((d) => d.status), days.map((d) => d.active), at],
  );
  return rows.length;
}

/** Inserts the city's default weekly hours when the city has none yet. */
export async function ensureCityWorkingHours(q: Queryable, hours: readonly WeeklyHoursRow[]): Promise<void> {
  writes += 1;
  await q.query(
    `INSERT INTO unit_working_hours (unit_id, weekday, start_minute, end_minute)
     SELECT NULL, h.weekday, h.start_minute, h.end_minute FROM unnest($1::smallint[], $2::int[], $3::int[]) AS h(weekday, start_minute, end_minute)
      WHERE NOT EXISTS (SELECT 1 FROM unit_working_hours WHERE unit_id IS NULL)`,
    [hours.map((h) => h.weekday), hours.map((h) => h.startMinute), hours.map((h) => h.endMinute)],
  );
}

/**
 * What a unit's calendar is built from: its own weekly hours (else the city's), and the active city-wide and
 * unit days, city rows first so that the unit's row for the same date wins.
 */
export async function loadCalendarRows(q: Queryable, unitId: string | null): Promise<{ hours: WeeklyHoursRow[]; days: ExceptionDay[] }> {
  const hourRows = await q.query<{ unit_id: string | null; weekday: number; start_minute: number; end_minute: number }>(
    'SELECT unit_id, weekday, start_minute, end_minute FROM unit_working_hours WHERE unit_id IS NULL OR unit_id = $1',
    [unitId],
  );
  const own = hourRows.filter((h) => h.unit_id !== null);
  const hours = (own.length > 0 ? own : hourRows).map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute }));
  const days = await q.query<{ day: string; kind: CalendarDayKind; name: string }>(
    `SELECT on_date::text AS day, kind, name FROM calendar_days
      WHERE is_active AND (unit_id IS NULL OR unit_id = $1)
      ORDER BY unit_id IS NOT NULL, on_date`,
    [unitId],
  );
  return { hours, days: days.map((d) => ({ on: d.day, kind: d.kind, name: d.name })) };
}

export async function listCalendarDays(q: Queryable, unitId: string | null, from: string, to: string): Promise<CalendarDayRow[]> {
  const rows = await q.query<{ id: number; unit_id: string | null; day: string; kind: CalendarDayKind; name: string; name_en: string | null; basis: string | null; status: CalendarDayStatus; is_active: boolean; origin: 'seed' | 'admin' }>(
    `SELECT id, unit_id, on_date::text AS day, kind, name, name_en, basis, status, is_active, origin FROM calendar_days
      WHERE (unit_id IS NULL OR unit_id = $1) AND on_date BETWEEN $2::date AND $3::date ORDER BY on_date, unit_id NULLS FIRST`,
    [unitId, from, to],
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, on: r.day, kind: r.kind, name: r.name, nameEn: r.name_en, basis: r.basis, status: r.status, isActive: r.is_active, origin: r.origin }));
}

export type CalendarDayEdit = { unitId: string | null; on: string; kind: CalendarDayKind; name: string; nameEn?: string | undefined; basis?: string | undefined; isActive: boolean; staffId: string; at: Date };

/** Creates or replaces one day (city-wide or for a unit) as an administrator's edit. */
export async function upsertCalendarDay(q: Queryable, e: CalendarDayEdit): Promise<void> {
  writes += 1;
  await q.query(
    `INSERT INTO calendar_days (unit_id, on_date, kind, name, name_en, basis, status, is_active, origin, updated_at, updated_by)
     VALUES ($1, $2::date, $3, $4, $5, $6, 'announced', $7, 'admin', $8, $9)
     ON CONFLICT ((coalesce(unit_id, ${NO_UNIT})), on_date) DO UPDATE
       SET kind = excluded.kind, name = excluded.name, name_en = excluded.name_en, basis = coalesce(excluded.basis, calendar_days.basis),
           status = excluded.status, is_active = excluded.is_active, origin = 'admin', updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [e.unitId, e.on, e.kind, e.name, e.nameEn ?? null, e.basis ?? null, e.isActive, e.at, e.staffId],
  );
}

/** Replaces a unit's weekly hours (unitId null: the city default); an empty list returns the unit to the city's hours. */
export async function replaceWorkingHours(q: Queryable, unitId: string | null, hours: readonly WeeklyHoursRow[]): Promise<void> {
  writes += 1;
  await q.query('DELETE FROM unit_working_hours WHERE unit_id IS NOT DISTINCT FROM $1', [unitId]);
  if (hours.length === 0) return;
  await q.query(
    `INSERT INTO unit_working_hours (unit_id, weekday, start_minute, end_minute)
     SELECT $1, h.weekday, h.start_minute, h.end_minute FROM unnest($2::smallint[], $3::int[], $4::int[]) AS h(weekday, start_minute, end_minute)`,
    [unitId, hours.map((h) => h.weekday), hours.map((h) => h.startMinute), hours.map((h) => h.endMinute)],
  );
}

/** One stored day (city-wide when unitId is null), active or not. */
export async function findCalendarDay(q: Queryable, unitId: string | null, on: string): Promise<CalendarDayRow | undefined> {
  const rows = await q.query<{
    id: number;
    unit_id: string | null;
    day: string;
    kind: CalendarDayKind;
    name: string;
    name_en: string | null;
    basis: string | null;
    status: CalendarDayStatus;
    is_active: boolean;
    origin: 'seed' | 'admin';
  }>(
    `SELECT id, unit_id, on_date::text AS day, kind, name, name_en, basis, status, is_active, origin FROM calendar_days
      WHERE unit_id IS NOT DISTINCT FROM $1 AND on_date = $2::date`,
    [unitId, on],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      unitId: r.unit_id,
      on: r.day,
      kind: r.kind,
      name: r.name,
      nameEn: r.name_en,
      basis: r.basis,
      status: r.status,
      isActive: r.is_active,
      origin: r.origin,
    }
  );
}

/** A unit's own weekly hours (unitId null: the city default), in order; [] when the unit uses the city's. */
export async function listOwnWorkingHours(q: Queryable, unitId: string | null): Promise<WeeklyHoursRow[]> {
  const rows = await q.query<{ weekday: number; start_minute: number; end_minute: number }>(
    'SELECT weekday, start_minute, end_minute FROM unit_working_hours WHERE unit_id IS NOT DISTINCT FROM $1 ORDER BY weekday, start_minute',
    [unitId],
  );
  return rows.map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute }));
}
