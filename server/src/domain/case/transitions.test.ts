import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_STATUSES, type CaseStatus } from '../../../../contracts/enums.ts';
import { allowedTransitions, canTransition, isOpenStatus, statusAfterAssignment } from './transitions.ts';

// Every pair of statuses, with the expected answer. A new status added to the enum fails this test until
// its row is written here.
const EXPECTED: Record<CaseStatus, CaseStatus[]> = {
  new: ['assigned', 'in_progress', 'waiting_citizen', 'resolved', 'rejected'],
  assigned: ['new', 'in_progress', 'waiting_citizen', 'resolved', 'rejected'],
  in_progress: ['waiting_citizen', 'resolved', 'rejected'],
  waiting_citizen: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
};

for (const from of CASE_STATUSES) {
  for (const to of CASE_STATUSES) {
    const expected = EXPECTED[from].includes(to);
    test(`${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
      assert.equal(canTransition(from, to), expected);
    });
  }
}

test('allowedTransitions lists exactly the allowed targets', () => {
  for (const from of CASE_STATUSES) assert.deepEqual([...allowedTransitions(from)].sort(), [...EXPECTED[from]].sort());
});

test('no status transitions to itself', () => {
  for (const s of CASE_STATUSES) assert.equal(canTransition(s, s), false);
});

test('closed and rejected are the only final, non-open statuses', () => {
  assert.deepEqual(
    CASE_STATUSES.filter((s) => !isOpenStatus(s)),
    ['closed', 'rejected'],
  );
});

test('assignment moves new ↔ assigned and leaves other statuses alone', () => {
  const table: [CaseStatus, boolean, CaseStatus][] = [
    ['new', true, 'assigned'],
    ['assigned', false, 'new'],
    ['assigned', true, 'assigned'],
    ['new', false, 'new'],
    ['in_progress', true, 'in_progress'],
    ['in_progress', false, 'in_progress'],
    ['resolved', true, 'resolved'],
  ];
  for (const [current, has, expected] of table) assert.equal(statusAfterAssignment(current, has), expected, `${current}/${has}`);
});
