import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canRate, canReopen } from './after-resolution.ts';

const resolvedAt = new Date('2026-11-02T03:00:00Z');
const day = 86_400_000;

test('rating and reopening after resolution', () => {
  const table: [string, Parameters<typeof canReopen>[0], number, boolean, boolean][] = [
    ['resolved, next day', { status: 'resolved', resolvedAt, mergedIntoId: null }, 1, true, true],
    ['closed after resolution, 6 days', { status: 'closed', resolvedAt, mergedIntoId: null }, 6, true, true],
    ['resolved, 8 days', { status: 'resolved', resolvedAt, mergedIntoId: null }, 8, true, false],
    ['in progress', { status: 'in_progress', resolvedAt: null, mergedIntoId: null }, 0, false, false],
    ['rejected', { status: 'rejected', resolvedAt: null, mergedIntoId: null }, 0, false, false],
    ['merged duplicate', { status: 'closed', resolvedAt, mergedIntoId: 'x' }, 1, false, false],
  ];
  for (const [name, c, days, rate, reopen] of table) {
    assert.equal(canRate(c), rate, `${name}: rate`);
    assert.equal(canReopen(c, new Date(resolvedAt.getTime() + days * day)), reopen, `${name}: reopen`);
  }
});
