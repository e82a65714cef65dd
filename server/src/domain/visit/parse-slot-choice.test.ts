import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSlotChoice } from './parse-slot-choice.ts';

test('a reply choosing a slot', () => {
  const table: [string, number | null][] = [
    ['1', 1],
    [' 2 ', 2],
    ['2.', 2],
    ['chọn 2', 2],
    ['Chọn 2 nhé', 2],
    ['chon 3', 3],
    ['slot 2', 2],
    ['Slot 1!', 1],
    ['số 1 ạ', 1],
    ['khung giờ 2', 2],
    ['#2', 2],
    ['Lựa chọn 1', 1],
    ['tôi chọn 2', 2],
    ['ok 3', 3],
    ['Đồng ý 1', 1],
    ['chọn số 2', 2],
    ['4', null], // not offered (3 slots)
    ['0', null],
    ['chọn 12', null],
    ['số 12 Lê Lợi', null],
    ['1 giờ chiều được không', null],
    ['Cảm ơn phường', null],
    ['', null],
    ['tôi ở số 2 hẻm 45', null],
  ];
  for (const [text, expected] of table) assert.equal(parseSlotChoice(text, 3), expected, JSON.stringify(text));
});
