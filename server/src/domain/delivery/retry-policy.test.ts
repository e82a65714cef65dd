import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AMBIGUOUS_RETRY_MIN_MS, nextAttemptDelayMs, retryDelayMs } from './retry-policy.ts';

test('delay doubles per attempt between half and all of the exponential step', () => {
  const table: [number, number, number][] = [
    // attempt, random, expected ms (base 2 s)
    [1, 0, 1_000],
    [1, 0.999999, 2_000],
    [2, 0, 2_000],
    [3, 0.5, 6_000],
    [5, 0, 16_000],
  ];
  for (const [attempt, random, expected] of table) assert.equal(retryDelayMs(attempt, random), expected, `attempt ${attempt}`);
});

test('delay is capped', () => {
  assert.equal(retryDelayMs(40, 0.999999, { maxMs: 60_000 }), 60_000);
  assert.ok(retryDelayMs(40, 0) >= 7.5 * 60_000);
});

test('jitter spreads retries of the same attempt', () => {
  const delays = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(4, i / 20)));
  assert.equal(delays.size, 20);
});

test('a provider hint longer than our own delay wins', () => {
  assert.equal(nextAttemptDelayMs(1, 0, 30_000), 30_000);
  assert.equal(nextAttemptDelayMs(5, 0, 10), retryDelayMs(5, 0));
  assert.equal(nextAttemptDelayMs(2, 0.5, undefined), retryDelayMs(2, 0.5));
});

test('a send with an unknown outcome waits for the provider echo before it is tried again', () => {
  assert.equal(nextAttemptDelayMs(1, 0, undefined, true), AMBIGUOUS_RETRY_MIN_MS);
  assert.equal(nextAttemptDelayMs(12, 0.9, undefined, true), retryDelayMs(12, 0.9), 'long backoffs are not shortened');
  assert.equal(nextAttemptDelayMs(1, 0, 120_000, true), 120_000);
});
