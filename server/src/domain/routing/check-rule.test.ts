import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasSameConditions, normalizeMatch, unknownCodes } from './check-rule.ts';

test('normalising a match drops empty lists and sorts the others, so order and repeats do not matter', () => {
  assert.deepEqual(normalizeMatch({ types: [], categories: ['giao_thong', 'an_ninh', 'an_ninh'], urgent: false }), {
    categories: ['an_ninh', 'giao_thong'],
    urgent: false,
  });
  assert.ok(hasSameConditions({ categories: ['a', 'b'] }, { categories: ['b', 'a'], procedures: [] }));
  assert.ok(!hasSameConditions({ categories: ['a'] }, { categories: ['a'], urgent: true }));
  assert.ok(hasSameConditions({}, { types: [] }));
});

test('codes the first pass never assigns are reported per field', () => {
  assert.deepEqual(unknownCodes({ categories: ['an_ninh', 'xe_lua'], procedures: ['khai_sinh', 'visa'] }), {
    categories: ['xe_lua'],
    procedures: ['visa'],
  });
  assert.deepEqual(unknownCodes({}), { categories: [], procedures: [] });
});
