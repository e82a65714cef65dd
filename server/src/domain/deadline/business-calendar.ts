/**
 * A unit's working calendar: working hours per weekday, days off (public holidays, compensatory and swapped
 * days off) and make-up working days. All arithmetic is in Vietnam time (UTC+7, no daylight saving).
 */
import { DAY_MS, dayIndexOf, instantAt, localDayOf, weekdayOfDay, type LocalDate } from './local-date.ts';

/** A working period within a day, in minutes after local midnight (07:30–11:30 is 450–690). */
export type WorkingPeriod = { startMinute: number; endMinute: number };

export type CalendarSpec = {
  /** Working periods per weekday, index 0 = Sunday … 6 = Saturday; an empty list is a rest day. */
  weeklyHours: readonly (readonly WorkingPeriod[])[];
  /** Days off on days that would be working days (holidays, compensatory and swapped days off), by date. */
  daysOff: ReadonlyMap<LocalDate, string>;
  /** Make-up working days on rest days, by date; they use `makeUpHours` (default: Monday's hours). */
  workingDays: ReadonlyMap<LocalDate, string>;
  makeUpHours?: readonly WorkingPeriod[];
};

/** Mon–Fri 07:30–11:30 and 13:00–17:00, the usual hours of HCMC's state bodies. */
export const STANDARD_HOURS: readonly WorkingPeriod[] = [
  { startMinute: 7 * 60 + 30, endMinute: 11 * 60 + 30 },
  { startMinute: 13 * 60, endMinute: 17 * 60 },
];
export const STANDARD_WEEK: readonly (readonly WorkingPeriod[])[] = [[], STANDARD_HOURS, STANDARD_HOURS, STANDARD_HOURS, STANDARD_HOURS, STANDARD_HOURS, []];

// Ten years without a working day means the calendar is misconfigured, not that the deadline is far away.
const MAX_SCAN_DAYS = 3660;

export type BusinessCalendar = ReturnType<typeof createBusinessCalendar>;

/** Builds the calendar functions over a spec. Throws when the week has no working hours at all. */
export function createBusinessCalendar(spec: CalendarSpec) {
  if (!spec.weeklyHours.some((p) => p.length > 0)) throw new Error('a calendar needs working hours on at least one weekday');
  const makeUp = spec.makeUpHours ?? spec.weeklyHours.find((p) => p.length > 0) ?? [];

  /** Working periods of a local day (days since 1970-01-01), in order. */
  function periodsOfDay(day: number): readonly WorkingPeriod[] {
    const on = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (spec.workingDays.has(on)) {
      const regular = spec.weeklyHours[weekdayOfDay(day)] ?? [];
      return regular.length > 0 ? regular : makeUp;
    }
    if (spec.daysOff.has(on)) return [];
    return spec.weeklyHours[weekdayOfDay(day)] ?? [];
  }

  const isWorkingDayIndex = (day: number) => periodsOfDay(day).length > 0;

  function nextWorkingDayIndex(day: number): number {
    for (let d = day + 1, i = 0; i < MAX_SCAN_DAYS; d++, i++) if (isWorkingDayIndex(d)) return d;
    throw new Error('no working day within ten years');
  }

  function endOfDay(day: number): number {
    const periods = periodsOfDay(day);
    const last = periods[periods.length - 1];
    if (!last) throw new Error('not a working day');
    return instantAt(day, last.endMinute);
  }

  /** Intervals [start, end) of working time from `from` onwards (forward) or before `from` (backward). */
  function* intervals(from: number, direction: 1 | -1): Generator<[number, number]> {
    const first = localDayOf(direction === 1 ? from : from - 1);
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      const day = first + i * direction;
      const periods = direction === 1 ? periodsOfDay(day) : [...periodsOfDay(day)].reverse();
      for (const p of periods) {
        const start = instantAt(day, p.startMinute);
        const end = instantAt(day, p.endMinute);
        if (direction === 1 && end > from) yield [Math.max(start, from), end];
        if (direction === -1 && start < from) yield [start, Math.min(end, from)];
      }
    }
    throw new Error('no working time within ten years');
  }

  /** The day a message received at `at` counts as received: that day if before `cutoffMinute` on a working day, else the next working day. */
  function receiptDay(at: number, cutoffMinute?: number): number {
    const day = localDayOf(at);
    const periods = periodsOfDay(day);
    const last = periods[periods.length - 1];
    if (!last) return nextWorkingDayIndex(day);
    const cutoff = instantAt(day, Math.min(cutoffMinute ?? last.endMinute, last.endMinute));
    return at < cutoff ? day : nextWorkingDayIndex(day);
  }

  return {
    isWorkingDay: (on: LocalDate) => isWorkingDayIndex(dayIndexOf(on)),

    /** True inside a working period of a working day. */
    isWorkingTime(at: Date): boolean {
      const t = at.getTime();
      const day = localDayOf(t);
      return periodsOfDay(day).some((p) => t >= instantAt(day, p.startMinute) && t < instantAt(day, p.endMinute));
    },

    /**
     * End of the n-th working day after the day of receipt (the day of receipt is not counted; n = 0 is the end
     * of that day). Received outside working hours, on a day off or after `cutoffMinute` counts as received on
     * the next working day.
     */
    addWorkingDays(from: Date, n: number, options: { cutoffMinute?: number } = {}): Date {
      if (!Number.isInteger(n) || n < 0) throw new Error('working days must be a whole number ≥ 0');
      let day = receiptDay(from.getTime(), options.cutoffMinute);
      for (let i = 0; i < n; i++) day = nextWorkingDayIndex(day);
      return new Date(endOfDay(day));
    },

    /**
     * End of working hours on the n-th calendar day after the day of `from` (the first day is not counted,
     * Civil Code 2015 Art. 147); a last day that is not a working day moves to the next working day (Art. 148(5)).
     */
    addCalendarDays(from: Date, n: number): Date {
      if (!Number.isInteger(n) || n < 0) throw new Error('days must be a whole number ≥ 0');
      let day = localDayOf(from) + n;
      if (!isWorkingDayIndex(day)) day = nextWorkingDayIndex(day);
      return new Date(endOfDay(day));
    },

    /** The instant after `ms` of working time counted from `from` (negative: counted backwards). */
    addWorkingTime(from: Date, ms: number): Date {
      if (ms === 0) return new Date(from);
      const direction = ms > 0 ? 1 : -1;
      let left = Math.abs(ms);
      for (const [start, end] of intervals(from.getTime(), direction)) {
        if (end - start >= left) return new Date(direction === 1 ? start + left : end - left);
        left -= end - start;
      }
      throw new Error('unreachable');
    },

    addWorkingHours(from: Date, hours: number): Date {
      return this.addWorkingTime(from, hours * 3_600_000);
    },

    /** Working time (ms) between two instants; 0 when b is not after a. Used to extend deadlines over pauses. */
    workingTimeBetween(a: Date, b: Date): number {
      const end = b.getTime();
      if (end <= a.getTime()) return 0;
      let total = 0;
      for (const [s, e] of intervals(a.getTime(), 1)) {
        if (s >= end) break;
        total += Math.min(e, end) - s;
        if (e >= end) break;
      }
      return total;
    },

    /** Length of a standard working day (the longest weekday), e.g. 8 h. */
    workingDayMs(): number {
      return Math.max(...spec.weeklyHours.map((ps) => ps.reduce((t, p) => t + (p.endMinute - p.startMinute) * 60_000, 0)));
    },
  };
}
