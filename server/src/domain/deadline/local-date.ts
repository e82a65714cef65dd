/**
 * Calendar dates and instants in Vietnam time. Vietnam keeps UTC+7 all year (no daylight saving), so a fixed
 * offset is exact; dates are `YYYY-MM-DD` strings and days are counted from 1970-01-01 (local).
 */

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type LocalDate = string;

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date. Throws on a malformed or impossible date. */
export function dayIndexOf(on: LocalDate): number {
  const m = DATE_RE.exec(on);
  if (!m) throw new Error(`not a date: ${on}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDayIndex(ms / DAY_MS) !== on) throw new Error(`not a date: ${on}`);
  return ms / DAY_MS;
}

export function formatDayIndex(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local day (days since 1970-01-01) an instant falls on. */
export function localDayOf(at: Date | number): number {
  return Math.floor(((typeof at === 'number' ? at : at.getTime()) + VN_OFFSET_MS) / DAY_MS);
}

export function localDateOf(at: Date | number): LocalDate {
  return formatDayIndex(localDayOf(at));
}

/** 0 = Sunday … 6 = Saturday (as Date#getDay). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The instant of a local day at a minute after local midnight. */
export function instantAt(day: number, minute: number): number {
  return day * DAY_MS - VN_OFFSET_MS + minute * 60_000;
}

export function addDays(on: LocalDate, days: number): LocalDate {
  return formatDayIndex(dayIndexOf(on) + days);
}

/** `2026-02-24T17:00:00+07:00`: an instant in Vietnam time, second precision. */
export function formatVietnamTime(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** `HH:MM` → minutes after midnight. Throws on anything else. */
export function parseClockTime(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new Error(`not a time of day: ${hhmm}`);
  return minutes;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
