import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_ROLES } from '../../../../contracts/enums.ts';
import { caseActions, mayActOnCase, type CaseRelation } from './case-access.ts';

// Expected actions per relation for an officer, whose role grants all case work.
const OFFICER: Record<CaseRelation, string[]> = {
  lead: ['case.reply', 'case.note', 'case.status', 'case.assign', 'case.triage', 'case.transfer', 'case.visit'],
  coordinating: ['case.note'],
  incoming: [],
  none: [],
};

for (const [relation, expected] of Object.entries(OFFICER) as [CaseRelation, string[]][]) {
  test(`an officer of a ${relation} unit may: ${expected.join(', ') || 'nothing beyond reading'}`, () =>
    assert.deepEqual(caseActions('officer', relation), expected));
}

test('reading: lead, coordinating and incoming units read the case; others do not', () => {
  for (const role of STAFF_ROLES) {
    assert.equal(mayActOnCase(role, 'lead', 'case.read'), true);
    assert.equal(mayActOnCase(role, 'coordinating', 'case.read'), true);
    assert.equal(mayActOnCase(role, 'incoming', 'case.read'), true);
    assert.equal(mayActOnCase(role, 'none', 'case.read'), false);
  }
});

test('the lead unit may do whatever its role grants, also actions that are not case page buttons', () => {
  assert.equal(mayActOnCase('officer', 'lead', 'photo.publish'), true);
  assert.equal(mayActOnCase('triage_operator', 'lead', 'photo.publish'), false);
});

test('the role still limits what a relation opens: a viewer only reads; a triage operator never replies', () => {
  assert.deepEqual(caseActions('viewer', 'lead'), []);
  assert.deepEqual(caseActions('viewer', 'coordinating'), []);
  assert.deepEqual(caseActions('triage_operator', 'lead'), ['case.note', 'case.assign', 'case.triage']);
  assert.deepEqual(caseActions('unit_admin', 'coordinating'), ['case.note']);
});

test('status changes and replies belong to the lead unit only', () => {
  for (const relation of ['coordinating', 'incoming', 'none'] as const) {
    for (const action of ['case.status', 'case.reply', 'case.assign', 'case.triage', 'case.transfer', 'case.visit', 'photo.publish'] as const)
      assert.equal(mayActOnCase('city_admin', relation, action), false, `${relation} ${action}`);
  }
});
