import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFeeAndReceipt, percentile, summarizeElapsed, visitElapsedMs, type FeeProblem } from './visit-outcome.ts';

test('fee and receipt', () => {
  const table: [number, string | null, FeeProblem[]][] = [
    [2000, 'BL-2026/000123', []],
    [0, null, []],
    [0, '', []],
    [0, 'MIEN-01', []],
    [50_000, '0001234', []],
    [2000, null, ['receipt_missing']],
    [2000, '   ', ['receipt_missing']],
    [2000, 'BL 123', ['receipt_malformed']],
    [2000, 'x', ['receipt_malformed']],
    [2000.5, 'BL-1', ['fee_not_whole']],
    [-1, 'BL-1', ['fee_negative']],
    [20_000_000, 'BL-1', ['fee_too_large']],
    [Number.NaN, null, ['fee_not_whole']],
  ];
  for (const [fee, receipt, expected] of table) assert.deepEqual(checkFeeAndReceipt(fee, receipt), expected, `${fee} ${receipt}`);
});

test('elapsed time and its summary', () => {
  const first = new Date('2026-11-02T02:00:00Z');
  assert.equal(visitElapsedMs(first, new Date('2026-11-02T02:15:00Z')), 15 * 60_000);
  assert.equal(visitElapsedMs(first, new Date('2026-11-02T01:00:00Z')), 0);
  const min = 60_000;
  const table: [number[], { count: number; medianMs: number | null; p90Ms: number | null }][] = [
    [[], { count: 0, medianMs: null, p90Ms: null }],
    [[15 * min], { count: 1, medianMs: 15 * min, p90Ms: 15 * min }],
    [[30, 10, 20].map((m) => m * min), { count: 3, medianMs: 20 * min, p90Ms: 30 * min }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => m * min), { count: 10, medianMs: 5 * min, p90Ms: 9 * min }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100].map((m) => m * min), { count: 11, medianMs: 6 * min, p90Ms: 10 * min }],
  ];
  for (const [list, expected] of table) assert.deepEqual(summarizeElapsed(list), expected, list.join(','));
  assert.equal(percentile([1, 2, 3, 4], 0), 1);
  assert.equal(percentile([1, 2, 3, 4], 100), 4);
});
