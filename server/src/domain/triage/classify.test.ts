import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteer } from '../../triage/load-gazetteer.ts';
import { readExamples, CORPUS_PATH } from '../../triage/read-examples.ts';
import { evaluateWithModel } from '../../triage/evaluate.ts';
import { classifyMessage } from './classify.ts';
import { trainModel } from './train-model.ts';

const g = loadGazetteer();
const all = readExamples(CORPUS_PATH).examples;
// Hold out every 5th message; thresholds sit below what 5-fold CV measures so a regression fails.
const model = trainModel(all.filter((_, i) => i % 5 !== 0));
const heldOut = all.filter((_, i) => i % 5 === 0);

void test('held-out split: type, procedure, places and PII stay above their floors', () => {
  const r = evaluateWithModel(heldOut, model, g);
  const field = (f: string) => r.classification.find((c) => c.field === f);
  assert.ok((field('type')?.accuracy ?? 0) >= 0.78, `type ${field('type')?.accuracy}`);
  assert.ok((field('procedure')?.accuracy ?? 0) >= 0.82, `procedure ${field('procedure')?.accuracy}`);
  assert.ok((field('category')?.accuracy ?? 0) >= 0.68, `category ${field('category')?.accuracy}`);
  assert.ok(r.extraction.ward.f1 >= 0.9 && r.extraction.district.f1 >= 0.9 && r.extraction.street.f1 >= 0.9);
  assert.ok(r.extraction.has_pii.recall >= 0.95);
});

void test('bad input gives khac with low confidence, never a crash', () => {
  const binary = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)).toString('latin1');
  for (const text of ['', '   ', '😀😀🙏', binary, '中文内容没有越南语', 'x'.repeat(100_000), '\u0000\u0001']) {
    const r = classifyMessage(text, model, g);
    assert.ok(['khac', 'phan_anh', 'hoi_dap', 'thu_tuc', 'gop_y'].includes(r.type));
    if (text.length < 1000) {
      assert.equal(r.type, 'khac', JSON.stringify(text.slice(0, 20)));
      assert.ok(r.confidence < 0.5 && r.needsHumanTriage);
    }
  }
});

void test('formal complaints are recognised for the legal track', () => {
  const r = classifyMessage('Tôi làm đơn khiếu nại quyết định thu hồi đất của UBND phường', model, g);
  assert.equal(r.legalTrack, 'khieu_nai');
  assert.equal(r.needsHumanTriage, true);
});
