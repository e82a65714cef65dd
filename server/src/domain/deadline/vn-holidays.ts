/**
 * Vietnam's public holidays for one year as the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) defines them:
 * Art. 112(1) lists the holidays, Art. 111(3) gives a compensatory day off on the next working day when a holiday
 * falls on the weekly rest day. The Prime Minister fixes the exact Tết days and the day next to 2/9 each year and
 * may swap working days; those announcements are data (reference-data/calendar), these are the defaults.
 */
import { addDays, dayIndexOf, formatDayIndex, weekdayOfDay, type LocalDate } from './local-date.ts';
import { hungKingsDayOn, lunarNewYearOn, solarToLunar } from './lunar-calendar.ts';

export type CalendarDayKind = 'holiday' | 'day_off' | 'working_day';

/** One day that differs from the ordinary week: a public holiday, another day off, or a make-up working day. */
export type CalendarDay = { on: LocalDate; kind: CalendarDayKind; name: string; nameEn: string; basis: string };

export type HolidayChoices = {
  /** Days of the old lunar year in the 5 Tết days (the rest are the first days of the new year); default 1. */
  tetDaysBefore?: number;
  /** The day next to 2/9: 1 September or 3 September; default: the one that joins a weekend. */
  nationalDayAdjacent?: '09-01' | '09-03';
};

const LC = 'Bộ luật Lao động 2019 Điều 112(1)';
const COMPENSATION = 'Bộ luật Lao động 2019 Điều 111(3) (nghỉ bù khi trùng ngày nghỉ hằng tuần)';

/** The five Tết days: the last `before` days of the old lunar year, then the first days of the new one. */
export function tetDays(year: number, before = 1): LocalDate[] {
  const newYear = lunarNewYearOn(year);
  return Array.from({ length: 5 }, (_, i) => addDays(newYear, i - before));
}

/** 1 or 3 September: the day that makes a long weekend (Tuesday → Monday 1/9, Thursday → Friday 3/9 …). */
export function defaultNationalDayAdjacent(year: number): '09-01' | '09-03' {
  const wd = weekdayOfDay(dayIndexOf(`${year}-09-02`));
  // Mon → 3/9 (Tue); Tue → 1/9 (Mon); Wed → 1/9; Thu → 3/9 (Fri); Fri → 1/9 (Thu); Sat → 1/9 (Fri); Sun → 1/9 (Sat, compensated)
  return wd === 1 || wd === 4 ? '09-03' : '09-01';
}

/** The statutory holidays of a year (no compensatory days). */
export function statutoryHolidays(year: number, choices: HolidayChoices = {}): CalendarDay[] {
  const days: CalendarDay[] = [
    { on: `${year}-01-01`, kind: 'holiday', name: 'Tết Dương lịch', nameEn: "New Year's Day", basis: `${LC}(a)` },
  ];
  const before = choices.tetDaysBefore ?? 1;
  for (const on of tetDays(year, before)) {
    const lunar = solarToLunar(on);
    const label = lunar.month === 1 ? `mùng ${lunar.day}` : `${lunar.day} tháng Chạp`;
    days.push({ on, kind: 'holiday', name: `Tết Âm lịch (${label})`, nameEn: 'Lunar New Year (Tết)', basis: `${LC}(b)` });
  }
  days.push(
    { on: hungKingsDayOn(year), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: 'Hung Kings Commemoration Day', basis: `${LC}(đ)` },
    { on: `${year}-04-30`, kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day', basis: `${LC}(c)` },
    { on: `${year}-05-01`, kind: 'holiday', name: 'Ngày Quốc tế lao động (1/5)', nameEn: 'International Labour Day', basis: `${LC}(d)` },
    { on: `${year}-09-02`, kind: 'holiday', name: 'Quốc khánh (2/9)', nameEn: 'National Day', basis: `${LC}(đ)` },
  );
  const adjacent = choices.nationalDayAdjacent ?? defaultNationalDayAdjacent(year);
  days.push({ on: `${year}-${adjacent}`, kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)', basis: `${LC}(đ)` });
  return days.sort((a, b) => a.on.localeCompare(b.on));
}

/**
 * Compensatory days off: each holiday on a Saturday or Sunday gives a day off on the next day that is neither a
 * weekend day nor a holiday (state bodies work Monday to Friday).
 */
export function compensatoryDaysOff(holidays: readonly CalendarDay[]): CalendarDay[] {
  const taken = new Set(holidays.map((h) => h.on));
  const out: CalendarDay[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.on)) continue;
    let day = dayIndexOf(h.on) + 1;
    while (isWeekend(formatDayIndex(day)) || taken.has(formatDayIndex(day))) day++;
    const on = formatDayIndex(day);
    taken.add(on);
    out.push({ on, kind: 'day_off', name: `Nghỉ bù ${h.name} (${h.on})`, nameEn: `Compensatory day off for ${h.nameEn} (${h.on})`, basis: COMPENSATION });
  }
  return out;
}

function isWeekend(on: LocalDate): boolean {
  const wd = weekdayOfDay(dayIndexOf(on));
  return wd === 0 || wd === 6;
}
