import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inboxSearch, parseInboxFilters } from './inbox-query.ts';

void test('inbox filters round-trip through the query string', () => {
  const filters = { view: 'mine', status: 'in_progress', type: 'phan_anh', category: 'chieu_sang', unitCode: '26740', q: 'đèn đường', sort: 'due' } as const;
  assert.deepEqual(parseInboxFilters(inboxSearch(filters)), filters);
});

void test('unknown or empty values fall back to the defaults', () => {
  assert.deepEqual(parseInboxFilters('?view=bogus&status=nope&q=%20&category=DROP%20TABLE&unit=%3Cx%3E'), {
    view: 'unit',
    status: undefined,
    type: undefined,
    category: undefined,
    unitCode: undefined,
    q: undefined,
    sort: undefined,
  });
  assert.equal(inboxSearch({ view: 'unit' }), '');
});

void test('views match the contract', async () => {
  const contract = await import('../../../../contracts/api.ts');
  const { CASE_VIEWS } = await import('./inbox-query.ts');
  assert.deepEqual([...CASE_VIEWS], [...contract.CASE_VIEWS]);
  const { CASE_SORTS } = await import('./inbox-query.ts');
  assert.deepEqual([...CASE_SORTS], [...contract.CASE_SORTS]);
});
