import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hungKingsDayOn, lunarNewYearOn, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

// Vietnamese Tết (UTC+7). 1985 and 2007 are the years where Vietnam and China (UTC+8) differ.
const TET: [number, string][] = [
  [1985, '1985-01-21'],
  [2007, '2007-02-17'],
  [2020, '2020-01-25'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
];
for (const [year, on] of TET) test(`Tết ${year} is ${on}`, () => assert.equal(lunarNewYearOn(year), on));

const HUNG_KINGS: [number, string][] = [
  [2024, '2024-04-18'],
  [2025, '2025-04-07'],
  [2026, '2026-04-26'],
  [2027, '2027-04-16'],
  [2028, '2028-04-04'],
];
for (const [year, on] of HUNG_KINGS) test(`Giỗ Tổ Hùng Vương ${year} is ${on}`, () => assert.equal(hungKingsDayOn(year), on));

test('the last day of the lunar year before Tết 2026 is 29 tháng Chạp (a short month)', () => {
  assert.deepEqual(solarToLunar('2026-02-16'), { day: 29, month: 12, year: 2025, isLeapMonth: false });
});

test('2025 has a leap sixth month starting 2025-07-25, and conversion round-trips through it', () => {
  assert.deepEqual(solarToLunar('2025-07-25'), { day: 1, month: 6, year: 2025, isLeapMonth: true });
  assert.equal(lunarToSolar({ day: 1, month: 6, year: 2025, isLeapMonth: true }), '2025-07-25');
  assert.throws(() => lunarToSolar({ day: 1, month: 5, year: 2025, isLeapMonth: true }), /no leap month/);
  assert.throws(() => lunarToSolar({ day: 1, month: 5, year: 2026, isLeapMonth: true }), /no leap month/);
});

test('solar → lunar → solar round-trips every day of 2025–2028', () => {
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
    const on = new Date(t).toISOString().slice(0, 10);
    assert.equal(lunarToSolar(solarToLunar(on)), on);
  }
});
