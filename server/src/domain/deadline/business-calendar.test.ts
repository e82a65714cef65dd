import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCalendar } from '../../deadline/load-deadline-data.ts';
import { createBusinessCalendar } from './business-calendar.ts';
import { buildCalendarSpec } from './calendar-spec.ts';
import { formatVietnamTime } from './local-date.ts';

/** The city calendar as shipped (active days only), standard hours. */
export function shippedCityCalendar() {
  const days = loadShippedCalendar().years.flatMap((y) => y.days.filter((d) => d.active));
  return createBusinessCalendar(buildCalendarSpec([], days));
}
const cal = shippedCityCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const H = 3_600_000;

const WORKING_DAYS: [string, string, number, string][] = [
  ['Tết 2026: Thu 12/2 + 3 skips 14/2–22/2', '2026-02-12T10:00', 3, '2026-02-24T17:00:00+07:00'],
  ['Tết 2026: Fri 13/2 afternoon + 1 → Mon 23/2', '2026-02-13T16:00', 1, '2026-02-23T17:00:00+07:00'],
  ['received during Tết counts from the first working day after it', '2026-02-18T09:00', 1, '2026-02-24T17:00:00+07:00'],
  ['30/4–1/5 2025 bridge: Tue 29/4 + 1 → Mon 5/5 (2/5 swapped off)', '2025-04-29T09:00', 1, '2025-05-05T17:00:00+07:00'],
  ['make-up Saturday 26/4/2025 is a working day', '2025-04-25T10:00', 1, '2025-04-26T17:00:00+07:00'],
  ['2/9 2025 with Monday 1/9: Fri 29/8 + 1 → Wed 3/9', '2025-08-29T10:00', 1, '2025-09-03T17:00:00+07:00'],
  ['2/9 2026 with Tuesday 1/9: Mon 31/8 + 1 → Thu 3/9', '2026-08-31T10:00', 1, '2026-09-03T17:00:00+07:00'],
  ['Hùng Kings on Sunday 26/4/2026: compensatory Monday 27/4', '2026-04-24T10:00', 1, '2026-04-28T17:00:00+07:00'],
  ['a deadline spanning 30/4–1/5/2026', '2026-04-28T09:00', 5, '2026-05-07T17:00:00+07:00'],
  ['after hours counts as received the next working day', '2026-03-02T18:00', 1, '2026-03-04T17:00:00+07:00'],
  ['received on Saturday counts from Monday', '2026-03-07T10:00', 1, '2026-03-10T17:00:00+07:00'],
  ['0 working days: the end of the day of receipt', '2026-03-02T16:59', 0, '2026-03-02T17:00:00+07:00'],
  ['0 working days on a Sunday: the end of Monday', '2026-03-08T10:00', 0, '2026-03-09T17:00:00+07:00'],
  ['New Year 2028 on Saturday: Monday 3/1 off', '2027-12-31T10:00', 1, '2028-01-04T17:00:00+07:00'],
];
for (const [name, from, n, due] of WORKING_DAYS) {
  test(`addWorkingDays: ${name}`, () => assert.equal(formatVietnamTime(cal.addWorkingDays(at(from), n)), due));
}

test('addWorkingDays with a 15:00 cutoff (same-day procedures)', () => {
  assert.equal(formatVietnamTime(cal.addWorkingDays(at('2026-03-02T14:59'), 0, { cutoffMinute: 900 })), '2026-03-02T17:00:00+07:00');
  assert.equal(formatVietnamTime(cal.addWorkingDays(at('2026-03-02T15:00'), 0, { cutoffMinute: 900 })), '2026-03-03T17:00:00+07:00');
  assert.equal(formatVietnamTime(cal.addWorkingDays(at('2026-02-13T15:30'), 0, { cutoffMinute: 900 })), '2026-02-23T17:00:00+07:00');
});

