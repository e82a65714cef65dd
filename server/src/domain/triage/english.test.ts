import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureNames, modelTokens } from './features.ts';
import { looksEnglish, translateEnglish } from './english.ts';
import { analyzeText, foldAccents, tokenize } from './normalize.ts';

const plain = (text: string) => tokenize(foldAccents(text));

void test('English is recognised; Vietnamese without diacritics, teencode and code-mixing are not', () => {
  assert.ok(looksEnglish(plain('Hello, where can I register the birth of my daughter? Thank you')));
  assert.ok(looksEnglish(plain('Is there a fee for certified copies of a passport?')));
  // Short messages with a single marker word, when most words cannot be Vietnamese.
  assert.ok(looksEnglish(plain('a tree fell on a car, someone is trapped')));
  assert.ok(looksEnglish(plain('My neighbor is building an extra floor without a permit')));
  for (const vi of [
    'cho em hoi lam the bhyt cho con o dau a',
    'the can cuoc cua toi bi mat, lam lai o dau',
    'ad oi check giup e ho so tam tru voi, nop online 1 tuan r',
    'Cho mình hỏi phí sao y bao nhiêu ạ? Thanks ad',
  ])
    assert.equal(looksEnglish(plain(vi)), false, vi);
});

void test('the glossary rewrites English into the Vietnamese words the models know', () => {
  assert.deepEqual(translateEnglish(plain('Where do I register temporary residence?')), ['o', 'dau', 'toi', 'dang', 'ky', 'tam', 'tru']);
  // "my X" becomes "X tôi"; unknown words stay, function words go.
  assert.deepEqual(translateEnglish(plain('my mother lost her wallet')), ['me', 'toi', 'bi', 'mat', 'wallet']);
  const a = analyzeText('Hello, garbage has not been collected in our alley for a week. Please help.');
  assert.ok(modelTokens(a).join(' ').includes('rac'));
  assert.ok(featureNames(a).includes('topic:c:moi_truong'));
  // Places and personal data keep working on the original tokens.
  assert.ok(a.tokens.includes('alley'));
});
