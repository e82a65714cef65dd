import type { WorkingHoursRow } from '../../../../contracts/api.ts';

/** Monday first, as Vietnamese calendars are printed. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One weekday's periods as "07:30-11:30, 13:00-17:00" ("" for a rest day). */
export function formatPeriods(rows: readonly WorkingHoursRow[], weekday: number): string {
  return rows
    .filter((r) => r.weekday === weekday)
    .sort((a, b) => a.startMinute - b.startMinute)
    .map((r) => `${clock(r.startMinute)}-${clock(r.endMinute)}`)
    .join(', ');
}

const PERIOD = /^(\d{1,2})[:h.](\d{2})\s*[-–]\s*(\d{1,2})[:h.](\d{2})$/;

/** Parses "07:30-11:30, 13:00-17:00" into rows for the weekday; null when a period is unreadable, reversed or overlapping. */
export function parsePeriods(text: string, weekday: number): WorkingHoursRow[] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const rows: WorkingHoursRow[] = [];
  for (const part of parts) {
    const m = PERIOD.exec(part);
    if (!m) return null;
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return null;
    const row = { weekday, startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
    if (row.endMinute <= row.startMinute || row.endMinute > 1440) return null;
    rows.push(row);
  }
  rows.sort((a, b) => a.startMinute - b.startMinute);
  return rows.every((r, i) => i === 0 || rows[i - 1]!.endMinute <= r.startMinute) ? rows : null;
}
