import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_ROLES } from '../../../../contracts/enums.ts';
import { isAllowed, isPathInScope, STAFF_ACTIONS, type StaffAction } from './permissions.ts';

const MATRIX: Record<(typeof STAFF_ROLES)[number], StaffAction[]> = {
  city_admin: [...STAFF_ACTIONS],
  unit_admin: STAFF_ACTIONS.filter((a) => a !== 'calendar.edit' && a !== 'routing.edit'),
  officer: ['case.read', 'case.create', 'case.reply', 'case.note', 'case.status', 'case.assign', 'case.triage', 'outbox.read', 'case.transfer', 'photo.publish', 'case.visit'],
  triage_operator: ['case.read', 'case.create', 'case.note', 'case.assign', 'case.triage'],
  viewer: ['case.read'],
};

for (const role of STAFF_ROLES) {
  for (const action of STAFF_ACTIONS) {
    const expected = MATRIX[role].includes(action);
    test(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => assert.equal(isAllowed(role, action), expected));
  }
}

test('only admins manage channels; everyone who reads cases sees channel health', () => {
  assert.deepEqual(STAFF_ROLES.filter((role) => isAllowed(role, 'channel.manage')), ['city_admin', 'unit_admin']);
  assert.ok(STAFF_ROLES.every((role) => isAllowed(role, 'case.read')));
});

test('only city administrators edit the city calendar and the routing rules; unit administrators set their hours', () => {
  assert.deepEqual(STAFF_ROLES.filter((role) => isAllowed(role, 'calendar.edit')), ['city_admin']);
  assert.deepEqual(STAFF_ROLES.filter((role) => isAllowed(role, 'routing.edit')), ['city_admin']);
  assert.deepEqual(STAFF_ROLES.filter((role) => isAllowed(role, 'hours.edit')), ['city_admin', 'unit_admin']);
});

test('scope covers the unit and its subtree only', () => {
  const table: [string, string, boolean][] = [
    ['79', '79', true],
    ['79', '79/26734', true],
    ['79/26734', '79/26734', true],
    ['79/26734', '79/26737', false],
    ['79/2673', '79/26734', false],
    ['79/SXD', '79', false],
  ];
  for (const [scope, unit, expected] of table) assert.equal(isPathInScope(scope, unit), expected, `${scope} ⊇ ${unit}`);
});