const CALENDAR_DAYS: [string, string, number, string][] = [
  ['30 days ending in Tết 2026 move to Monday 23/2', '2026-01-19T10:00', 30, '2026-02-23T17:00:00+07:00'],
  ['30 days ending on 30/4/2025 move past the swapped 2/5 to 5/5', '2025-03-31T10:00', 30, '2025-05-05T17:00:00+07:00'],
  ['30 days ending on a Tuesday stay', '2026-03-03T08:00', 28, '2026-03-31T17:00:00+07:00'],
  ['counted from the calendar day even when received on Sunday', '2026-03-08T10:00', 1, '2026-03-09T17:00:00+07:00'],
];
for (const [name, from, n, due] of CALENDAR_DAYS) {
  test(`addCalendarDays: ${name}`, () => assert.equal(formatVietnamTime(cal.addCalendarDays(at(from), n)), due));
}

const WORKING_TIME: [string, boolean][] = [
  ['2026-03-02T07:29', false],
  ['2026-03-02T07:30', true],
  ['2026-03-02T11:29', true],
  ['2026-03-02T11:30', false],
  ['2026-03-02T12:15', false],
  ['2026-03-02T13:00', true],
  ['2026-03-02T16:59', true],
  ['2026-03-02T17:00', false],
  ['2026-03-07T09:00', false], // Saturday
  ['2026-02-17T09:00', false], // mùng 1 Tết
  ['2025-04-26T09:00', true], // make-up Saturday
  ['2025-05-02T09:00', false], // swapped day off
];
for (const [when, expected] of WORKING_TIME) test(`isWorkingTime ${when} → ${expected}`, () => assert.equal(cal.isWorkingTime(at(when)), expected));

const BETWEEN: [string, string, string, number][] = [
  ['over a weekend', '2026-03-06T16:00', '2026-03-09T08:00', 1.5 * H],
  ['over lunch', '2026-03-02T11:00', '2026-03-02T13:30', 1 * H],
  ['over Tết 2026', '2026-02-13T16:00', '2026-02-23T08:30', 2 * H],
  ['a whole weekend outside hours', '2026-03-06T17:00', '2026-03-09T07:30', 0],
  ['one full week', '2026-03-02T00:00', '2026-03-09T00:00', 40 * H],
  ['reversed is zero', '2026-03-09T08:00', '2026-03-06T16:00', 0],
];
for (const [name, a, b, ms] of BETWEEN) test(`workingTimeBetween ${name}`, () => assert.equal(cal.workingTimeBetween(at(a), at(b)), ms));

const HOURS: [string, number, string][] = [
  ['2026-03-06T16:00', 2, '2026-03-09T08:30:00+07:00'],
  ['2026-03-02T11:00', 1, '2026-03-02T13:30:00+07:00'],
  ['2026-03-09T08:00', -1, '2026-03-06T16:30:00+07:00'],
  ['2026-03-07T10:00', 8, '2026-03-09T17:00:00+07:00'],
];
for (const [from, h, to] of HOURS) test(`addWorkingHours ${from} ${h > 0 ? '+' : ''}${h} h → ${to}`, () => assert.equal(formatVietnamTime(cal.addWorkingHours(at(from), h)), to));

test('per-unit hours: a one-stop desk open on Saturday mornings', () => {
  const unit = createBusinessCalendar(
    buildCalendarSpec(
      [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, startMinute: 450, endMinute: 690 }, { weekday, startMinute: 780, endMinute: 1020 }]).concat([{ weekday: 6, startMinute: 450, endMinute: 690 }]),
      [],
    ),
  );
  assert.equal(formatVietnamTime(unit.addWorkingDays(at('2026-03-05T10:00'), 2)), '2026-03-07T11:30:00+07:00');
  assert.equal(unit.isWorkingTime(at('2026-03-07T09:00')), true);
});

test('a unit day overrides a city day on the same date (the later row wins)', () => {
  const c = createBusinessCalendar(buildCalendarSpec([], [{ on: '2026-03-09', kind: 'day_off', name: 'city' }, { on: '2026-03-09', kind: 'working_day', name: 'unit' }]));
  assert.equal(c.isWorkingDay('2026-03-09'), true);
});

test('a week without working hours is refused', () => {
  assert.throws(() => createBusinessCalendar({ weeklyHours: [[], [], [], [], [], [], []], daysOff: new Map(), workingDays: new Map() }), /working hours/);
});
