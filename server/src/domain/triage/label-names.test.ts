import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTING_CATEGORIES, TRIAGE_PROCEDURES } from '../../../../contracts/enums.ts';
import { en } from '../../../../web/ui/i18n/en.ts';
import { vi } from '../../../../web/ui/i18n/vi.ts';
import { CATEGORY_NAMES, PROCEDURE_NAMES, nameOf } from './label-names.ts';

void test('every category and procedure has the name the console shows for it', () => {
  for (const c of ROUTING_CATEGORIES) assert.deepEqual(CATEGORY_NAMES[c], { vi: vi[`category.${c}`], en: en[`category.${c}`] }, c);
  for (const p of TRIAGE_PROCEDURES) assert.deepEqual(PROCEDURE_NAMES[p], { vi: vi[`procedure.${p}`], en: en[`procedure.${p}`] }, p);
  assert.deepEqual(nameOf(CATEGORY_NAMES, 'unknown_code'), { vi: 'unknown_code', en: 'unknown_code' });
});
