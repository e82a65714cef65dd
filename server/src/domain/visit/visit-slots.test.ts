import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBusinessCalendar, STANDARD_WEEK } from '../deadline/business-calendar.ts';
import { checkSlots, type SlotCheck, type VisitSlot } from './visit-slots.ts';

// Mon–Fri 07:30–11:30, 13:00–17:00; Wednesday 2/9/2026 is National Day.
const calendar = createBusinessCalendar({ weeklyHours: STANDARD_WEEK, daysOff: new Map([['2026-09-02', 'Quốc khánh']]), workingDays: new Map() });
const at = (local: string) => new Date(`${local}+07:00`);
const slot = (from: string, to: string): VisitSlot => ({ startsAt: at(from), endsAt: at(to) });
const now = at('2026-08-31T09:00'); // Monday

test('slot rules', () => {
  const busy = [slot('2026-09-01T09:00', '2026-09-01T10:00')];
  const table: [string, VisitSlot[], SlotCheck][] = [
    ['one slot in the morning of the next day', [slot('2026-09-01T08:00', '2026-09-01T08:30')], { ok: true }],
    ['later the same day', [slot('2026-08-31T09:15', '2026-08-31T09:45')], { ok: true }],
    ['two slots that touch but do not overlap', [slot('2026-09-01T08:00', '2026-09-01T08:30'), slot('2026-09-01T08:30', '2026-09-01T09:00')], { ok: true }],
    ['already started', [slot('2026-08-31T09:00', '2026-08-31T09:30')], { ok: false, problems: [{ slot: 1, problem: 'in_past' }] }],
    ['yesterday', [slot('2026-08-28T09:00', '2026-08-28T09:30')], { ok: false, problems: [{ slot: 1, problem: 'in_past' }] }],
    ['more than 30 days ahead', [slot('2026-10-05T09:00', '2026-10-05T09:30')], { ok: false, problems: [{ slot: 1, problem: 'too_far' }] }],
    ['10 minutes', [slot('2026-09-01T08:00', '2026-09-01T08:10')], { ok: false, problems: [{ slot: 1, problem: 'too_short' }] }],
    ['five hours', [slot('2026-09-03T07:30', '2026-09-03T12:30')], { ok: false, problems: [{ slot: 1, problem: 'too_long' }] }],
    ['over the lunch break', [slot('2026-09-01T11:15', '2026-09-01T13:15')], { ok: false, problems: [{ slot: 1, problem: 'outside_working_hours' }] }],
    ['after 17:00', [slot('2026-09-01T16:45', '2026-09-01T17:15')], { ok: false, problems: [{ slot: 1, problem: 'outside_working_hours' }] }],
    ['on a public holiday', [slot('2026-09-02T09:00', '2026-09-02T09:30')], { ok: false, problems: [{ slot: 1, problem: 'outside_working_hours' }] }],
    ['on a Saturday', [slot('2026-09-05T09:00', '2026-09-05T09:30')], { ok: false, problems: [{ slot: 1, problem: 'outside_working_hours' }] }],
    [
      'two overlapping slots',
      [slot('2026-09-03T08:00', '2026-09-03T09:00'), slot('2026-09-03T08:30', '2026-09-03T09:30')],
      { ok: false, problems: [{ slot: 1, problem: 'overlaps_other_slot' }, { slot: 2, problem: 'overlaps_other_slot' }] },
    ],
    ['the officer has another visit then', [slot('2026-09-01T09:30', '2026-09-01T10:30')], { ok: false, problems: [{ slot: 1, problem: 'officer_busy' }] }],
    ['right after the officer’s other visit', [slot('2026-09-01T10:00', '2026-09-01T10:30')], { ok: true }],
    ['no slot', [], { ok: false, count: 0 }],
    ['six slots', Array.from({ length: 6 }, (_, i) => slot(`2026-09-0${i + 1}T08:00`, `2026-09-0${i + 1}T08:30`)), { ok: false, count: 6 }],
  ];
  for (const [name, slots, expected] of table) assert.deepEqual(checkSlots(slots, { now, workingTimeBetween: calendar.workingTimeBetween, officerBusy: busy }), expected, name);
});
