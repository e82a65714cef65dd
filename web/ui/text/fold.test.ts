import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldDiacritics, matchesQuery, searchByName } from './fold.ts';

void test('folding removes Vietnamese marks, maps đ to d and lowers case', () => {
  assert.equal(foldDiacritics('Phường Bến Thành'), 'phuong ben thanh');
  assert.equal(foldDiacritics('Đa Kao  ĐỨC'), 'da kao duc');
  assert.equal(foldDiacritics('Thủ Đức'), 'thu duc');
});

void test('folding handles decomposed (NFD) input from some keyboards', () => {
  assert.equal(foldDiacritics('Be\u0302\u0301n Tha\u0300nh'), 'ben thanh');
});

void test('every query word must match, in any order, without diacritics', () => {
  assert.ok(matchesQuery('ben thanh', ['Phường Bến Thành']));
  assert.ok(matchesQuery('thanh ben', ['Phường Bến Thành']));
  assert.ok(matchesQuery('BẾN', ['Phường Bến Thành']));
  assert.ok(!matchesQuery('ben nghe', ['Phường Bến Thành']));
  assert.ok(matchesQuery('  ', ['anything']));
});

void test('search ranks names that start with the query first and applies the limit', () => {
  const units = ['Phường Tân Định', 'Phường Định Công', 'Xã Định An', 'Phường Sài Gòn'].map((fullName) => ({ fullName, name: fullName.split(' ').slice(1).join(' ') }));
  const fields = (u: { fullName: string; name: string }) => [u.fullName, u.name];
  assert.deepEqual(
    searchByName(units, 'dinh', fields).map((u) => u.fullName),
    ['Phường Định Công', 'Xã Định An', 'Phường Tân Định'],
  );
  assert.equal(searchByName(units, '', fields, 2).length, 2);
});
