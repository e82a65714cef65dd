import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LabelledExample } from '../domain/triage/types.ts';
import { stratifiedFolds } from './evaluate.ts';

const examples: LabelledExample[] = Array.from({ length: 53 }, (_, i) => ({
  text: `m${i}`, type: i % 3 === 0 ? 'hoi_dap' : 'phan_anh', category: i % 3 === 0 ? null : i % 2 ? 'moi_truong' : 'giao_thong', procedure: null, urgent: false,
}));

void test('stratified folds: fixed by the seed, every label combination spread evenly over the folds', () => {
  const a = stratifiedFolds(examples, 5, 1);
  assert.deepEqual(stratifiedFolds(examples, 5, 1), a);
  assert.notDeepEqual(stratifiedFolds(examples, 5, 2), a);
  const sizes = [0, 1, 2, 3, 4].map((f) => a.filter((x) => x === f).length);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, JSON.stringify(sizes));
  for (const key of ['hoi_dap', 'moi_truong', 'giao_thong']) {
    const per = [0, 1, 2, 3, 4].map((f) => examples.filter((e, i) => a[i] === f && (e.category ?? e.type) === key).length);
    assert.ok(Math.max(...per) - Math.min(...per) <= 1, `${key} ${JSON.stringify(per)}`);
  }
});
