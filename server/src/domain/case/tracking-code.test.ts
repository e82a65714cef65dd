import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTrackingCode, parseTrackingCode, TRACKING_ALPHABET } from './tracking-code.ts';

test('formats 8 symbols as GD-XXXX-XXXX', () => {
  assert.equal(formatTrackingCode([7, 20, 3, 23, 9, 21, 22, 29]), 'GD-7M3Q-9NPX');
});

test('the alphabet has 32 symbols and none of I, L, O, U', () => {
  assert.equal(new Set(TRACKING_ALPHABET).size, 32);
  for (const c of 'ILOU') assert.equal(TRACKING_ALPHABET.includes(c), false);
});

test('refuses anything but 8 integers in [0, 32)', () => {
  assert.throws(() => formatTrackingCode([1, 2, 3]));
  assert.throws(() => formatTrackingCode([0, 0, 0, 0, 0, 0, 0, 32]));
  assert.throws(() => formatTrackingCode([0, 0, 0, 0, 0, 0, 0, 1.5]));
});

test('parsing forgives case, spaces, missing prefix and look-alike letters', () => {
  const table: [string, string | null][] = [
    ['GD-7M3Q-9NPX', 'GD-7M3Q-9NPX'],
    ['gd-7m3q-9npx', 'GD-7M3Q-9NPX'],
    [' 7M3Q 9NPX ', 'GD-7M3Q-9NPX'],
    ['GD7M3Q9NPX', 'GD-7M3Q-9NPX'],
    ['GD-OOIL-0011', 'GD-0011-0011'],
    ['GD-7M3Q-9NP', null],
    ['GD-7M3Q-9NPU', null],
    ['', null],
    ['<script>', null],
  ];
  for (const [input, expected] of table) assert.equal(parseTrackingCode(input), expected, input);
});

test('every formatted code parses back to itself', () => {
  for (let i = 0; i < 200; i++) {
    const code = formatTrackingCode(Array.from({ length: 8 }, (_, j) => (i * 7 + j * 13) % 32));
    assert.equal(parseTrackingCode(code), code);
  }
});
