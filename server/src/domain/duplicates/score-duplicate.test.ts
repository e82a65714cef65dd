import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreDuplicate, type DuplicateEvidence } from './score-duplicate.ts';

const base: DuplicateEvidence = { textSimilarity: 0.3, distanceM: null, sameCategory: true, sameStreet: false, hoursApart: 5 };

test('duplicate proposals table', () => {
  const table: [string, Partial<DuplicateEvidence>, boolean][] = [
    ['same words, same spot', { textSimilarity: 0.5, distanceM: 30 }, true],
    ['different words but 30 m apart, same category and street', { textSimilarity: 0.15, distanceM: 30, sameStreet: true }, true],
    ['similar words on the same street, no map points', { textSimilarity: 0.35, sameStreet: true }, true],
    ['same words but 2 km apart', { textSimilarity: 0.5, distanceM: 2000 }, false],
    ['weakly similar, nothing else', { textSimilarity: 0.25 }, false],
    ['very similar text alone', { textSimilarity: 0.7 }, true],
    ['same spot, another category, unlike words', { textSimilarity: 0.1, distanceM: 20, sameCategory: false }, false],
  ];
  for (const [name, change, propose] of table) {
    const s = scoreDuplicate({ ...base, ...change });
    assert.equal(s.propose, propose, `${name} (score ${s.score})`);
    assert.ok(s.score >= 0 && s.score <= 1);
    assert.ok(s.reasons.every((r) => r.vi && r.en));
  }
});
