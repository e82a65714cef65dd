import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VISIT_STATES, type VisitState } from '../../../../contracts/enums.ts';
import { isCitizenToldOf, isVisitFinished, nextVisitState, visitActions, type VisitAction } from './visit-states.ts';

test('visit transitions', () => {
  const table: [VisitState, VisitAction, VisitState | null][] = [
    ['offered', 'confirm', 'confirmed'],
    ['offered', 'dispatch', null],
    ['offered', 'cancel', 'cancelled'],
    ['offered', 'complete', null],
    ['confirmed', 'confirm', null],
    ['confirmed', 'dispatch', 'dispatched'],
    ['confirmed', 'depart', null],
    ['confirmed', 'cancel', 'cancelled'],
    ['dispatched', 'dispatch', 'dispatched'],
    ['dispatched', 'depart', 'on_the_way'],
    ['dispatched', 'collect', null],
    ['dispatched', 'no_show', null],
    ['on_the_way', 'collect', 'collected'],
    ['on_the_way', 'no_show', 'no_show'],
    ['on_the_way', 'cancel', 'cancelled'],
    ['on_the_way', 'complete', null],
    ['collected', 'complete', 'done'],
    ['collected', 'cancel', null],
    ['done', 'cancel', null],
    ['done', 'complete', null],
    ['cancelled', 'confirm', null],
    ['no_show', 'dispatch', null],
  ];
  for (const [from, action, to] of table) assert.equal(nextVisitState(from, action), to, `${from} --${action}-->`);
});

test('finished states have no actions, and every other state can still end', () => {
  for (const s of VISIT_STATES) {
    assert.equal(visitActions(s).length === 0, isVisitFinished(s), s);
    if (!isVisitFinished(s)) assert.ok(visitActions(s).some((a) => a === 'cancel' || a === 'complete'), `${s} can end`);
  }
});

test('the citizen is told at the offer, confirmation, on the way, completion and cancellation', () => {
  assert.deepEqual(
    VISIT_STATES.filter(isCitizenToldOf),
    ['offered', 'confirmed', 'on_the_way', 'done', 'cancelled', 'no_show'],
  );
});
