import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitTemperature } from './train-model.ts';

void test('temperature scaling sharpens under-confident probabilities and leaves calibrated ones alone', () => {
  // Always right, but only 60 % sure: the fitted temperature sharpens (T < 1).
  const under = Array.from({ length: 50 }, () => [0.6, 0.3, 0.1]);
  assert.ok(fitTemperature(under, under.map(() => 0)) < 0.5);
  // 80 % sure and right 8 times in 10: already calibrated, T stays near 1.
  const calibrated = Array.from({ length: 50 }, () => [0.8, 0.2]);
  const gold = calibrated.map((_, i) => (i % 10 < 8 ? 0 : 1));
  const t = fitTemperature(calibrated, gold);
  assert.ok(t > 0.85 && t < 1.15, String(t));
  // Right only half the time at 90 %: over-confident, T > 1.
  const over = Array.from({ length: 50 }, () => [0.9, 0.1]);
  assert.ok(fitTemperature(over, over.map((_, i) => i % 2)) > 1.5);
});
