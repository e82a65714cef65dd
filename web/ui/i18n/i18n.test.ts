import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CASE_STATUSES,
  CASE_TYPES,
  DELIVERY_STATUSES,
  INTAKE_METHODS,
  STAFF_ROLES,
  ROUTING_CATEGORIES,
  TRIAGE_PROCEDURES,
} from '../../../contracts/enums.ts';
import { ERROR_STATUS } from '../../../contracts/errors.ts';
import { en } from './en.ts';
import { placeholdersOf, translate } from './translate.ts';
import { vi } from './vi.ts';

void test('vi and en have exactly the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
});

void test('every message uses the same placeholders in both languages', () => {
  for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
    assert.deepEqual(placeholdersOf(en[key]), placeholdersOf(vi[key]), key);
  }
});

void test('no message is empty', () => {
  for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) assert.ok(text.trim().length > 0, key);
});

void test('every enum value and error code has a label', () => {
  const keys = new Set(Object.keys(vi));
  const expected = [
    ...CASE_STATUSES.map((s) => `status.${s}`),
    ...CASE_TYPES.map((s) => `type.${s}`),
    ...DELIVERY_STATUSES.map((s) => `delivery.${s}`),
    ...INTAKE_METHODS.map((s) => `intake.${s}`),
    ...STAFF_ROLES.map((s) => `role.${s}`),
    ...ROUTING_CATEGORIES.map((s) => `category.${s}`),
    ...TRIAGE_PROCEDURES.map((s) => `procedure.${s}`),
    ...Object.keys(ERROR_STATUS).map((code) => `error.${code}`),
  ];
  for (const key of expected) assert.ok(keys.has(key), key);
});

void test('translate fills placeholders and leaves unknown ones visible', () => {
  assert.equal(translate('vi', 'inbox.count', { n: 3 }), '3 hồ sơ');
  assert.equal(translate('en', 'inbox.count', { n: 3 }), '3 cases');
  assert.equal(translate('vi', 'inbox.count', {}), '{n} hồ sơ');
});
