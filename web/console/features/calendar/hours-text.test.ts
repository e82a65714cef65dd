import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPeriods, parsePeriods } from './hours-text.ts';

void test('working periods read back as they are written', () => {
  const rows = parsePeriods('13:00-17:00, 7:30 - 11:30', 1);
  assert.deepEqual(rows, [
    { weekday: 1, startMinute: 450, endMinute: 690 },
    { weekday: 1, startMinute: 780, endMinute: 1020 },
  ]);
  assert.equal(formatPeriods(rows!, 1), '07:30-11:30, 13:00-17:00');
  assert.deepEqual(parsePeriods('', 6), []);
  assert.equal(formatPeriods([], 6), '');
});

void test('unreadable, reversed and overlapping periods are refused', () => {
  for (const bad of ['7-11', '11:30-07:30', '07:30-11:30, 11:00-12:00', '25:00-26:00', 'sáng'])
    assert.equal(parsePeriods(bad, 1), null, bad);
});
