import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCalendar } from '../../deadline/load-deadline-data.ts';
import { hungKingsDayOn, lunarNewYearOn } from './lunar-calendar.ts';
import { compensatoryDaysOff, defaultNationalDayAdjacent, statutoryHolidays, tetDays } from './vn-holidays.ts';

test('Tết 2026: Monday 16/2 (last day of the year) to Friday 20/2 (mùng 4)', () => {
  assert.deepEqual(tetDays(2026), ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
});

test('Tết 2025 as announced: two days before mùng 1 (27/1–31/1)', () => {
  assert.deepEqual(tetDays(2025, 2), ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
});

const ADJACENT: [number, string][] = [
  [2025, '09-01'], // 2/9 Tuesday → Monday 1/9
  [2027, '09-03'], // Thursday → Friday 3/9
  [2028, '09-01'], // Saturday → Friday 1/9
];
for (const [year, day] of ADJACENT) test(`the day next to 2/9/${year} is ${day}`, () => assert.equal(defaultNationalDayAdjacent(year), day));

test('a year has 11 statutory holidays (Labour Code 2019 Art. 112)', () => {
  for (const y of [2025, 2026, 2027, 2028]) assert.equal(statutoryHolidays(y).length, 11);
});

const COMPENSATORY: [number, string[]][] = [
  [2026, ['2026-04-27']], // Hùng Kings on Sunday 26/4
  [2027, ['2027-02-10', '2027-02-11', '2027-05-03']], // mùng 1–2 on the weekend; 1/5 on Saturday
  [2028, ['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04']],
];
for (const [year, days] of COMPENSATORY) {
  test(`compensatory days off ${year}: ${days.join(', ')}`, () => {
    assert.deepEqual(compensatoryDaysOff(statutoryHolidays(year)).map((d) => d.on), days);
  });
}

test('the shipped data agrees with the lunar computation and holds the announced 2025 swap', () => {
  const data = loadShippedCalendar();
  assert.deepEqual(data.years.map((y) => y.year), [2025, 2026, 2027, 2028]);
  for (const y of data.years) {
    assert.equal(y.lunarNewYear, lunarNewYearOn(y.year));
    assert.equal(y.hungKingsDay, hungKingsDayOn(y.year));
    assert.ok(y.days.some((d) => d.on === y.lunarNewYear && d.kind === 'holiday'));
    assert.ok(y.days.some((d) => d.on === y.hungKingsDay && d.kind === 'holiday'));
  }
  const d2025 = data.years[0]?.days ?? [];
  assert.ok(d2025.some((d) => d.on === '2025-04-26' && d.kind === 'working_day'));
  assert.ok(d2025.some((d) => d.on === '2025-05-02' && d.kind === 'day_off'));
});
