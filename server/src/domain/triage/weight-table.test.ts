import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeatureRank, packWeights, popcount32, rankOf, weightAt } from './weight-table.ts';

void test('popcount32 counts the bits of any 32-bit pattern', () => {
  for (const [v, n] of [[0, 0], [1, 1], [0xff, 8], [-1, 32], [0x80000000 | 0, 1], [0x55555555, 16]] as const) assert.equal(popcount32(v), n, String(v));
});

void test('rankOf gives each index its position among the sorted indices, -1 for the others', () => {
  const indices = [5, 0, 31, 32, 33, 1000, 262143, 64, 95];
  const r = buildFeatureRank([...indices, -1, 262144, 1.5], 18);
  const sorted = [...indices].sort((a, b) => a - b);
  assert.equal(r.size, indices.length);
  for (let idx = 0; idx < 2 ** 18; idx++) assert.equal(rankOf(r, idx), sorted.indexOf(idx), String(idx));
  assert.equal(rankOf(r, 2 ** 18), -1);
});

void test('packed weights decode to the very same 32-bit floats', () => {
  const weights = Float32Array.from([0.001, -0.25, 0, -0, 3.904, 0.001, 1e-7, -3.904]);
  const packed = packWeights(weights, 4);
  assert.ok(packed.codes, 'few distinct values: 16-bit codes');
  assert.equal(packed.values.length, 7);
  for (let j = 0; j < weights.length; j++) assert.ok(Object.is(weightAt(packed, j), weights[j]), String(j));
});

void test('more than 65 536 distinct weights stay plain', () => {
  const weights = Float32Array.from({ length: 70_000 }, (_, j) => j / 7);
  const packed = packWeights(weights, 7);
  assert.equal(packed.codes, null);
  for (const j of [0, 65_535, 65_536, 69_999]) assert.equal(weightAt(packed, j), weights[j]);
});
