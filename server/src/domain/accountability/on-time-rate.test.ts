import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onTimeRate, type OnTimeCounts } from './on-time-rate.ts';

const table: { name: string; counts: OnTimeCounts; rate: number | null }[] = [
  { name: 'nothing to measure', counts: { closedOnTime: 0, closedLate: 0, openPastDue: 0 }, rate: null },
  { name: 'all closed on time, nothing overdue', counts: { closedOnTime: 4, closedLate: 0, openPastDue: 0 }, rate: 1 },
  { name: 'all closed on time but one overdue case still open', counts: { closedOnTime: 4, closedLate: 0, openPastDue: 1 }, rate: 0.8 },
  { name: 'only overdue open cases', counts: { closedOnTime: 0, closedLate: 0, openPastDue: 3 }, rate: 0 },
  { name: 'late closures count against', counts: { closedOnTime: 1, closedLate: 1, openPastDue: 0 }, rate: 0.5 },
  { name: 'mixed', counts: { closedOnTime: 6, closedLate: 2, openPastDue: 2 }, rate: 0.6 },
];

for (const row of table) {
  test(`on-time rate: ${row.name}`, () => {
    assert.equal(onTimeRate(row.counts), row.rate);
  });
}

test('on-time rate is never 1 while an overdue case is open', () => {
  for (let onTime = 0; onTime <= 50; onTime++) {
    for (let late = 0; late <= 5; late++) {
      const rate = onTimeRate({ closedOnTime: onTime, closedLate: late, openPastDue: 1 });
      assert.ok(rate !== null && rate < 1, `${onTime}/${late}`);
    }
  }
});
