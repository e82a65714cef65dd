import assert from 'node:assert/strict';
import { test } from 'node:test';
import { topTwo } from './predict-labels.ts';
import type { MessageType } from './types.ts';

const CLASSES: MessageType[] = ['thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khac'];

void test('topTwo picks the first two of a stable sort by falling probability, ties in class order', () => {
  const sorted = (probs: number[]) => probs.map((p, k) => ({ type: CLASSES[k] as MessageType, p })).sort((a, b) => b.p - a.p);
  const cases = [[0.1, 0.2, 0.3, 0.2, 0.2], [0.5, 0.5, 0.0, 0.0, 0.0], [0.2, 0.5, 0.4, 0.5, 0], [0.5, 0.5, 0.9, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2]];
  let seed = 7;
  for (let n = 0; n < 200; n++) cases.push(CLASSES.map(() => ((seed = (seed * 69069 + 1) >>> 0) % 5) / 4));
  for (const probs of cases) {
    const ranked = sorted(probs);
    assert.deepEqual(topTwo(CLASSES, probs), { top: ranked[0], second: ranked[1] }, JSON.stringify(probs));
  }
  assert.deepEqual(topTwo([], []), { top: { type: 'khac', p: 0 }, second: { type: 'khac', p: 0 } });
});
