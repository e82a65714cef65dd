import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsCheckFrom } from './fact-checks.ts';
import { anyWordTsQuery, foldForSearch, isProcedureCode, searchVariants } from './search-terms.ts';

void test('foldForSearch drops diacritics, đ, case and punctuation but keeps procedure codes', () => {
  assert.equal(foldForSearch('  Đăng ký KẾT HÔN!! '), 'dang ky ket hon');
  assert.equal(foldForSearch('mã 1.001193.'), 'ma 1.001193');
  assert.equal(foldForSearch('<script>alert(1)</script>'), 'script alert 1 script');
});

void test('searchVariants adds synonym rewrites, longest phrase first, and the combined rewrite', () => {
  const synonyms = [
    { phrase: 'sao y', means: 'chung thuc ban sao' },
    { phrase: 'sao y ban chinh', means: 'chung thuc ban sao tu ban chinh' },
    { phrase: 'bang dai hoc', means: 'giay to van ban' },
  ];
  assert.deepEqual(searchVariants('Sao y bằng đại học', synonyms), [
    'sao y bang dai hoc',
    'sao y giay to van ban',
    'chung thuc ban sao bang dai hoc',
    'chung thuc ban sao giay to van ban',
  ]);
  assert.deepEqual(searchVariants('sao y ban chinh', synonyms), ['sao y ban chinh', 'chung thuc ban sao tu ban chinh', 'chung thuc ban sao ban chinh']);
  assert.deepEqual(searchVariants('khaosan', synonyms), ['khaosan']);
  assert.deepEqual(searchVariants('  ', synonyms), []);
});

void test('anyWordTsQuery ORs plain words only (safe for to_tsquery)', () => {
  assert.equal(anyWordTsQuery('dang ky ky 1.001193'), 'dang | ky');
  assert.equal(anyWordTsQuery(''), '');
});

void test('isProcedureCode', () => {
  assert.ok(isProcedureCode('1.001193'));
  assert.ok(!isProcedureCode('1001193'));
});

void test('needsCheckFrom flags what the data does not state as verified', () => {
  assert.deepEqual(needsCheckFrom({ processing_time: 'verified', fees: 'verified (DVCQG: 0)', documents: 'partly law' }), {
    processingTime: false,
    fees: false,
    documents: true,
    legalBasis: true,
  });
  assert.deepEqual(needsCheckFrom({ all: 'verified' }), { processingTime: false, fees: false, documents: false, legalBasis: false });
  assert.deepEqual(needsCheckFrom({ processing_time: 'same-day verified (HCMC ward page); 3-day limit (law)' }).processingTime, true);
  assert.deepEqual(needsCheckFrom(undefined), { processingTime: true, fees: true, documents: true, legalBasis: true });
});
